package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.INVOICE;
import static dev.supportevents.example.Fixtures.SCREENSHOT;
import static dev.supportevents.example.Fixtures.fromAgent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One readable line per event; absent details are left out. */
class EventFormatterTest {

  @Test
  void leavesOutWhatTheEventDoesNotKnow() {
    assertEquals(
        "conversationStart  conversation=c-9",
        EventFormatter.describe(
            SupportEventType.CONVERSATION_START, new ConversationStartEvent("c-9", null)));
    assertEquals(
        "error              error=java.lang.IllegalStateException: boom",
        EventFormatter.describe(
            SupportEventType.ERROR, new ErrorEvent(new IllegalStateException("boom"), null)));
    assertEquals(
        "ratingSubmitted    conversation=c-9 stars=3",
        EventFormatter.describe(
            SupportEventType.RATING_SUBMITTED, new RatingSubmittedEvent("c-9", 3, null)));
    assertEquals(
        "widgetClosed       visitor=v-1",
        EventFormatter.describe(
            SupportEventType.WIDGET_CLOSED, new WidgetClosedEvent("v-1", null)));
  }

  @Test
  void countsAttachments() {
    assertEquals(
        "messageReceived    conversation=c-1 message=m-3 from agent Sam \"Here\""
            + " (2 attachments)",
        EventFormatter.describe(
            SupportEventType.MESSAGE_RECEIVED,
            new MessageReceivedEvent("c-1", fromAgent("c-1", "m-3", "Here", INVOICE, SCREENSHOT))));
  }
}
