package dev.supportevents.example.integrations.kafka;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The wire JSON of the Kafka integration, {@code {"event": "<wire name>", "properties": <the
 * record>}}, for other transports of the same messages, such as the web demo's HTTP endpoints: one
 * mapping of events to JSON, whichever way they travel.
 */
public final class WireMessages {

  /** The property of a message that holds the event's wire name. */
  public static final String EVENT = EventJson.EVENT;

  /** The property of a message that holds the event's components. */
  public static final String PROPERTIES = EventJson.PROPERTIES;

  private WireMessages() {}

  /**
   * The UTF-8 JSON of the message that carries {@code event}, on one line.
   *
   * @param event an event of the catalog
   * @return the message's bytes
   * @throws JacksonException if Jackson cannot write one of its components
   */
  public static byte[] write(WidgetEvent event) {
    return EventJson.bytes(EventJson.message(SupportEventType.of(event), event));
  }

  /**
   * Parses one JSON value.
   *
   * @param json UTF-8 JSON
   * @return the value
   * @throws JacksonException if {@code json} is not JSON
   */
  public static JsonNode parse(byte[] json) {
    return EventJson.parse(json);
  }

  /**
   * The event of type {@code type} whose components are {@code properties}.
   *
   * @param type the event's type, named by the message's {@value #EVENT}
   * @param properties the message's {@value #PROPERTIES}
   * @return the event
   * @throws JacksonException if they make no such event, for example if the record's constructor
   *     refuses them
   */
  public static WidgetEvent read(SupportEventType type, JsonNode properties) {
    return EventJson.event(type, properties);
  }
}
