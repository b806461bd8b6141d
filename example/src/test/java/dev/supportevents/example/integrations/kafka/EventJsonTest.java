package dev.supportevents.example.integrations.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.Attachment;
import dev.supportevents.example.Conversation;
import dev.supportevents.example.ConversationEndEvent;
import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.ErrorEvent;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageReceivedEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.RatingSubmittedEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetClosedEvent;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.WidgetOpenedEvent;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON that the Kafka forwarder sends and the receiver reads, without a broker: every event of
 * the catalog is an event of the tracking plan and reads back equal.
 */
class EventJsonTest {

  private static final Instant T0 = Instant.parse("2025-03-04T10:15:30Z");
  private static final TrackingPlan PLAN = TrackingPlan.of(KafkaEventForwarder.CATALOG);

  static List<WidgetEvent> oneOfEach() {
    Conversation conversation = Conversation.open("c-1", "v-1", T0);
    Message sent =
        new Message(
            "m-2",
            "c-1",
            Sender.visitor("v-1", "Alex"),
            "Hi",
            List.of(
                Attachment.file(
                    "invoice.pdf",
                    "application/pdf",
                    48_213,
                    URI.create("https://files.test/invoice.pdf"))),
            T0);
    Message reply =
        new Message("m-3", "c-1", Sender.aiAgent("ai-1", "Ava"), "Hello", List.of(), T0);
    return List.of(
        new ConversationStartEvent("c-1", conversation),
        new ConversationEndEvent("c-1", conversation.rate(5, T0).resolve(T0)),
        new ErrorEvent(new IOException("network unreachable"), ErrorEvent.MESSAGE_SEND_FAILED),
        new MessageReceivedEvent("c-1", reply),
        new MessageSentEvent("c-1", sent),
        new RatingSubmittedEvent("c-1", 5, null),
        new WidgetClosedEvent("v-1", "c-1"),
        new WidgetOpenedEvent("v-1", null));
  }

  @Test
  void everyEventIsAnEventOfThePlanAndReadsBackEqual() {
    EnumSet<SupportEventType> types = EnumSet.noneOf(SupportEventType.class);
    for (WidgetEvent event : oneOfEach()) {
      SupportEventType type = SupportEventType.of(event);
      types.add(type);
      ObjectNode message = EventJson.message(type, event);
      assertEquals(type.wireName(), message.get(EventJson.EVENT).asString());
      assertEquals(List.of(), PLAN.violations(message), message::toString);

      JsonNode arrived = EventJson.parse(EventJson.bytes(message));
      WidgetEvent received = EventJson.event(type, arrived.get(EventJson.PROPERTIES));

      // Sent on again, it is the same message: a RemoteError keeps the original class name.
      assertEquals(message, EventJson.message(type, received));
      if (event instanceof ErrorEvent error) {
        RemoteError remote = assertInstanceOf(RemoteError.class, ((ErrorEvent) received).error());
        assertEquals("java.io.IOException", remote.type());
        assertEquals("network unreachable", remote.getMessage());
        assertEquals(error.context(), ((ErrorEvent) received).context());
      } else {
        assertEquals(event, received);
      }
    }
    assertEquals(EnumSet.allOf(SupportEventType.class), types);
  }

  /**
   * The tracking plan and the TypeScript declarations list a record's components and nothing else:
   * a method such as {@code Sender.isAgent()} is no property of the wire JSON.
   */
  @Test
  void everyObjectOfAMessageHoldsExactlyItsRecordsComponents() {
    for (WidgetEvent event : oneOfEach()) {
      JsonNode properties =
          EventJson.message(SupportEventType.of(event), event).get(EventJson.PROPERTIES);
      assertHoldsExactlyTheComponents(event, properties, SupportEventType.of(event).wireName());
    }
  }

  @Test
  void thePlanNamesWhatMakesAMessageNoEvent() {
    ObjectNode message =
        EventJson.message(
            SupportEventType.RATING_SUBMITTED, new RatingSubmittedEvent("c-1", 4, null));
    ((ObjectNode) message.get(EventJson.PROPERTIES)).put("stars", "four");

    List<String> violations = PLAN.violations(message);

    assertFalse(violations.isEmpty());
    assertTrue(violations.size() <= 3, violations::toString);
  }

  /** Checks {@code json} against {@code value}, record by record, down every component. */
  private static void assertHoldsExactlyTheComponents(Object value, JsonNode json, String path) {
    if (value instanceof Record record) {
      List<String> components = new ArrayList<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        components.add(component.getName());
        assertHoldsExactlyTheComponents(
            componentValue(record, component),
            json.get(component.getName()),
            path + "." + component.getName());
      }
      assertEquals(components, List.copyOf(json.propertyNames()), path);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertHoldsExactlyTheComponents(list.get(i), json.get(i), path + "[" + i + "]");
      }
    }
  }

  private static Object componentValue(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCatalogWithoutAPlanOnTheClassPathFailsNamingWhereItWasLookedFor() {
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> TrackingPlan.of("com.example.none"));

    assertEquals(
        "The tracking plan of com.example.none is not on the class path at"
            + " /META-INF/support-events/com.example.none.schema.json; the Support Events"
            + " processor writes it there",
        failure.getMessage());
  }
}
