package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when the visitor rates a resolved conversation. Not one of the web widget's events: the
 * example adds it.
 *
 * @param conversationId the rated conversation
 * @param stars the rating, from {@value Conversation#MIN_RATING} to {@value
 *     Conversation#MAX_RATING}
 * @param comment what the visitor wrote with the rating, or {@code null}
 */
@SupportEvent
public record RatingSubmittedEvent(String conversationId, int stars, @Nullable String comment)
    implements WidgetEvent {

  /** Checks that the id is present and the rating in range. */
  public RatingSubmittedEvent {
    Objects.requireNonNull(conversationId, "conversationId");
    Conversation.checkRating(stars);
  }
}
