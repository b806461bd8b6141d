package dev.supportevents.runtime;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A listener's place on an event hub, returned by every {@code subscribe} and {@code onX} call.
 *
 * <p>Closing it is the unsubscribe: once {@link #close()} has returned, no new delivery to the
 * listener starts, and the hub no longer holds the listener. Closing twice does nothing, so a
 * subscription fits in try-with-resources and in any cleanup list:
 *
 * <pre>{@code
 * try (Subscription subscription = events.onMessageSent(event -> ...)) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #all(Subscription...)} makes one handle of several, for a component that subscribes to
 * several events and unsubscribes from all of them when it closes.
 */
public interface Subscription extends AutoCloseable {

  /**
   * Unsubscribes. Idempotent, safe from any thread, and safe from inside a listener. Events queued
   * for this subscription on an executor and not yet delivered are dropped.
   */
  @Override
  void close();

  /**
   * Tells whether this subscription still receives events.
   *
   * @return {@code true} until {@link #close()} is called or its hub is closed
   */
  boolean isActive();

  /**
   * Counts the events queued for this subscription and not yet handed to its listener: those
   * waiting for its executor, or held back while the replay of a kept event to it runs. An executor
   * that drops tasks without running them leaves events here that never leave.
   *
   * @return how many events wait; 0 for a subscription that receives them on the emitting thread
   */
  default int queuedEvents() {
    return 0;
  }

  /**
   * Names the listener of this subscription, for failure reports and logs: the label given with
   * {@link Labeled#listener(String, java.util.function.Consumer)}, else the listener's class.
   *
   * @return a short description of the listener, never the contents of an event
   */
  default String description() {
    return toString();
  }

  /**
   * One handle for several subscriptions: closing it closes each of them, in order.
   *
   * @param subscriptions the subscriptions to close together
   * @return a subscription that is active while any of them is
   * @throws NullPointerException if {@code subscriptions} or any of them is null
   */
  static Subscription all(Subscription... subscriptions) {
    return SubscriptionGroup.of(
        Arrays.asList(Objects.requireNonNull(subscriptions, "subscriptions")));
  }

  /**
   * One handle for several subscriptions: closing it closes each of them, in order.
   *
   * @param subscriptions the subscriptions to close together
   * @return a subscription that is active while any of them is
   * @throws NullPointerException if {@code subscriptions} or any of them is null
   */
  static Subscription all(Collection<? extends Subscription> subscriptions) {
    return SubscriptionGroup.of(Objects.requireNonNull(subscriptions, "subscriptions"));
  }
}
