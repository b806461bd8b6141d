package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when a conversation is closed or resolved.
 *
 * @param conversationId the ended conversation's id
 * @param conversation the conversation as it ended, or {@code null} if the emitter only knows its
 *     id
 */
@SupportEvent
public record ConversationEndEvent(String conversationId, @Nullable Conversation conversation)
    implements ConversationEvent {

  /** Checks that the id is present and matches the conversation, if given. */
  public ConversationEndEvent {
    Objects.requireNonNull(conversationId, "conversationId");
    EventChecks.sameConversation(conversationId, conversation);
  }
}
