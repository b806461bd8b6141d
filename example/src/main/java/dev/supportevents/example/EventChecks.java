package dev.supportevents.example;

import org.jspecify.annotations.Nullable;

/** Consistency checks shared by the events' constructors. */
final class EventChecks {

  private EventChecks() {}

  /** Fails if {@code conversation} is given and has another id than {@code conversationId}. */
  static void sameConversation(String conversationId, @Nullable Conversation conversation) {
    if (conversation != null && !conversation.id().equals(conversationId)) {
      throw new IllegalArgumentException(
          "The event is about conversation "
              + conversationId
              + " but carries conversation "
              + conversation.id());
    }
  }

  /** Fails if {@code message} belongs to another conversation than {@code conversationId}. */
  static void sameConversation(String conversationId, Message message) {
    if (!message.conversationId().equals(conversationId)) {
      throw new IllegalArgumentException(
          "The event is about conversation "
              + conversationId
              + " but message "
              + message.id()
              + " belongs to conversation "
              + message.conversationId());
    }
  }
}
