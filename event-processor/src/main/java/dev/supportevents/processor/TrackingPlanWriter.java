package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the tracking plan of a catalog: one JSON Schema (draft 2020-12) for the messages that
 * carry its events, {@code {"event": "<wire name>", "properties": {<components>}}}, the
 * components as Jackson writes the record. Analytics teams read every event's name and
 * properties there; a pipeline can validate events with it.
 */
final class TrackingPlanWriter {

  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final Types types;
  private final Elements elements;

  TrackingPlanWriter(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The tracking plan's JSON text. */
  String write(Catalog catalog) {
    TypeSchemas schemas = new TypeSchemas(types, elements, catalog::shapeOf);
    List<Object> events = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      events.add(event(event, schemas));
    }
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("$schema", DIALECT);
    plan.put("title", "Support events of " + catalog.displayPackage());
    plan.put("description", "The tracking plan of the support events of "
        + catalog.displayPackage() + ". A message carries one event: its wire name in \"event\","
        + " its record's components in \"properties\". Nullable components may be null or left"
        + " out; nested records are shared definitions.");
    plan.put("type", "object");
    plan.put("oneOf", events);
    if (!schemas.definitions().isEmpty()) {
      plan.put("$defs", schemas.definitions());
    }
    return Json.write(plan);
  }

  /** One event: its wire name as a constant, its Java class, its components. */
  private static Map<String, Object> event(EventModel event, TypeSchemas schemas) {
    Map<String, Object> wireName = new LinkedHashMap<>();
    wireName.put("const", event.wireName());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("event", wireName);
    properties.put("properties", schemas.objectOf(event.element()));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("title", event.wireName());
    schema.put("x-java-class", event.className().canonicalName());
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("event", "properties"));
    schema.put("additionalProperties", false);
    return schema;
  }
}
