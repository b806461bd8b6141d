package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.runtime.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One counter per event type, tagged with its wire name, counts the widget's events. */
@Timeout(30)
class MicrometerEventCounterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void countsEachTypeOfAConversationUnderItsWireName() {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    MicrometerEventCounter.attach(widget.events(), registry);

    playConversation(widget, network);

    assertEquals(
        new TreeMap<>(
            Map.of(
                "conversationEnd", 1.0,
                "conversationStart", 1.0,
                "error", 1.0,
                "messageReceived", 1.0,
                "messageSent", 2.0,
                "ratingSubmitted", 1.0,
                "widget.opened", 1.0,
                "widgetClosed", 1.0)),
        counts());
  }

  @Test
  void everyTypeIsRegisteredAtZeroBeforeItHappens() {
    MicrometerEventCounter.attach(SupportEvents.create(), registry);

    assertEquals(SupportEventType.values().length, registry.getMeters().size());
    Arrays.stream(SupportEventType.values())
        .forEach(type -> assertEquals(0.0, counter(type.wireName()).count(), type.wireName()));
    assertEquals(
        "Events emitted by support widgets, by type",
        counter("messageSent").getId().getDescription());
  }

  @Test
  void widgetsCountingIntoOneRegistryShareTheCounters() {
    SupportEvents first = SupportEvents.create();
    SupportEvents second = SupportEvents.create();
    MicrometerEventCounter.attach(first, registry);
    MicrometerEventCounter.attach(second, registry);

    first.emitWidgetOpened("v-1");
    second.emitWidgetOpened("v-2");

    assertEquals(2.0, counter("widget.opened").count());
    assertEquals(SupportEventType.values().length, registry.getMeters().size());
  }

  @Test
  void closingTheSubscriptionStopsCounting() {
    SupportEvents events = SupportEvents.create();
    Subscription subscription = MicrometerEventCounter.attach(events, registry);
    events.emitWidgetOpened("v-1");

    subscription.close();
    events.emitWidgetOpened("v-1");

    assertEquals(1.0, counter("widget.opened").count());
  }

  private Counter counter(String wireName) {
    return registry
        .get(MicrometerEventCounter.METER_NAME)
        .tag(MicrometerEventCounter.EVENT_TAG, wireName)
        .counter();
  }

  private Map<String, Double> counts() {
    Map<String, Double> counts = new TreeMap<>();
    registry
        .get(MicrometerEventCounter.METER_NAME)
        .counters()
        .forEach(
            counter ->
                counts.put(
                    counter.getId().getTag(MicrometerEventCounter.EVENT_TAG), counter.count()));
    return counts;
  }
}
