package dev.supportevents.example;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Describes an event in one line a person can read: the wire name in a column, then the fields that
 * matter, for example
 *
 * <pre>
 * messageSent        conversation=c-1 message=m-2 from visitor "My invoice is wrong" (1 attachment)
 * </pre>
 */
public final class EventFormatter {

  /** Wide enough for every wire name of the catalog and two spaces. */
  private static final int NAME_COLUMN =
      Arrays.stream(SupportEventType.values())
              .mapToInt(type -> type.wireName().length())
              .max()
              .orElse(0)
          + 2;

  private EventFormatter() {}

  /**
   * Describes one event.
   *
   * @param type the event's type
   * @param event the event, of that type
   * @return one line, without a line break
   */
  public static String describe(SupportEventType type, WidgetEvent event) {
    String name = type.wireName();
    return name + " ".repeat(NAME_COLUMN - name.length()) + fields(type, event);
  }

  private static String fields(SupportEventType type, WidgetEvent event) {
    // A switch expression has a case for every type: a new event does not compile until described.
    return switch (type) {
      case WIDGET_OPENED -> {
        WidgetOpenedEvent opened = (WidgetOpenedEvent) event;
        yield "visitor="
            + opened.visitorId()
            + (opened.page() == null ? "" : " page=" + opened.page());
      }
      case CONVERSATION_START ->
          conversation(
              ((ConversationStartEvent) event).conversationId(),
              ((ConversationStartEvent) event).conversation());
      case MESSAGE_SENT -> message(((MessageSentEvent) event).message());
      case MESSAGE_RECEIVED -> message(((MessageReceivedEvent) event).message());
      case ERROR -> {
        ErrorEvent error = (ErrorEvent) event;
        yield (error.context() == null ? "" : "context=" + error.context() + " ")
            + "error="
            + error.error();
      }
      case CONVERSATION_END ->
          conversation(
              ((ConversationEndEvent) event).conversationId(),
              ((ConversationEndEvent) event).conversation());
      case RATING_SUBMITTED -> {
        RatingSubmittedEvent rating = (RatingSubmittedEvent) event;
        yield "conversation="
            + rating.conversationId()
            + " stars="
            + rating.stars()
            + (rating.comment() == null ? "" : " comment=\"" + rating.comment() + "\"");
      }
      case WIDGET_CLOSED -> {
        WidgetClosedEvent closed = (WidgetClosedEvent) event;
        yield "visitor="
            + closed.visitorId()
            + (closed.conversationId() == null ? "" : " conversation=" + closed.conversationId());
      }
    };
  }

  private static String conversation(String id, @Nullable Conversation conversation) {
    return "conversation=" + id + (conversation == null ? "" : " status=" + conversation.status());
  }

  private static String message(Message message) {
    int attachments = message.attachments().size();
    return "conversation="
        + message.conversationId()
        + " message="
        + message.id()
        + " from "
        + sender(message.sender())
        + " \""
        + message.text()
        + "\""
        + switch (attachments) {
          case 0 -> "";
          case 1 -> " (1 attachment)";
          default -> " (" + attachments + " attachments)";
        };
  }

  private static String sender(Sender sender) {
    return switch (sender.role()) {
      case VISITOR -> "visitor";
      case HUMAN_AGENT -> "agent " + sender.displayName();
      case AI_AGENT -> "AI agent " + sender.displayName();
    };
  }
}
