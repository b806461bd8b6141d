package dev.supportevents.example.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.integrations.kafka.WireMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tracking plan of the example's catalog, as the processor wrote it on the class path, split
 * into one schema per event: a message is checked against the schema of the event it names, so that
 * what is wrong is said of that event's properties, not of every event the plan lists.
 */
final class TrackingPlanCheck {

  /** The plan's resource, where the processor writes it. */
  static final String RESOURCE =
      "/META-INF/support-events/" + SupportEventType.class.getPackageName() + ".schema.json";

  private static final int REPORTED_ERRORS = 3;

  /** Draft 2020-12, knowing the plan's own annotation, which the validator would warn about. */
  private static final Dialect DIALECT =
      Dialect.builder(Dialects.getDraft202012())
          .keyword(new NonValidationKeyword("x-java-class"))
          .build();

  private final byte[] plan;
  private final Map<SupportEventType, Schema> schemas;

  private TrackingPlanCheck(byte[] plan, Map<SupportEventType, Schema> schemas) {
    this.plan = plan;
    this.schemas = schemas;
  }

  /**
   * Reads the plan from the class path.
   *
   * @throws IllegalStateException if it is missing, or lacks one of the catalog's events
   */
  static TrackingPlanCheck load() {
    byte[] plan;
    try (InputStream in = TrackingPlanCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The tracking plan is not on the class path at "
                + RESOURCE
                + "; the Support Events processor writes it there when it compiles the"
                + " example");
      }
      plan = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    JsonNode root = WireMessages.parse(plan);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(DIALECT);
    Map<SupportEventType, Schema> schemas = new EnumMap<>(SupportEventType.class);
    for (JsonNode event : root.path("oneOf")) {
      String wireName = event.path("properties").path(WireMessages.EVENT).path("const").asString();
      SupportEventType.find(wireName)
          .ifPresent(
              type -> {
                // The event's schema alone, with the plan's shared definitions its references point
                // to.
                ObjectNode schema = ((ObjectNode) event).deepCopy();
                schema.set("$schema", root.get("$schema"));
                schema.set("$defs", root.get("$defs"));
                schemas.put(type, registry.getSchema(schema));
              });
    }
    for (SupportEventType type : SupportEventType.values()) {
      if (!schemas.containsKey(type)) {
        throw new IllegalStateException(
            "The tracking plan at " + RESOURCE + " has no event " + type.wireName());
      }
    }
    return new TrackingPlanCheck(plan, schemas);
  }

  /** The plan as the processor wrote it: UTF-8 JSON Schema. */
  byte[] plan() {
    return plan.clone();
  }

  /**
   * What makes {@code message} no {@code type} event of the plan: the first few errors, each with
   * the JSON pointer of the property it concerns, such as {@code /properties/message}.
   *
   * @return the errors, or an empty list if the message is such an event
   */
  List<String> violations(SupportEventType type, JsonNode message) {
    List<Error> errors = schemas.get(type).validate(message);
    return errors.stream().limit(REPORTED_ERRORS).map(Error::toString).toList();
  }
}
