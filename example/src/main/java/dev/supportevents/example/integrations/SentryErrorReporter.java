package dev.supportevents.example.integrations;

import dev.supportevents.example.ErrorEvent;
import dev.supportevents.example.SupportEventCallbacks;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.runtime.Subscription;
import io.sentry.IScopes;
import java.util.Objects;

/**
 * Captures the widget's errors in Sentry, tagged {@code component=support_widget}, with the error's
 * context (such as {@code message_send_failed}) as extra data.
 *
 * <pre>{@code
 * Sentry.init(options -> options.setDsn(dsn));
 * SupportWidget widget = SupportWidget.builder(visitorId, transport)
 *     .callbacks(new SentryErrorReporter(Sentry.getCurrentScopes()))   // as the widget's props
 *     .build();
 * // or, on any hub:
 * Subscription errors = SentryErrorReporter.attach(widget.events(), Sentry.getCurrentScopes());
 * }</pre>
 *
 * <p>The tag and the extra data are set on a scope of their own for each capture, so they never
 * leak into other events of the application.
 */
public final class SentryErrorReporter implements SupportEventCallbacks {

  /** The tag that marks an error as the support widget's. */
  public static final String COMPONENT_TAG = "component";

  /** The value of {@value #COMPONENT_TAG} on every captured error. */
  public static final String COMPONENT = "support_widget";

  /** The key of the error's context in the event's extra data. */
  public static final String CONTEXT_EXTRA = "context";

  private final IScopes scopes;

  /**
   * Creates a reporter that captures through {@code scopes}.
   *
   * @param scopes the Sentry scopes to capture with, such as {@code Sentry.getCurrentScopes()}
   */
  public SentryErrorReporter(IScopes scopes) {
    this.scopes = Objects.requireNonNull(scopes, "scopes");
  }

  /**
   * Captures every error of {@code events} from now on.
   *
   * @param events the hub of one widget
   * @param scopes the Sentry scopes to capture with
   * @return the subscription; close it to stop capturing
   */
  public static Subscription attach(SupportEvents events, IScopes scopes) {
    return events.subscribe(new SentryErrorReporter(scopes));
  }

  /** Captures the event's error with the widget's tag and, if it has one, its context. */
  @Override
  public void onError(ErrorEvent event) {
    String context = event.context();
    scopes.captureException(
        event.error(),
        scope -> {
          scope.setTag(COMPONENT_TAG, COMPONENT);
          if (context != null) {
            scope.setExtra(CONTEXT_EXTRA, context);
          }
        });
  }
}
