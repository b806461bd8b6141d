package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;

/**
 * Fires when the visitor's message has been sent to the support team.
 *
 * @param conversationId the conversation the message belongs to
 * @param message the message, written by the visitor
 */
@SupportEvent
public record MessageSentEvent(String conversationId, Message message) implements MessageEvent {

  /** Checks that the message is the visitor's and belongs to the conversation. */
  public MessageSentEvent {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(message, "message");
    EventChecks.sameConversation(conversationId, message);
    if (message.sender().isAgent()) {
      throw new IllegalArgumentException(
          "Message "
              + message.id()
              + " was written by "
              + message.sender().role()
              + "; a sent message is the visitor's, a received one an agent's");
    }
  }
}
