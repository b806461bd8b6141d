package dev.supportevents.runtime;

import java.util.Objects;

/**
 * A subscription fell behind: an event arrived while its queue held as many events as its capacity
 * allows (see {@link SubscriptionOptions#queueCapacity(int)}). The hub's {@link
 * ListenerFailureHandler} receives it in the {@link ListenerFailure} of each event that was not
 * delivered, one per event.
 *
 * <p>It carries no stack trace: the place it was thrown from says nothing the message does not.
 */
public final class SubscriptionOverflowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The wire name, not the type: an exception stays serializable. */
  private final String eventType;

  /** The subscription's description: the subscription itself is not serializable. */
  private final String subscription;

  /** How many events the subscription's queue holds. */
  private final int capacity;

  /** What the full queue did. */
  private final OverflowPolicy policy;

  /**
   * Describes one event that did not fit, or that was dropped to make room.
   *
   * @param eventType the type of the event not delivered
   * @param subscription the description of the subscription that fell behind
   * @param capacity the capacity of its queue
   * @param policy what the hub did about it
   */
  public SubscriptionOverflowException(
      EventType eventType, String subscription, int capacity, OverflowPolicy policy) {
    super(message(eventType, subscription, capacity, policy), null, false, false);
    this.eventType = eventType.wireName();
    this.subscription = subscription;
    this.capacity = capacity;
    this.policy = policy;
  }

  private static String message(
      EventType eventType, String subscription, int capacity, OverflowPolicy policy) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(policy, "policy");
    String full =
        "The subscription "
            + subscription
            + " fell behind: its queue of "
            + capacity
            + " events was full";
    return switch (policy) {
      case FAIL ->
          full
              + " when a "
              + eventType.wireName()
              + " event arrived; that event is not"
              + " delivered and the subscription is ended. Choose a larger queueCapacity or another"
              + " OverflowPolicy";
      case DROP_OLDEST ->
          full + "; its oldest queued event, a " + eventType.wireName() + ", was dropped";
      case DROP_NEWEST -> full + "; the new " + eventType.wireName() + " event was dropped";
    };
  }

  /**
   * The wire name of the type of the event not delivered.
   *
   * @return for example {@code "messageSent"}
   */
  public String eventType() {
    return eventType;
  }

  /**
   * The subscription that fell behind.
   *
   * @return its {@link Subscription#description()}
   */
  public String subscription() {
    return subscription;
  }

  /**
   * The capacity of the subscription's queue.
   *
   * @return how many events it could hold
   */
  public int capacity() {
    return capacity;
  }

  /**
   * What the hub did about the overflow.
   *
   * @return the subscription's overflow policy
   */
  public OverflowPolicy policy() {
    return policy;
  }
}
