package dev.supportevents.example.integrations;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.runtime.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts a widget's events in Micrometer: one counter {@value #METER_NAME} per event type, tagged
 * {@value #EVENT_TAG} with the type's wire name ({@code event=messageSent}). Every counter is
 * registered up front, so a type that has not happened yet reads zero instead of being absent.
 * Widgets that count into the same registry share the counters.
 *
 * <pre>{@code
 * Subscription counting = MicrometerEventCounter.attach(widget.events(), meterRegistry);
 * }</pre>
 */
public final class MicrometerEventCounter {

  /** The name of the counters. */
  public static final String METER_NAME = "support.events";

  /** The tag whose value is the event's wire name. */
  public static final String EVENT_TAG = "event";

  private final Map<SupportEventType, Counter> counters = new EnumMap<>(SupportEventType.class);

  /**
   * Registers a counter for every event type in {@code registry}, or finds the one there.
   *
   * @param registry where the counters live
   */
  public MicrometerEventCounter(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    for (SupportEventType type : SupportEventType.values()) {
      counters.put(
          type,
          Counter.builder(METER_NAME)
              .description("Events emitted by support widgets, by type")
              .tag(EVENT_TAG, type.wireName())
              .register(registry));
    }
  }

  /**
   * Counts every event of {@code events} from now on.
   *
   * @param events the hub of one widget
   * @param registry where the counters live
   * @return the subscription; close it to stop counting
   */
  public static Subscription attach(SupportEvents events, MeterRegistry registry) {
    return events.subscribeAll(new MicrometerEventCounter(registry)::count);
  }

  /**
   * Counts one event.
   *
   * @param type the event's type
   * @param event the event, of that type
   */
  public void count(SupportEventType type, WidgetEvent event) {
    counters.get(type).increment();
  }
}
