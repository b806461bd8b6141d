package dev.supportevents.runtime;

/**
 * What a hub's {@link java.util.concurrent.Flow.Publisher} does with an event for a subscriber
 * whose buffer is full: the subscriber has requested fewer events than were emitted, and the
 * buffer holds {@link PublisherOptions#bufferSize()} of them already. Emit never blocks and the
 * buffer never grows, whichever policy is chosen, and no event is dropped silently: each one that
 * is not delivered goes to the hub's {@link ListenerFailureHandler} with a
 * {@link PublisherOverflowException}.
 */
public enum OverflowPolicy {

  /**
   * Ends the subscriber: it receives {@code onError} with a {@link PublisherOverflowException}
   * naming the event type and the buffer size, its buffered events are discarded, and the
   * failure handler is told once. The default: a subscriber that cannot keep up learns it at once.
   */
  FAIL,

  /**
   * Drops the oldest buffered event to make room for the new one, for subscribers that only care
   * about recent events (a typing indicator, say). Each dropped event goes to the failure handler.
   */
  DROP_OLDEST,

  /**
   * Drops the new event and keeps the buffered ones. Each dropped event goes to the failure
   * handler.
   */
  DROP_NEWEST
}
