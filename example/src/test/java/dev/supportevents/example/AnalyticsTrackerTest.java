package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.INVOICE;
import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event becomes one {@code track} call with ids and flags, never the visitor's words. */
class AnalyticsTrackerTest {

  private final List<String> tracked = new ArrayList<>();
  private final List<Map<String, Object>> properties = new ArrayList<>();
  private final AnalyticsTracker tracker =
      new AnalyticsTracker(
          (name, props) -> {
            // toString keeps the order the tracker put the properties in.
            tracked.add(name + " " + props);
            properties.add(props);
          });
  private final SupportEvents events = SupportEvents.create();

  @Test
  void tracksEveryEventWithItsProperties() {
    tracker.subscribeTo(events);

    Fixtures.oneOfEach().forEach(events::emit);

    assertEquals(
        List.of(
            "support_conversation_start {conversationId=c-1}",
            "support_conversation_end {conversationId=c-1}",
            "support_message_sent {conversationId=c-1, messageId=m-2, hasAttachments=true}",
            "support_message_received {conversationId=c-1, messageId=m-3, hasAttachments=false,"
                + " senderRole=human_agent}",
            "support_error {errorType=java.lang.IllegalStateException, context=test}",
            "support_rating_submitted {conversationId=c-1, stars=4, hasComment=true}",
            "support_widget_opened {visitorId=v-1, page=/help}",
            "support_widget_closed {visitorId=v-1, conversationId=c-1}"),
        tracked);
  }

  @Test
  void leavesAbsentValuesOut() {
    tracker.subscribeTo(events);

    events.emitError(new IllegalStateException("boom"));
    events.emitWidgetOpened("v-1");
    events.emitRatingSubmitted("c-1", 3);
    events.emitMessageSent("c-1", fromVisitor("c-1", "m-2", "no files"));

    assertEquals(
        List.of(
            "support_error {errorType=java.lang.IllegalStateException}",
            "support_widget_opened {visitorId=v-1}",
            "support_rating_submitted {conversationId=c-1, stars=3, hasComment=false}",
            "support_message_sent {conversationId=c-1, messageId=m-2, hasAttachments=false}"),
        tracked);
  }

  @Test
  void neverSendsWhatTheVisitorWrote() {
    tracker.subscribeTo(events);

    events.emitMessageSent("c-1", fromVisitor("c-1", "m-2", "my card is 4111 1111", INVOICE));
    events.emitRatingSubmitted("c-1", 2, "agent was rude");

    assertEquals(2, tracked.size());
    for (String call : tracked) {
      assertEquals(-1, call.indexOf("4111"), call);
      assertEquals(-1, call.indexOf("rude"), call);
    }
  }

  @Test
  void closingTheSubscriptionStopsTracking() {
    Subscription subscription = tracker.subscribeTo(events);
    events.emitWidgetOpened("v-1");

    subscription.close();
    events.emitWidgetClosed("v-1");

    assertEquals(List.of("support_widget_opened {visitorId=v-1}"), tracked);
  }

  @Test
  void propertiesCannotBeChangedBySinks() {
    tracker.track(SupportEventType.WIDGET_OPENED, new WidgetOpenedEvent("v-1", null));

    assertThrows(UnsupportedOperationException.class, () -> properties.get(0).put("x", 1));
  }

  @Test
  void analyticsNamesComeFromWireNames() {
    assertEquals(
        List.of(
            "support_conversation_start",
            "support_conversation_end",
            "support_message_sent",
            "support_message_received",
            "support_error",
            "support_rating_submitted",
            "support_widget_opened",
            "support_widget_closed"),
        List.of(SupportEventType.values()).stream().map(AnalyticsTracker::analyticsName).toList());
  }
}
