package dev.supportevents.runtime;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The listeners of one event type on one hub, in the order they subscribed.
 *
 * <p>The list is copy-on-write: delivery reads one array without locking, and a change made
 * during a delivery (subscribe, close) applies to the events emitted after it. Generated code
 * calls it; applications use the hub.
 *
 * <p>A list that replays the latest event keeps the last event delivered through it and hands it
 * to each new listener as it subscribes.
 *
 * @param <E> the event's record type
 */
public final class Listeners<E extends Record> {

  private static final Entry<?>[] NONE = {};

  private final EventType type;
  private final Delivery delivery;
  private final boolean replaysLatest;
  private volatile Entry<E>[] entries = none();
  private volatile E latest;

  Listeners(EventType type, Delivery delivery, boolean replaysLatest) {
    this.type = type;
    this.delivery = delivery;
    this.replaysLatest = replaysLatest;
  }

  /**
   * Subscribes one listener to this event type.
   *
   * @param listener receives each event emitted from now on
   * @return the subscription; close it to unsubscribe
   */
  public Subscription subscribe(Consumer<? super E> listener) {
    Objects.requireNonNull(listener, "listener");
    return delivery.subscribe(registration -> registration.listen(this, listener));
  }

  /**
   * Subscribes one listener to this event type, to run on {@code executor}.
   *
   * @param listener receives each event emitted from now on
   * @param executor runs the listener, one task per event in delivery order
   * @return the subscription; close it to unsubscribe
   */
  public Subscription subscribe(Consumer<? super E> listener, Executor executor) {
    Objects.requireNonNull(listener, "listener");
    return delivery.subscribe(executor, registration -> registration.listen(this, listener));
  }

  /**
   * Delivers {@code event} to every listener subscribed now.
   *
   * @param event the event, already checked to be of this list's type
   */
  public void deliver(E event) {
    Entry<E>[] current;
    if (replaysLatest) {
      // Under the lock, a subscriber either is in this snapshot or replays this event: not both.
      synchronized (delivery.lock()) {
        latest = event;
        current = entries;
      }
    } else {
      current = entries;
    }
    if (current.length == 0) {
      delivery.unhandled(type, event);
    } else {
      delivery.deliver(current, type, event);
    }
  }

  /**
   * Tells whether any listener is subscribed.
   *
   * @return {@code true} if an event emitted now would reach a listener
   */
  public boolean hasListeners() {
    return entries.length != 0;
  }

  /**
   * The latest event delivered through this list, for a list that replays it.
   *
   * @return the latest event, or empty if none was emitted yet
   * @throws IllegalStateException if this list does not keep its latest event
   */
  public Optional<E> latest() {
    if (!replaysLatest) {
      throw new IllegalStateException(
          "Events of " + type.wireName() + " are not kept: declare them with replayLatest = true");
    }
    return Optional.ofNullable(latest);
  }

  /**
   * Adds a listener; called under the hub's lock.
   *
   * @return the replay of the latest event to this listener, to run once the lock is released,
   *     or {@code null} if there is nothing to replay
   */
  Runnable add(Registration registration, Consumer<? super E> listener) {
    Entry<E> entry = new Entry<>(registration, listener);
    Entry<E>[] current = entries;
    Entry<E>[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = entry;
    entries = grown;
    E replayed = latest;
    return replayed == null ? null : () -> delivery.replay(entry, type, replayed);
  }

  void remove(Registration registration) {
    Entry<E>[] current = entries;
    int kept = 0;
    Entry<E>[] remaining = Arrays.copyOf(current, current.length);
    for (Entry<E> entry : current) {
      if (entry.registration() != registration) {
        remaining[kept++] = entry;
      }
    }
    entries = kept == 0 ? none() : Arrays.copyOf(remaining, kept);
  }

  Delivery delivery() {
    return delivery;
  }

  @SuppressWarnings("unchecked") // the shared empty array holds no element of any type
  private static <E> Entry<E>[] none() {
    return (Entry<E>[]) NONE;
  }

  record Entry<E>(Registration registration, Consumer<? super E> listener) {}
}
