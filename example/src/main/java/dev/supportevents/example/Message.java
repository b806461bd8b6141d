package dev.supportevents.example;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a support conversation, from the visitor or from an agent.
 *
 * @param id the message's id
 * @param conversationId the conversation it belongs to
 * @param sender who wrote it
 * @param text what it says; may be empty when it only carries attachments
 * @param attachments its files and images, in the order attached; an unmodifiable copy
 * @param createdAt when it was written
 */
public record Message(
    String id,
    String conversationId,
    Sender sender,
    String text,
    List<Attachment> attachments,
    Instant createdAt) {

  /** Checks that every part is present and copies the attachments. */
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(text, "text");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Tells whether any file or image is attached.
   *
   * @return {@code true} if {@link #attachments()} is not empty
   */
  public boolean hasAttachments() {
    return !attachments.isEmpty();
  }
}
