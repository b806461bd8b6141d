package dev.supportevents.example.benchmarks;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What every dispatch benchmark shares, so that each scenario does the same work: the same event
 * and the same listener body, which hands the event to a {@link Blackhole}.
 */
final class Workload {

  static final String CONVERSATION_ID = "c-1042";
  static final Message MESSAGE =
      new Message(
          "m-7",
          CONVERSATION_ID,
          Sender.visitor("v-3", "Alex"),
          "My invoice shows the wrong plan",
          List.of(),
          Instant.parse("2026-11-25T09:30:00Z"));

  private Workload() {}

  /** The listener of the one-listener scenarios. */
  static Consumer<MessageSentEvent> listener(Blackhole blackhole) {
    return event -> blackhole.consume(event);
  }

  /** The listener of a group of events, for the scenario that subscribes by the group's class. */
  static Consumer<MessageEvent> groupListener(Blackhole blackhole) {
    return event -> blackhole.consume(event);
  }

  /** The listener of everything, for the scenarios with {@code subscribeAll}. */
  static BiConsumer<SupportEventType, WidgetEvent> everyEventListener(Blackhole blackhole) {
    return (type, event) -> {
      blackhole.consume(type);
      blackhole.consume(event);
    };
  }

  /**
   * Eight listeners with the same body, each its own lambda and so its own class: a call site that
   * calls all eight is megamorphic, as it is in an application with several listeners.
   */
  static List<Consumer<MessageSentEvent>> distinctListeners(Blackhole blackhole) {
    return List.of(
        event -> blackhole.consume(event),
        event -> blackhole.consume(event),
        event -> blackhole.consume(event),
        event -> blackhole.consume(event),
        event -> blackhole.consume(event),
        event -> blackhole.consume(event),
        event -> blackhole.consume(event),
        event -> blackhole.consume(event));
  }
}
