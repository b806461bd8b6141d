package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when the visitor opens the widget. Not one of the web widget's events: the example adds it,
 * and names it on the wire {@code "widget.opened"} to show the annotation's override.
 *
 * @param visitorId the visitor who opened it
 * @param page the page of the website it was opened on, such as {@code "/billing"}, or {@code null}
 */
@SupportEvent("widget.opened")
public record WidgetOpenedEvent(String visitorId, @Nullable String page) implements WidgetEvent {

  /** Checks that the visitor is present. */
  public WidgetOpenedEvent {
    Objects.requireNonNull(visitorId, "visitorId");
  }
}
