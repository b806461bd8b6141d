package dev.supportevents.example.web;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.integrations.kafka.WireMessages;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns the body of a {@code POST /events} into an event, or says what is wrong with it: the body
 * must be one message of the tracking plan, {@code {"event": "<wire name>", "properties": {...}}},
 * and its properties must make the event's record.
 */
final class MessageIntake {

  private static final String WIRE_NAMES =
      Arrays.stream(SupportEventType.values())
          .map(SupportEventType::wireName)
          .collect(Collectors.joining(", "));

  private final TrackingPlanCheck plan;

  MessageIntake(TrackingPlanCheck plan) {
    this.plan = plan;
  }

  /**
   * The event that {@code body} carries.
   *
   * @param body the request's body, UTF-8 JSON
   * @throws RejectedMessage if it carries none; its message says why, naming the event and the
   *     property at fault
   */
  WidgetEvent read(byte[] body) throws RejectedMessage {
    if (isBlank(body)) {
      throw new RejectedMessage(
          "The body is empty: send one message of the tracking plan,"
              + " {\"event\": \"<wire name>\", \"properties\": {...}}");
    }
    JsonNode message;
    try {
      message = WireMessages.parse(body);
    } catch (JacksonException e) {
      throw new RejectedMessage("The body is not JSON: " + e.getOriginalMessage());
    }
    if (!message.isObject()) {
      throw new RejectedMessage(
          "The body is no message of the tracking plan: send one object,"
              + " {\"event\": \"<wire name>\", \"properties\": {...}}");
    }
    JsonNode name = message.get(WireMessages.EVENT);
    if (name == null || !name.isString()) {
      throw new RejectedMessage(
          "The message has no \"event\" naming its event; the events are: " + WIRE_NAMES);
    }
    SupportEventType type =
        SupportEventType.find(name.stringValue())
            .orElseThrow(
                () ->
                    new RejectedMessage(
                        "Unknown event \""
                            + name.stringValue()
                            + "\"; the events are: "
                            + WIRE_NAMES));
    List<String> violations = plan.violations(type, message);
    if (!violations.isEmpty()) {
      throw new RejectedMessage(type.wireName() + ": " + String.join("; ", violations));
    }
    try {
      return WireMessages.read(type, message.get(WireMessages.PROPERTIES));
    } catch (ValueInstantiationException e) {
      // The plan's types hold, but the record refuses the values, such as a rating of 9 stars:
      // its constructor's message says why.
      Throwable refusal = e.getCause();
      throw new RejectedMessage(
          type.wireName()
              + ": "
              + location(e)
              + (refusal != null && refusal.getMessage() != null
                  ? refusal.getMessage()
                  : e.getOriginalMessage()));
    } catch (JacksonException e) {
      throw new RejectedMessage(type.wireName() + ": " + location(e) + e.getOriginalMessage());
    }
  }

  /**
   * Where in the message Jackson failed, a JSON pointer as the validator gives it: {@code
   * /properties/message/createdAt: }.
   */
  private static String location(JacksonException e) {
    StringBuilder pointer = new StringBuilder("/").append(WireMessages.PROPERTIES);
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        pointer
            .append('/')
            .append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        pointer.append('/').append(reference.getIndex());
      }
    }
    return pointer.append(": ").toString();
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A posted body that carries no event of the catalog; the message says why. */
  static final class RejectedMessage extends Exception {

    private static final long serialVersionUID = 1L;

    RejectedMessage(String reason) {
      super(reason, null, false, false);
    }
  }
}
