package dev.supportevents.runtime;

import java.util.Objects;

/**
 * A subscriber of a hub's {@link java.util.concurrent.Flow.Publisher} fell behind: an event arrived
 * while its buffer was full. With {@link OverflowPolicy#FAIL} the subscriber receives it through
 * {@code onError}; with every policy the hub's {@link ListenerFailureHandler} receives it in the
 * {@link ListenerFailure} of the event that was not delivered.
 *
 * <p>It carries no stack trace: the place it was thrown from says nothing the message does not.
 */
public final class PublisherOverflowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The wire name, not the type: an exception stays serializable. */
  private final String eventType;

  /** How many events the subscriber's buffer holds. */
  private final int bufferSize;

  /** What the full buffer did. */
  private final OverflowPolicy policy;

  /**
   * Describes one overflow.
   *
   * @param eventType the type of the event that did not fit
   * @param bufferSize the subscriber's buffer size
   * @param policy what the publisher did about it
   */
  public PublisherOverflowException(EventType eventType, int bufferSize, OverflowPolicy policy) {
    super(message(eventType, bufferSize, policy), null, false, false);
    this.eventType = eventType.wireName();
    this.bufferSize = bufferSize;
    this.policy = policy;
  }

  private static String message(EventType eventType, int bufferSize, OverflowPolicy policy) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(policy, "policy");
    String full =
        "A Flow subscriber fell behind: a "
            + eventType.wireName()
            + " event arrived while its buffer of "
            + bufferSize
            + " events was full";
    return switch (policy) {
      case FAIL ->
          full
              + "; the subscriber is ended and receives neither this event nor those it had"
              + " buffered. Request more, or choose a larger PublisherOptions.bufferSize or"
              + " another OverflowPolicy";
      case DROP_OLDEST -> full + "; the oldest buffered event was dropped";
      case DROP_NEWEST -> full + "; the new event was dropped";
    };
  }

  /**
   * The wire name of the type of the event that did not fit.
   *
   * @return for example {@code "messageSent"}
   */
  public String eventType() {
    return eventType;
  }

  /**
   * The buffer size of the subscriber that fell behind.
   *
   * @return how many events it could hold
   */
  public int bufferSize() {
    return bufferSize;
  }

  /**
   * What the publisher did about the overflow.
   *
   * @return the subscriber's overflow policy
   */
  public OverflowPolicy policy() {
    return policy;
  }
}
