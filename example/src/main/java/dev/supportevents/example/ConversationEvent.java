package dev.supportevents.example;

import org.jspecify.annotations.Nullable;

/**
 * The events of a conversation's life: a group of the {@link WidgetEvent} union. A listener of the
 * group, {@code events.subscribe(ConversationEvent.class, listener)}, receives both, as one
 * subscription, in the order emitted.
 */
public sealed interface ConversationEvent extends WidgetEvent
    permits ConversationStartEvent, ConversationEndEvent {

  /**
   * The conversation's id.
   *
   * @return the id, never null
   */
  String conversationId();

  /**
   * The conversation, if the emitter knows it.
   *
   * @return the conversation, or {@code null}
   */
  @Nullable Conversation conversation();
}
