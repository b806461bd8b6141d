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

  /** The package whose union groups some of its records in sealed interfaces. */
  static final String GROUPED = "com.acme.desk";

  private UnionSources() {}

  /**
   * {@code WidgetEvent permits ConversationStartEvent, MessageSentEvent, ErrorEvent}, each record
   * in a file of its own and so marked {@code @SupportEvent}; one is named by
   * {@code @SupportEvent("...")} and one is kept and replayed.
   */
  static List<JavaFileObject> topLevel() {
    return List.of(
        source(
            TOP_LEVEL + ".WidgetEvent",
            """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;

            /** Every event of the widget. */
            @SupportEvent
            public sealed interface WidgetEvent
                permits ConversationStartEvent, MessageSentEvent, ErrorEvent {}
            """),
        source(
            TOP_LEVEL + ".ConversationStartEvent",
            """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent(replayLatest = true)
            public record ConversationStartEvent(String conversationId) implements WidgetEvent {}
            """),
        source(
            TOP_LEVEL + ".MessageSentEvent",
            """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent("message.sent")
            public record MessageSentEvent(String conversationId, String text)
                implements WidgetEvent {}
            """),
        source(
            TOP_LEVEL + ".ErrorEvent",
            """
            package com.acme.widget;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record ErrorEvent(Throwable error, @Nullable String context)
                implements WidgetEvent {}
            """));
  }

  /**
   * {@code DeskEvent permits TicketEvent, NoteAddedEvent}, where {@code TicketEvent} is a sealed
   * interface, a group of two events, and one of them a group of one: the catalog's events are the
   * records of every group, depth first in the order permitted.
   */
  static List<JavaFileObject> grouped() {
    return List.of(
        source(
            GROUPED + ".DeskEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;

            /** Every event of the help desk. */
            @SupportEvent
            public sealed interface DeskEvent permits TicketEvent, NoteAddedEvent {}
            """),
        source(
            GROUPED + ".TicketEvent",
            """
            package com.acme.desk;

            /** The events of one ticket. */
            public sealed interface TicketEvent extends DeskEvent
                permits TicketOpenedEvent, TicketEvent.Closing {
              String ticketId();

              /** How a ticket ends. */
              sealed interface Closing extends TicketEvent permits TicketClosedEvent {}
            }
            """),
        source(
            GROUPED + ".TicketOpenedEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent(replayLatest = true)
            public record TicketOpenedEvent(String ticketId) implements TicketEvent {}
            """),
        source(
            GROUPED + ".TicketClosedEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent
            public record TicketClosedEvent(String ticketId) implements TicketEvent.Closing {}
            """),
        source(
            GROUPED + ".NoteAddedEvent",
            """
            package com.acme.desk;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent
            public record NoteAddedEvent(String text) implements DeskEvent {}
            """));
  }

  /** {@code ChatEvent} with its three records nested in it, none of them annotated but one. */
  static List<JavaFileObject> nested() {
    return List.of(
        source(
            NESTED + ".ChatEvent",
            """
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
