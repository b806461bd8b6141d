package dev.supportevents.example.integrations.kafka;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error that was raised on another node and arrived as the tracking plan describes a {@code
 * Throwable}: its class name and its message, without the stack trace, which stayed on that node.
 * {@link KafkaEventReceiver} puts one in each {@code ErrorEvent} it receives.
 *
 * <p>Forwarded again, it is written with the class name it arrived with, so a chain of nodes keeps
 * the original one.
 */
public final class RemoteError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The class name the error had where it was raised. */
  private final String type;

  /**
   * Creates the error as it arrived.
   *
   * @param type the class name of the error where it was raised, such as {@code
   *     "java.io.IOException"}
   * @param message its message there, or {@code null}
   */
  public RemoteError(String type, @Nullable String message) {
    // No stack trace: one of the receiving thread would only mislead.
    super(message, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * The class name the error had where it was raised.
   *
   * @return a class name, such as {@code "java.io.IOException"}
   */
  public String type() {
    return type;
  }

  /** The original class name and message, as {@link Throwable#toString()} gives them there. */
  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? type : type + ": " + message;
  }
}
