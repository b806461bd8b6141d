package dev.supportevents.runtime;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The listeners {@link Labeled#listener} wraps: they call the listener and carry the label. */
final class LabeledListeners {

  private LabeledListeners() {}

  /** A labeled listener of one event type. */
  record OfOneType<E>(String label, Consumer<E> listener) implements Consumer<E>, Labeled {
    @Override
    public void accept(E event) {
      listener.accept(event);
    }
  }

  /** A labeled listener of every event. */
  record OfEveryType<T, E>(String label, BiConsumer<T, E> listener)
      implements BiConsumer<T, E>, Labeled {
    @Override
    public void accept(T type, E event) {
      listener.accept(type, event);
    }
  }
}
