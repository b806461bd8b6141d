package dev.supportevents.runtime;

import dev.supportevents.runtime.internal.FailureLog;

/**
 * Receives the failures of listeners. A failing listener never stops delivery to the others; its
 * failure comes here instead.
 *
 * <p>A handler that throws does not stop delivery either: what it throws is written to the
 * {@code dev.supportevents} {@link System.Logger}, and so is the failure it was handling, each in
 * a record of its own. Neither exception is changed.
 */
@FunctionalInterface
public interface ListenerFailureHandler {

  /**
   * Handles one listener failure. Called on the thread that ran the listener, or for an
   * executor's refusal, on the thread that handed it the delivery.
   *
   * @param failure the event, its type, the subscription and what its listener threw
   */
  void handle(ListenerFailure failure);

  /**
   * The default handler: one {@code WARNING} record on the {@code dev.supportevents}
   * {@link System.Logger} naming the event type and the subscription, with the failure attached.
   * It never writes out the event, which holds what visitors wrote.
   *
   * @return a handler that logs and carries on
   */
  static ListenerFailureHandler logging() {
    return FailureLog::listenerFailed;
  }
}
