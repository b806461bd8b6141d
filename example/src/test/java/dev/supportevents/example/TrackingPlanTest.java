package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.BOOM;
import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import dev.supportevents.example.integrations.WireJson;
import dev.supportevents.example.shop.CheckoutHelpRequestedEvent;
import dev.supportevents.example.shop.OrderIssueReportedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The tracking plan the processor writes for each catalog, read from the class path: a valid JSON
 * Schema (draft 2020-12) that every event of the example, as Jackson writes it, satisfies, and that
 * rejects what is not one of those events.
 *
 * <p>A message carries one event: {@code {"event": "<wire name>", "properties": <the record>}}.
 * Jackson writes records as their components ({@link WireJson}), enums, URIs and instants as the
 * plan says (Jackson 3 writes instants as ISO-8601 text); a {@code Throwable} it writes here as its
 * class name and message, which is what the plan expects of one.
 */
class TrackingPlanTest {

  private static final String WIDGET_PLAN =
      "/META-INF/support-events/dev.supportevents.example.schema.json";
  private static final String SHOP_PLAN =
      "/META-INF/support-events/dev.supportevents.example.shop.schema.json";

  private static final JsonMapper JSON =
      WireJson.builder()
          .addModule(
              new SimpleModule("throwable-as-type-and-message")
                  .addSerializer(Throwable.class, new ThrowableSerializer()))
          .build();

  /**
   * Draft 2020-12, knowing the plan's own {@code x-java-class} as an annotation keyword: it names
   * each event's record and validates nothing, and the validator no longer warns that it is
   * unknown.
   */
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getDraft202012())
              .keyword(new AnnotationKeyword("x-java-class"))
              .build());

  @Test
  void theWidgetsPlanIsAValidDraft202012Schema() {
    JsonNode plan = read(WIDGET_PLAN);

    Schema metaSchema =
        SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertEquals(List.of(), metaSchema.validate(plan));
    assertEquals("https://json-schema.org/draft/2020-12/schema", plan.get("$schema").asString());
    // The meta-schema does reject what is not a schema: the check above means something.
    assertFalse(metaSchema.validate(JSON.readTree("{\"type\": 42}")).isEmpty());
  }

  @Test
  void namesEveryEventWithItsWireNameAndClass() {
    Map<String, String> classByWireName = new java.util.TreeMap<>();
    for (JsonNode event : read(WIDGET_PLAN).get("oneOf")) {
      classByWireName.put(event.get("title").asString(), event.get("x-java-class").asString());
    }

    assertEquals(
        List.of(SupportEventType.values()).stream()
            .collect(
                Collectors.toMap(
                    SupportEventType::wireName,
                    type -> type.eventClass().getName(),
                    (a, b) -> a,
                    java.util.TreeMap::new)),
        classByWireName);
  }

  @Test
  void everyEventOfTheExampleValidatesWithAndWithoutItsNullableParts() {
    Schema plan = SCHEMAS.getSchema(read(WIDGET_PLAN));
    List<WidgetEvent> events = new ArrayList<>(Fixtures.oneOfEach());
    events.addAll(
        List.of(
            new ConversationStartEvent("c-1", null),
            new ConversationEndEvent("c-1", null),
            new ErrorEvent(BOOM, null),
            new ErrorEvent(new IllegalStateException(), "no message"),
            new RatingSubmittedEvent("c-1", 5, null),
            new WidgetOpenedEvent("v-1", null),
            new WidgetClosedEvent("v-1", null)));

    for (WidgetEvent event : events) {
      JsonNode message = message(event, SupportEventType.of(event).wireName());
      assertEquals(List.of(), plan.validate(message), message::toString);
    }
  }

  /** Each of these breaks one rule of the plan; none may pass, or the test above proves nothing. */
  @Test
  void rejectsWhatIsNotAnEventOfThePlan() {
    Schema plan = SCHEMAS.getSchema(read(WIDGET_PLAN));
    MessageSentEvent sent =
        new MessageSentEvent("c-1", fromVisitor("c-1", "m-1", "Hi", Fixtures.INVOICE));
    Map<String, Function<ObjectNode, ObjectNode>> breakages =
        Map.of(
            "an unknown wire name",
            message -> message.put("event", "messageDeleted"),
            "another event's wire name",
            message -> message.put("event", "widget.opened"),
            "a number for a string",
            message -> properties(message).put("conversationId", 42),
            "a missing component",
            message -> {
              properties(message).remove("conversationId");
              return message;
            },
            "null for a component that is not nullable",
            message -> properties(message).putNull("message"),
            "an unknown sender role",
            message -> {
              ((ObjectNode) properties(message).get("message").get("sender")).put("role", "ROBOT");
              return message;
            },
            "a property beside event and properties",
            message -> message.put("at", "now"),
            "a property beside a nested record's components",
            message -> {
              ((ObjectNode) properties(message).get("message").get("sender")).put("agent", false);
              return message;
            });

    breakages.forEach(
        (breakage, breaking) -> {
          ObjectNode message = message(sent, "messageSent");
          assertEquals(List.of(), plan.validate(message), "the message before " + breakage);
          List<Error> errors = plan.validate(breaking.apply(message));
          assertFalse(errors.isEmpty(), () -> breakage + " passed: " + message);
        });
  }

  /** The shop's catalog extends the widget's: its plan holds the events of both. */
  @Test
  void theShopsPlanValidatesTheWidgetsEventsAndTheShopsOwn() {
    JsonNode shopPlan = read(SHOP_PLAN);
    Schema plan = SCHEMAS.getSchema(shopPlan);

    assertEquals(
        dev.supportevents.example.shop.SupportEventType.values().length,
        shopPlan.get("oneOf").size());
    for (WidgetEvent event : Fixtures.oneOfEach()) {
      assertEquals(List.of(), plan.validate(message(event, SupportEventType.of(event).wireName())));
    }
    assertEquals(
        List.of(),
        plan.validate(
            message(
                new CheckoutHelpRequestedEvent("v-1", "cart-7", "payment"),
                "checkoutHelpRequested")));
    assertEquals(
        List.of(),
        plan.validate(
            message(
                new OrderIssueReportedEvent("o-1", OrderIssueReportedEvent.Issue.LATE, null),
                "orderIssueReported")));
    ObjectNode unknownIssue =
        message(
            new OrderIssueReportedEvent("o-1", OrderIssueReportedEvent.Issue.LATE, null),
            "orderIssueReported");
    properties(unknownIssue).put("issue", "LOST");
    assertFalse(plan.validate(unknownIssue).isEmpty());
  }

  /** {@code {"event": wireName, "properties": event}}, as a pipeline would receive it. */
  private static ObjectNode message(Object event, String wireName) {
    ObjectNode message = JSON.createObjectNode();
    message.put("event", wireName);
    message.set("properties", JSON.valueToTree(event));
    return message;
  }

  private static ObjectNode properties(ObjectNode message) {
    return (ObjectNode) message.get("properties");
  }

  private static JsonNode read(String resource) {
    try (InputStream in = TrackingPlanTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the class path");
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code Throwable} as the plan describes one: its class name and its message. */
  private static final class ThrowableSerializer extends StdSerializer<Throwable> {

    ThrowableSerializer() {
      super(Throwable.class);
    }

    @Override
    public void serialize(Throwable error, JsonGenerator json, SerializationContext context) {
      json.writeStartObject();
      json.writeStringProperty("type", error.getClass().getName());
      json.writeStringProperty("message", error.getMessage());
      json.writeEndObject();
    }
  }
}
