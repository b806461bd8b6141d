package dev.supportevents.processor;

import dev.supportevents.processor.WireType.Any;
import dev.supportevents.processor.WireType.ArrayOf;
import dev.supportevents.processor.WireType.Definition;
import dev.supportevents.processor.WireType.Enumeration;
import dev.supportevents.processor.WireType.MapOf;
import dev.supportevents.processor.WireType.ObjectType;
import dev.supportevents.processor.WireType.OrNull;
import dev.supportevents.processor.WireType.Property;
import dev.supportevents.processor.WireType.Reference;
import dev.supportevents.processor.WireType.Scalar;
import dev.supportevents.processor.WireType.Union;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the tracking plan of a catalog: one JSON Schema (draft 2020-12) for the messages that
 * carry its events, {@code {"event": "<wire name>", "properties": {<components>}}}, the components
 * in their {@linkplain WireTypes wire form}. Analytics teams read every event's name and properties
 * there; a pipeline can validate events with it.
 *
 * <p>Every object is closed: the message, each record and a {@code Throwable} have exactly the
 * properties listed ({@code additionalProperties: false}). No object schema is combined with
 * another one ({@code allOf}), so the keyword sees all the properties it must; a union is an {@code
 * anyOf} of closed records.
 */
final class TrackingPlanWriter {

  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private TrackingPlanWriter() {}

  /** The tracking plan's JSON text. */
  static String write(WireCatalog wire) {
    Catalog catalog = wire.catalog();
    List<Object> events = new ArrayList<>();
    for (WireCatalog.WireEvent event : wire.events()) {
      events.add(event(event));
    }
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("$schema", DIALECT);
    plan.put("title", "Support events of " + catalog.displayPackage());
    plan.put(
        "description",
        "The tracking plan of the support events of "
            + catalog.displayPackage()
            + ". A message carries one event: its wire name in \"event\","
            + " its record's components in \"properties\". Nullable components may be null or left"
            + " out; an object has no property it does not list, at any level; nested records are"
            + " shared definitions.");
    plan.put("type", "object");
    plan.put("oneOf", events);
    if (!wire.definitions().isEmpty()) {
      Map<String, Object> definitions = new LinkedHashMap<>();
      wire.definitions().forEach((name, definition) -> definitions.put(name, schemaOf(definition)));
      plan.put("$defs", definitions);
    }
    return Json.write(plan);
  }

  /** One event: its wire name as a constant, its Java class, its components. */
  private static Map<String, Object> event(WireCatalog.WireEvent event) {
    Map<String, Object> wireName = new LinkedHashMap<>();
    wireName.put("const", event.event().wireName());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("event", wireName);
    properties.put("properties", schemaOf(event.properties()));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("title", event.event().wireName());
    schema.put("x-java-class", event.event().className().canonicalName());
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("event", "properties"));
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> schemaOf(Definition definition) {
    if (definition instanceof ObjectType object) {
      return objectSchema(object);
    }
    Union union = (Union) definition;
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put(
        "description",
        "One of the records that "
            + union.name()
            + " permits, as"
            + " Jackson writes it by default: its components, with no type id.");
    schema.put("anyOf", union.records().stream().map(TrackingPlanWriter::reference).toList());
    return schema;
  }

  private static Map<String, Object> objectSchema(ObjectType object) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (Property property : object.properties()) {
      Map<String, Object> schema = schemaOf(property.type());
      if (property.description() != null) {
        schema.put("description", property.description());
      }
      properties.put(property.name(), schema);
      if (property.required()) {
        required.add(property.name());
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    if (object.description() != null) {
      schema.put("description", object.description());
    }
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /** The schema of a value of {@code type}. */
  private static Map<String, Object> schemaOf(WireType type) {
    if (type instanceof Scalar scalar) {
      return scalarSchema(scalar);
    }
    if (type instanceof Enumeration enumeration) {
      Map<String, Object> schema = typed("string");
      schema.put("enum", List.copyOf(enumeration.constants()));
      return schema;
    }
    if (type instanceof ArrayOf array) {
      Map<String, Object> schema = typed("array");
      schema.put("items", schemaOf(array.items()));
      return schema;
    }
    if (type instanceof MapOf map) {
      Map<String, Object> schema = typed("object");
      schema.put("additionalProperties", schemaOf(map.values()));
      return schema;
    }
    if (type instanceof OrNull orNull) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("anyOf", List.of(schemaOf(orNull.type()), typed("null")));
      return schema;
    }
    if (type instanceof Reference reference) {
      return reference(reference.name());
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    String reason = ((Any) type).reason();
    if (reason != null) {
      schema.put("description", "Any JSON value: " + reason);
    }
    return schema;
  }

  private static Map<String, Object> scalarSchema(Scalar scalar) {
    return switch (scalar) {
      case BOOLEAN -> typed("boolean");
      case INTEGER -> typed("integer");
      case NUMBER -> typed("number");
      case STRING -> typed("string");
      case CHARACTER -> {
        Map<String, Object> schema = typed("string");
        schema.put("minLength", 1);
        schema.put("maxLength", 1);
        yield schema;
      }
      case BASE64 -> {
        Map<String, Object> schema = typed("string");
        schema.put("contentEncoding", "base64");
        yield schema;
      }
      case UUID -> formatted("uuid");
      case URI -> formatted("uri");
      case DATE_TIME -> formatted("date-time");
      case DATE -> formatted("date");
      case TIME -> formatted("time");
      case DURATION -> formatted("duration");
    };
  }

  /** A {@code $ref} to the definition {@code name}. */
  private static Map<String, Object> reference(String name) {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("$ref", "#/$defs/" + name);
    return reference;
  }

  private static Map<String, Object> typed(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> formatted(String format) {
    Map<String, Object> schema = typed("string");
    schema.put("format", format);
    return schema;
  }
}
