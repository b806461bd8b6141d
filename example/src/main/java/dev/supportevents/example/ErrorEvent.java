package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when something fails inside the widget.
 *
 * @param error what failed
 * @param context what the widget was doing, such as {@value #MESSAGE_SEND_FAILED}, or {@code null}
 */
@SupportEvent
public record ErrorEvent(Throwable error, @Nullable String context) implements WidgetEvent {

  /** The context of an error raised while a visitor's message was being sent. */
  public static final String MESSAGE_SEND_FAILED = "message_send_failed";

  /** Checks that the error is present. */
  public ErrorEvent {
    Objects.requireNonNull(error, "error");
  }
}
