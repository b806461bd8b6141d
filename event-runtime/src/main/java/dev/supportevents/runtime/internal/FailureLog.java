package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.ListenerFailureHandler;
import java.lang.System.Logger.Level;

/**
 * Where failures go when nobody else takes them: the platform logger, no logging dependency. For
 * the runtime's own use, not API.
 *
 * <p>A record names the event type and the subscription, never the event: events hold what visitors
 * wrote. Exceptions are logged as they are, never changed.
 */
public final class FailureLog {

  private static final System.Logger LOGGER = System.getLogger("dev.supportevents");

  private FailureLog() {}

  /**
   * A new default failure handler: each listener's first failure of an event type logged in full,
   * then one count of its further failures every 10 seconds while they go on.
   *
   * @return a handler with counts of its own, for one hub
   */
  public static ListenerFailureHandler rateLimited() {
    return new RateLimitedFailureLog();
  }

  /**
   * Logs the failure of a listener in full: the event type, the subscription and the exception.
   *
   * @param failure the failed listener's report
   */
  public static void listenerFailed(ListenerFailure failure) {
    LOGGER.log(
        Level.WARNING,
        () ->
            "A listener of "
                + failure.type().wireName()
                + " failed: "
                + failure.subscription().description(),
        failure.failure());
  }

  /**
   * Logs what the unhandled-events hook threw.
   *
   * @param type the type of the event nobody listened to
   * @param failure what the hook threw
   */
  public static void unhandledHookFailed(EventType type, Throwable failure) {
    LOGGER.log(
        Level.ERROR,
        () -> "The unhandled-events hook threw on an event of " + type.wireName(),
        failure);
  }

  /**
   * Logs what a failure handler threw while it handled {@code failure}: the listener's failure as
   * the default handler would, then the handler's own, each with its exception unchanged.
   *
   * @param failure the listener's failure being handled
   * @param handlerFailure what the handler threw
   */
  public static void handlerFailed(ListenerFailure failure, Throwable handlerFailure) {
    if (handlerFailure == failure.failure()) {
      LOGGER.log(
          Level.ERROR,
          () ->
              "The failure handler rethrew the failure of a listener of "
                  + failure.type().wireName()
                  + ": "
                  + failure.subscription().description(),
          handlerFailure);
      return;
    }
    listenerFailed(failure);
    LOGGER.log(
        Level.ERROR,
        () ->
            "The failure handler threw while handling a failed listener of "
                + failure.type().wireName()
                + ": "
                + failure.subscription().description(),
        handlerFailure);
  }

  /**
   * Logs what a Flow subscriber threw from a signal that carries no event, which the Reactive
   * Streams rules forbid (rule 2.13): {@code onSubscribe}, {@code onComplete} or {@code onError}.
   *
   * @param signal the method that threw, for example {@code "onComplete"}
   * @param failure what it threw
   */
  public static void subscriberFailed(String signal, Throwable failure) {
    LOGGER.log(Level.WARNING, () -> "A Flow subscriber threw from " + signal, failure);
  }
}
