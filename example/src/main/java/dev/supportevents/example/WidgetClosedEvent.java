package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when the visitor closes the widget. Not one of the web widget's events: the example adds
 * it.
 *
 * @param visitorId the visitor who closed it
 * @param conversationId the conversation shown when it was closed, or {@code null} if none
 */
@SupportEvent
public record WidgetClosedEvent(String visitorId, @Nullable String conversationId)
    implements WidgetEvent {

  /** Checks that the visitor is present. */
  public WidgetClosedEvent {
    Objects.requireNonNull(visitorId, "visitorId");
  }
}
