package dev.supportevents.example;

/**
 * A message of a conversation, whichever way it went: a group of the {@link WidgetEvent} union. A
 * listener of the group, {@code events.subscribe(MessageEvent.class, listener)}, receives both, as
 * one subscription, in the order emitted.
 */
public sealed interface MessageEvent extends WidgetEvent
    permits MessageSentEvent, MessageReceivedEvent {

  /**
   * The conversation the message belongs to.
   *
   * @return the conversation's id, never null
   */
  String conversationId();

  /**
   * The message.
   *
   * @return the message, never null
   */
  Message message();
}
