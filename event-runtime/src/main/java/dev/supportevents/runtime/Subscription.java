package dev.supportevents.runtime;

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
 */
public interface Subscription extends AutoCloseable {

  /**
   * Unsubscribes. Idempotent, safe from any thread, and safe from inside a listener.
   */
  @Override
  void close();

  /**
   * Tells whether this subscription still receives events.
   *
   * @return {@code true} until {@link #close()} is called
   */
  boolean isActive();
}
