package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when a new conversation is created.
 *
 * <p>The hub keeps the latest one ({@code replayLatest}): a listener that subscribes later, such as
 * a {@link ConversationPanel} opened mid-conversation, receives it at once, and {@link
 * SupportEvents#latestConversationStart()} reads it.
 *
 * @param conversationId the new conversation's id
 * @param conversation the conversation as created, or {@code null} if the emitter only knows its id
 */
@SupportEvent(replayLatest = true)
public record ConversationStartEvent(String conversationId, @Nullable Conversation conversation)
    implements ConversationEvent {

  /** Checks that the id is present and matches the conversation, if given. */
  public ConversationStartEvent {
    Objects.requireNonNull(conversationId, "conversationId");
    EventChecks.sameConversation(conversationId, conversation);
  }
}
