package dev.supportevents.example.integrations.kafka;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.integrations.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Support events as the messages the tracking plan describes, written and read with Jackson: {@code
 * {"event": "<wire name>", "properties": <the record>}}.
 *
 * <p>Jackson writes records (their components only, as {@link WireJson} sets it up), enums, URIs
 * and instants as the plan says; a {@code Throwable} it writes here as the plan's object of {@code
 * type} (the class name) and {@code message}, and reads back as a {@link RemoteError}.
 */
final class EventJson {

  /** The property of a message that holds the event's wire name. */
  static final String EVENT = "event";

  /** The property of a message that holds the event's components. */
  static final String PROPERTIES = "properties";

  private static final JsonMapper JSON =
      WireJson.builder()
          .addModule(
              new SimpleModule("throwable-as-type-and-message")
                  .addSerializer(Throwable.class, new ThrowableSerializer())
                  .addDeserializer(Throwable.class, new ThrowableDeserializer()))
          .build();

  private EventJson() {}

  /**
   * The message that carries {@code event}.
   *
   * @throws JacksonException if Jackson cannot write one of its components
   */
  static ObjectNode message(SupportEventType type, WidgetEvent event) {
    ObjectNode message = JSON.createObjectNode();
    message.put(EVENT, type.wireName());
    message.set(PROPERTIES, JSON.valueToTree(event));
    return message;
  }

  /** The UTF-8 bytes of {@code message}. */
  static byte[] bytes(JsonNode message) {
    return JSON.writeValueAsBytes(message);
  }

  /**
   * Parses one JSON value.
   *
   * @throws JacksonException if {@code bytes} are not JSON
   */
  static JsonNode parse(byte[] bytes) {
    return JSON.readTree(bytes);
  }

  /**
   * The event of type {@code type} whose components are {@code properties}.
   *
   * @throws JacksonException if they do not make one, for example if the record's constructor
   *     refuses them
   */
  static WidgetEvent event(SupportEventType type, JsonNode properties) {
    return JSON.treeToValue(properties, type.eventClass());
  }

  /** A {@code Throwable} as the plan describes one: its class name and its message. */
  private static final class ThrowableSerializer extends StdSerializer<Throwable> {

    ThrowableSerializer() {
      super(Throwable.class);
    }

    @Override
    public void serialize(Throwable error, JsonGenerator json, SerializationContext context) {
      json.writeStartObject();
      json.writeStringProperty(
          "type", error instanceof RemoteError remote ? remote.type() : error.getClass().getName());
      json.writeStringProperty("message", error.getMessage());
      json.writeEndObject();
    }
  }

  /** The plan's {@code Throwable} object, read as a {@link RemoteError}. */
  private static final class ThrowableDeserializer extends StdDeserializer<Throwable> {

    ThrowableDeserializer() {
      super(Throwable.class);
    }

    @Override
    public Throwable deserialize(JsonParser parser, DeserializationContext context) {
      JsonNode error = context.readTree(parser);
      JsonNode message = error.path("message");
      return new RemoteError(
          error.path("type").asString(), message.isString() ? message.stringValue() : null);
    }
  }
}
