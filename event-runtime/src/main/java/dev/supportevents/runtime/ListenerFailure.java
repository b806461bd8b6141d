package dev.supportevents.runtime;

import java.util.Objects;

/**
 * A listener that threw while an event was delivered to it. The other listeners of that event were
 * still called; this report goes to the hub's {@link ListenerFailureHandler}. The subscription's
 * {@link Subscription#description()} names the listener; the event is here for handlers that need
 * it, and neither {@link #toString()} nor the default handler writes it out, as events hold what
 * visitors wrote.
 *
 * @param type the type of the event being delivered
 * @param event the event being delivered
 * @param subscription the subscription whose listener threw
 * @param failure what the listener threw, or what its executor threw when it refused the delivery
 */
public record ListenerFailure(
    EventType type, Record event, Subscription subscription, Throwable failure) {

  /**
   * Checks that every part is present.
   *
   * @param type the type of the event being delivered
   * @param event the event being delivered
   * @param subscription the subscription whose listener threw
   * @param failure what the listener threw
   */
  public ListenerFailure {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * Names the event type, the subscription and the failure, never the event's contents: a report
   * that ends up in a log or an exception message carries no text a visitor wrote.
   *
   * @return for example {@code ListenerFailure[type=messageSent, subscription=tracker,
   *     failure=java.lang.IllegalStateException: closed]}
   */
  @Override
  public String toString() {
    return "ListenerFailure[type="
        + type.wireName()
        + ", subscription="
        + subscription.description()
        + ", failure="
        + failure
        + "]";
  }
}
