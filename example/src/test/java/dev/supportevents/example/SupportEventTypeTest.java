package dev.supportevents.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.supportevents.runtime.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated enum: its constants, names, classes and lookups. */
class SupportEventTypeTest {

  @Test
  void valuesAreOneConstantPerEventInTheOrderTheUnionPermitsThem() {
    assertEquals(
        List.of(
            SupportEventType.CONVERSATION_START,
            SupportEventType.CONVERSATION_END,
            SupportEventType.MESSAGE_SENT,
            SupportEventType.MESSAGE_RECEIVED,
            SupportEventType.ERROR,
            SupportEventType.RATING_SUBMITTED,
            SupportEventType.WIDGET_OPENED,
            SupportEventType.WIDGET_CLOSED),
        List.of(SupportEventType.values()));
  }

  @Test
  void wireNamesAreLowerCamelUnlessTheAnnotationGivesOne() {
    assertEquals(
        List.of(
            "conversationStart",
            "conversationEnd",
            "messageSent",
            "messageReceived",
            "error",
            "ratingSubmitted",
            "widget.opened",
            "widgetClosed"),
        List.of(SupportEventType.values()).stream().map(SupportEventType::wireName).toList());
  }

  @Test
  void eachTypeNamesItsRecordClass() {
    assertEquals(
        List.of(
            ConversationStartEvent.class,
            ConversationEndEvent.class,
            MessageSentEvent.class,
            MessageReceivedEvent.class,
            ErrorEvent.class,
            RatingSubmittedEvent.class,
            WidgetOpenedEvent.class,
            WidgetClosedEvent.class),
        List.of(SupportEventType.values()).stream().map(SupportEventType::eventClass).toList());
  }

  @Test
  void lookupsByWireNameClassAndEventAgreeWithTheConstants() {
    List<WidgetEvent> oneOfEach = Fixtures.oneOfEach();
    for (int i = 0; i < oneOfEach.size(); i++) {
      SupportEventType type = SupportEventType.values()[i];
      assertSame(type, SupportEventType.fromWireName(type.wireName()));
      assertSame(type, SupportEventType.forClass(type.eventClass()));
      assertSame(type, SupportEventType.of(oneOfEach.get(i)));
      assertSame(type, SupportEventType.valueOf(type.name()));
    }
  }

  @Test
  void wireNamesAreMatchedExactly() {
    assertSame(SupportEventType.WIDGET_OPENED, SupportEventType.fromWireName("widget.opened"));
    BadCallsTest.assertFails(
        IllegalArgumentException.class,
        () -> SupportEventType.fromWireName("widgetOpened"),
        "\"widgetOpened\"");
    BadCallsTest.assertFails(
        IllegalArgumentException.class,
        () -> SupportEventType.fromWireName("MessageSent"),
        "\"MessageSent\"");
  }

  @Test
  void theRuntimeSeesTheSameNamesThroughEventType() {
    EventType type = SupportEventType.MESSAGE_SENT;

    assertEquals("messageSent", type.wireName());
    assertEquals(MessageSentEvent.class, type.eventClass());
  }
}
