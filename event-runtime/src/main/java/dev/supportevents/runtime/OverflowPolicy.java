package dev.supportevents.runtime;

/**
 * What a hub does with an event for a subscriber whose queue is full. For a hub's {@link
 * java.util.concurrent.Flow.Publisher}: the subscriber has requested fewer events than were
 * emitted, and its buffer holds {@link PublisherOptions#bufferSize()} of them already. For a
 * subscription on an executor: its queue holds its capacity of events not yet delivered ({@link
 * SubscriptionOptions#queueCapacity(int)}); for a new synchronous subscription whose replay of a
 * kept event is running, the events held back until it ends. Emit never blocks and no queue grows
 * beyond its capacity, whichever policy is chosen, and no event is dropped silently: each one that
 * is not delivered goes to the hub's {@link ListenerFailureHandler}, with a {@link
 * PublisherOverflowException} or a {@link SubscriptionOverflowException}.
 */
public enum OverflowPolicy {

  /**
   * Ends the subscriber: it receives {@code onError} with a {@link PublisherOverflowException}
   * naming the event type and the buffer size, and the failure handler is told of the event that
   * did not fit, then of each buffered event, which the subscriber will not receive. The default
   * for Flow subscribers: a subscriber that cannot keep up learns it at once. A subscription is
   * ended instead: the event that did not fit is reported, the events already queued are still
   * delivered, and later events no longer reach it.
   */
  FAIL,

  /**
   * Drops the oldest buffered event to make room for the new one, for subscribers that only care
   * about recent events (a typing indicator, say). Each dropped event goes to the failure handler.
   */
  DROP_OLDEST,

  /**
   * Drops the new event and keeps the buffered ones. Each dropped event goes to the failure
   * handler. The default for subscriptions: a subscription that falls behind keeps its place and
   * the order of what it receives, and an emit does the least work.
   */
  DROP_NEWEST
}
