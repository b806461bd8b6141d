package dev.supportevents.runtime;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A listener that names itself. A subscription describes its listener by this label in failure
 * reports and logs; a listener that is not labeled is described by its class.
 *
 * <pre>{@code
 * events.onMessageSent(Labeled.listener("analytics", event -> analytics.track(event)));
 * }</pre>
 *
 * <p>A callbacks class may implement this interface itself.
 */
public interface Labeled {

  /**
   * The name of this listener in failure reports and logs.
   *
   * @return a short name, such as {@code "analytics"}
   */
  String label();

  /**
   * Wraps {@code listener} with a label.
   *
   * @param label names the listener in failure reports and logs
   * @param listener receives the events
   * @param <E> the event type
   * @return a listener that calls {@code listener} and is described by {@code label}
   */
  static <E> Consumer<E> listener(String label, Consumer<E> listener) {
    return new LabeledListeners.OfOneType<>(
        requireLabel(label), Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Wraps a listener of every event, as {@code subscribeAll} takes it, with a label.
   *
   * @param label names the listener in failure reports and logs
   * @param listener receives each event with its type
   * @param <T> the event type's type
   * @param <E> the event type
   * @return a listener that calls {@code listener} and is described by {@code label}
   */
  static <T, E> BiConsumer<T, E> listener(String label, BiConsumer<T, E> listener) {
    return new LabeledListeners.OfEveryType<>(
        requireLabel(label), Objects.requireNonNull(listener, "listener"));
  }

  private static String requireLabel(String label) {
    if (Objects.requireNonNull(label, "label").isBlank()) {
      throw new IllegalArgumentException("a label names the listener: give a non-blank one");
    }
    return label;
  }
}
