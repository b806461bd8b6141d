package dev.supportevents.example;

import java.util.Map;

/**
 * Where {@link ErrorTracker} sends the widget's errors: the {@code captureException} call of an
 * error tracker (Sentry, Rollbar, ...), or a list in memory.
 */
@FunctionalInterface
public interface ErrorSink {

  /**
   * Records one error.
   *
   * @param error what failed
   * @param tags indexed labels to filter by, such as {@code component=support_widget}
   * @param extra further details shown with the error, such as its context; may be empty
   */
  void captureException(Throwable error, Map<String, String> tags, Map<String, String> extra);
}
