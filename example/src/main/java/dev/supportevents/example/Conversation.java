package dev.supportevents.example;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A support conversation between one visitor and the support team, as it stands at one moment. Each
 * change gives a new value, so an event keeps the state the conversation had when it fired.
 *
 * @param id the conversation's id
 * @param visitorId the visitor who started it
 * @param status whether it is open, resolved or marked as spam
 * @param rating the visitor's rating from {@value #MIN_RATING} to {@value #MAX_RATING} stars, or
 *     {@code null} until the visitor rates it
 * @param createdAt when it started
 * @param updatedAt when its status or rating last changed, or {@code null} if never
 * @param resolvedAt when it was resolved, or {@code null} while it is not
 */
public record Conversation(
    String id,
    String visitorId,
    Status status,
    @Nullable Integer rating,
    Instant createdAt,
    @Nullable Instant updatedAt,
    @Nullable Instant resolvedAt) {

  /** The fewest stars a rating can give. */
  public static final int MIN_RATING = 1;

  /** The most stars a rating can give. */
  public static final int MAX_RATING = 5;

  /** Where a conversation stands. */
  public enum Status {
    /** Messages are still being exchanged. */
    OPEN,
    /** The support team solved the visitor's request; the visitor may rate it. */
    RESOLVED,
    /** The support team set it aside as spam. */
    SPAM
  }

  /** Checks that every required part is present and that a rating is in range. */
  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(status, "status");
    if (rating != null) {
      checkRating(rating);
    }
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * A conversation that starts now.
   *
   * @param id the conversation's id
   * @param visitorId the visitor who starts it
   * @param now when it starts
   * @return an open, unrated conversation
   */
  public static Conversation open(String id, String visitorId, Instant now) {
    return new Conversation(id, visitorId, Status.OPEN, null, now, null, null);
  }

  /**
   * This conversation, resolved at {@code now}.
   *
   * @param now when it was resolved
   * @return a resolved copy
   */
  public Conversation resolve(Instant now) {
    return new Conversation(id, visitorId, Status.RESOLVED, rating, createdAt, now, now);
  }

  /**
   * This conversation, rated at {@code now}.
   *
   * @param stars the visitor's rating
   * @param now when the visitor rated it
   * @return a rated copy
   * @throws IllegalArgumentException if {@code stars} is out of range
   */
  public Conversation rate(int stars, Instant now) {
    return new Conversation(id, visitorId, status, stars, createdAt, now, resolvedAt);
  }

  /** Fails unless {@code stars} is a rating a visitor can give. */
  static void checkRating(int stars) {
    if (stars < MIN_RATING || stars > MAX_RATING) {
      throw new IllegalArgumentException(
          "A rating is " + MIN_RATING + " to " + MAX_RATING + " stars, not " + stars);
    }
  }
}
