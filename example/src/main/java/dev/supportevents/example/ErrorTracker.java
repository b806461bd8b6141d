package dev.supportevents.example;

import java.util.Map;
import java.util.Objects;

/**
 * Reports the widget's errors to an error tracker, tagged {@code component=support_widget} with the
 * error's context as extra detail. Give it to {@link SupportWidget.Builder#callbacks} so it runs
 * before any other listener, or subscribe it to a hub with {@link
 * SupportEvents#subscribe(SupportEventCallbacks)}.
 */
public final class ErrorTracker implements SupportEventCallbacks {

  /** The tags of every reported error: which component of the site failed. */
  public static final Map<String, String> TAGS = Map.of("component", "support_widget");

  private final ErrorSink sink;

  /**
   * Creates a tracker that reports to {@code sink}.
   *
   * @param sink receives each error
   */
  public ErrorTracker(ErrorSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void onError(ErrorEvent event) {
    String context = event.context();
    sink.captureException(
        event.error(), TAGS, context == null ? Map.of() : Map.of("context", context));
  }
}
