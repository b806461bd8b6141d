package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A library whose nullable components are marked with JSpecify's {@code @Nullable}, a type-use
 * annotation only, which javac before JDK 22 does not read from class files; and an application
 * that extends its catalog. Seven events, four of the library's and both of the application's with
 * a component that may be null, and a payload record with nullable components of its own.
 */
final class DeskLibrary {

  static final String PACKAGE = "com.acme.desk";
  static final String APPLICATION = "com.acme.store";

  private DeskLibrary() {}

  /** The library's sources, one type a file. */
  static List<JavaFileObject> sources() {
    return List.of(
        source(
            PACKAGE + ".Trimmed",
            """
            package com.acme.desk;

            import java.lang.annotation.ElementType;
            import java.lang.annotation.Target;

            /** A type-use annotation with a member, kept on emit parameters as written. */
            @Target(ElementType.TYPE_USE)
            public @interface Trimmed {
              int max();
            }
            """),
        source(
            PACKAGE + ".Conversation",
            """
            package com.acme.desk;

            import java.util.List;
            import org.jspecify.annotations.Nullable;

            public record Conversation(
                String id, @Nullable Integer rating, List<@Nullable String> tags) {}
            """),
        source(
            PACKAGE + ".ConversationStartEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent(value = "conversation.started", replayLatest = true)
            public record ConversationStartEvent(
                String conversationId, @Nullable Conversation conversation) {}
            """),
        source(
            PACKAGE + ".MessageSentEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;
            import java.time.Instant;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record MessageSentEvent(
                String conversationId, @Trimmed(max = 500) String text, @Nullable Instant editedAt) {}
            """),
        source(
            PACKAGE + ".ErrorEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record ErrorEvent(String code, @Nullable String context) {}
            """),
        source(
            PACKAGE + ".RatingSubmittedEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record RatingSubmittedEvent(
                String conversationId, int stars, @Nullable String comment) {}
            """),
        source(
            PACKAGE + ".WidgetOpenedEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent
            public record WidgetOpenedEvent(String page) {}
            """));
  }

  /** The application's sources: its catalog extends the library's, and adds two events. */
  static List<JavaFileObject> application() {
    return List.of(
        source(
            APPLICATION + ".package-info",
            """
            @SupportEventCatalog(extend = com.acme.desk.SupportEventType.class)
            package com.acme.store;

            import dev.supportevents.annotations.SupportEventCatalog;
            """),
        source(
            APPLICATION + ".CheckoutHelpRequestedEvent",
            """
            package com.acme.store;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record CheckoutHelpRequestedEvent(String visitorId, @Nullable String step) {}
            """),
        source(
            APPLICATION + ".OrderIssueReportedEvent",
            """
            package com.acme.store;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record OrderIssueReportedEvent(String orderId, @Nullable String conversationId) {}
            """));
  }

  /**
   * The seven events, each with its nullable components null, emitted through the application's
   * hub, as {@code "wireName"} and event pairs.
   */
  static JavaFileObject samples() {
    return source(
        APPLICATION + ".Samples",
        """
        package com.acme.store;

        import com.acme.desk.Conversation;
        import com.acme.desk.ConversationStartEvent;
        import com.acme.desk.ErrorEvent;
        import com.acme.desk.MessageSentEvent;
        import com.acme.desk.RatingSubmittedEvent;
        import java.util.AbstractMap;
        import java.util.ArrayList;
        import java.util.Arrays;
        import java.util.List;
        import java.util.Map;
        import java.util.function.Supplier;

        public final class Samples implements Supplier<List<Map.Entry<String, Record>>> {
          @Override
          public List<Map.Entry<String, Record>> get() {
            List<Map.Entry<String, Record>> samples = new ArrayList<>();
            try (SupportEvents hub = SupportEvents.create()) {
              hub.subscribeAll((type, event) ->
                  samples.add(new AbstractMap.SimpleEntry<>(type.wireName(), event)));
              hub.emit(new ConversationStartEvent("c-1", null));
              hub.emit(new ConversationStartEvent(
                  "c-2", new Conversation("c-2", null, Arrays.asList("vip", null))));
              hub.emit(new MessageSentEvent("c-1", "Hello", null));
              hub.emit(new ErrorEvent("E42", null));
              hub.emit(new RatingSubmittedEvent("c-1", 5, null));
              hub.emitWidgetOpened("/help");
              hub.emit(new CheckoutHelpRequestedEvent("v-7", null));
              hub.emit(new OrderIssueReportedEvent("o-9", null));
            }
            return samples;
          }
        }
        """);
  }
}
