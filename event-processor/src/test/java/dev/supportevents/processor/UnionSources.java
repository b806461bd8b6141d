package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.util.List;
import javax.tools.JavaFileObject;

/** Catalogs whose events are the records of one sealed interface, marked {@code @SupportEvent}. */
final class UnionSources {

  /** The package whose union lists top-level records after {@code permits}. */
  static final String TOP_LEVEL = "com.acme.widget";

  /** The package whose union's records are nested in it. */
  static final String NESTED = "com.acme.chat";

  private UnionSources() {}

  /**
   * {@code WidgetEvent permits ConversationStartEvent, MessageSentEvent, ErrorEvent}, each record
   * in a file of its own and so marked {@code @SupportEvent}; one is named by
   * {@code @SupportEvent("...")} and one is kept and replayed.
   */
  static List<JavaFileObject> topLevel() {
    return List.of(
        source(TOP_LEVEL + ".WidgetEvent", """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;

            /** Every event of the widget. */
            @SupportEvent
            public sealed interface WidgetEvent
                permits ConversationStartEvent, MessageSentEvent, ErrorEvent {}
            """),
        source(TOP_LEVEL + ".ConversationStartEvent", """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent(replayLatest = true)
            public record ConversationStartEvent(String conversationId) implements WidgetEvent {}
            """),
        source(TOP_LEVEL + ".MessageSentEvent", """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent("message.sent")
            public record MessageSentEvent(String conversationId, String text)
                implements WidgetEvent {}
            """),
        source(TOP_LEVEL + ".ErrorEvent", """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record ErrorEvent(Throwable error, @Nullable String context)
                implements WidgetEvent {}
            """));
  }

  /** {@code ChatEvent} with its three records nested in it, none of them annotated but one. */
  static List<JavaFileObject> nested() {
    return List.of(source(NESTED + ".ChatEvent", """
        package com.acme.chat;

        import dev.supportevents.annotations.SupportEvent;
        import org.jspecify.annotations.Nullable;

        /** What happens in a chat. */
        @SupportEvent
        public sealed interface ChatEvent {

          /** A chat opened. */
          @SupportEvent("chat.opened")
          record Opened(String chatId) implements ChatEvent {}

          /** A visitor typed. */
          record Typed(String chatId, String text) implements ChatEvent {}

          /** A chat closed. */
          record Closed(String chatId, @Nullable String reason) implements ChatEvent {}
        }
        """));
  }
}
