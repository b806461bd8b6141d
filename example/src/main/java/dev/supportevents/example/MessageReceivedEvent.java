package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;

/**
 * Fires when a message from the support team, a human agent or an AI agent, reaches the visitor.
 *
 * @param conversationId the conversation the message belongs to
 * @param message the message, written by an agent
 */
@SupportEvent
public record MessageReceivedEvent(String conversationId, Message message) implements MessageEvent {

  /** Checks that the message is an agent's and belongs to the conversation. */
  public MessageReceivedEvent {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(message, "message");
    EventChecks.sameConversation(conversationId, message);
    if (!message.sender().isAgent()) {
      throw new IllegalArgumentException(
          "Message "
              + message.id()
              + " was written by the"
              + " visitor; a received message is an agent's, a sent one the visitor's");
    }
  }
}
