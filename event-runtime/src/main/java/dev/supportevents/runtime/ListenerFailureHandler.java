package dev.supportevents.runtime;

import dev.supportevents.runtime.internal.FailureLog;

/**
 * Receives the failures of listeners. A failing listener never stops delivery to the others; its
 * failure comes here instead.
 *
 * <p>A handler that throws does not stop delivery either: what it throws is written to the
 * {@code dev.supportevents} {@link System.Logger} together with the failure it was handling.
 */
@FunctionalInterface
public interface ListenerFailureHandler {

  /**
   * Handles one listener failure. Called on the thread that ran the listener.
   *
   * @param failure the event, its type, the subscription and what its listener threw
   */
  void handle(ListenerFailure failure);

  /**
   * The default handler: one {@code WARNING} record on the {@code dev.supportevents}
   * {@link System.Logger}, with the failure attached.
   *
   * @return a handler that logs and carries on
   */
  static ListenerFailureHandler logging() {
    return FailureLog::listenerFailed;
  }
}
