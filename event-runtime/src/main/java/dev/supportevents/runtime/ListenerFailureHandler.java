package dev.supportevents.runtime;

import dev.supportevents.runtime.internal.FailureLog;

/**
 * Receives the failures of listeners. A failing listener never stops delivery to the others; its
 * failure comes here instead.
 *
 * <p>A handler that throws does not stop delivery either: what it throws is written to the {@code
 * dev.supportevents} {@link System.Logger}, and so is the failure it was handling, each in a record
 * of its own. Neither exception is changed.
 */
@FunctionalInterface
public interface ListenerFailureHandler {

  /**
   * Handles one listener failure. Called on the thread that ran the listener, or for an executor's
   * refusal, on the thread that handed it the delivery.
   *
   * @param failure the event, its type, the subscription and what its listener threw
   */
  void handle(ListenerFailure failure);

  /**
   * The default handler: {@code WARNING} records on the {@code dev.supportevents} {@link
   * System.Logger} naming the event type and the subscription, never the event, which holds what
   * visitors wrote. The first failure of a listener for an event type is logged in full, with the
   * exception attached; its further failures are counted, and each count is logged once per 10
   * seconds while they go on ({@code A listener of messageSent failed 412 more times in the last 10
   * s: tracker ...}). Once 10 seconds pass without a failure, the next is logged in full again. A
   * listener is told apart by its subscription's {@link Subscription#description()}: subscribed
   * again for every event, it is still counted as one.
   *
   * @return a new handler that logs and carries on, with counts of its own
   */
  static ListenerFailureHandler logging() {
    return FailureLog.rateLimited();
  }
}
