package dev.supportevents.runtime;

import java.lang.System.Logger.Level;

/** Where failures go when nobody else takes them: the platform logger, no logging dependency. */
final class FailureLog {

  private static final System.Logger LOGGER = System.getLogger("dev.supportevents");

  private FailureLog() {}

  static void listenerFailed(ListenerFailure failure) {
    LOGGER.log(
        Level.WARNING,
        () -> "A listener of " + failure.type().wireName() + " failed on " + failure.event(),
        failure.failure());
  }

  static void unhandledHookFailed(EventType type, Record event, Throwable failure) {
    LOGGER.log(
        Level.ERROR,
        () -> "The unhandled-events hook threw on " + type.wireName() + " " + event,
        failure);
  }

  static void handlerFailed(ListenerFailure failure, Throwable handlerFailure) {
    // A handler may rethrow the listener's own exception, which cannot suppress itself.
    if (handlerFailure != failure.failure()) {
      handlerFailure.addSuppressed(failure.failure());
    }
    LOGGER.log(
        Level.ERROR,
        () -> "The failure handler threw while handling a failed listener of "
            + failure.type().wireName() + " on " + failure.event(),
        handlerFailure);
  }
}
