package dev.supportevents.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * How one subscription receives its events: on which executor, and how many events its queue holds
 * before the {@link OverflowPolicy} applies. What is not set here is the hub's: its executor, its
 * queue capacity and its overflow policy. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Subscription typing = events.onAgentTyping(indicator::show,
 *     SubscriptionOptions.defaults().executor(uiThread).queueCapacity(1)
 *         .onOverflow(OverflowPolicy.DROP_OLDEST));
 * }</pre>
 *
 * <p>The capacity bounds the queue of a subscription on an executor, and the events held back while
 * the replay of a kept event to a new synchronous subscription runs.
 */
public final class SubscriptionOptions {

  /**
   * The largest queue capacity, 268,435,456 events: a queue is an array of two slots per event,
   * which doubles as it fills, and holds up to 64 events beyond the capacity, so a larger one could
   * not grow to it.
   */
  public static final int MAX_QUEUE_CAPACITY = 1 << 28;

  private static final SubscriptionOptions DEFAULTS = new SubscriptionOptions(null, 0, null);

  private final Executor executor;

  /** 0 when not set: the hub's capacity applies. */
  private final int queueCapacity;

  private final OverflowPolicy overflowPolicy;

  private SubscriptionOptions(Executor executor, int queueCapacity, OverflowPolicy overflowPolicy) {
    this.executor = executor;
    this.queueCapacity = queueCapacity;
    this.overflowPolicy = overflowPolicy;
  }

  /**
   * Nothing set: the subscription takes the hub's executor, queue capacity and overflow policy.
   *
   * @return the default options
   */
  public static SubscriptionOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Runs the subscription's listeners on {@code executor}, one event at a time and in the order the
   * events are delivered, instead of the hub's executor or the emitting thread.
   *
   * @param executor runs the listeners, a UI thread for example
   * @return options with that executor
   */
  public SubscriptionOptions executor(Executor executor) {
    return new SubscriptionOptions(
        Objects.requireNonNull(executor, "executor"), queueCapacity, overflowPolicy);
  }

  /**
   * Holds up to {@code queueCapacity} events not yet delivered to this subscription; one more
   * applies the overflow policy.
   *
   * @param queueCapacity from 1 to {@value #MAX_QUEUE_CAPACITY}
   * @return options with that capacity
   * @throws IllegalArgumentException if {@code queueCapacity} is less than 1 or more than {@value
   *     #MAX_QUEUE_CAPACITY}
   */
  public SubscriptionOptions queueCapacity(int queueCapacity) {
    if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
      throw new IllegalArgumentException(
          "queueCapacity must be from 1 to "
              + MAX_QUEUE_CAPACITY
              + " (SubscriptionOptions.MAX_QUEUE_CAPACITY), was "
              + queueCapacity);
    }
    return new SubscriptionOptions(executor, queueCapacity, overflowPolicy);
  }

  /**
   * Chooses what happens to an event that finds this subscription's queue full.
   *
   * @param overflowPolicy the policy for this subscription
   * @return options with that policy
   */
  public SubscriptionOptions onOverflow(OverflowPolicy overflowPolicy) {
    return new SubscriptionOptions(
        executor, queueCapacity, Objects.requireNonNull(overflowPolicy, "overflowPolicy"));
  }

  /**
   * The executor of the subscription's listeners, if one was given.
   *
   * @return the executor, or empty for the hub's
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /**
   * The queue capacity, if one was given.
   *
   * @return the capacity, or empty for the hub's
   */
  public OptionalInt queueCapacity() {
    return queueCapacity == 0 ? OptionalInt.empty() : OptionalInt.of(queueCapacity);
  }

  /**
   * The overflow policy, if one was given.
   *
   * @return the policy, or empty for the hub's
   */
  public Optional<OverflowPolicy> overflowPolicy() {
    return Optional.ofNullable(overflowPolicy);
  }

  @Override
  public String toString() {
    return "SubscriptionOptions["
        + (executor == null ? "" : "executor=" + executor + ", ")
        + "queueCapacity="
        + (queueCapacity == 0 ? "the hub's" : queueCapacity)
        + ", overflowPolicy="
        + (overflowPolicy == null ? "the hub's" : overflowPolicy)
        + "]";
  }
}
