package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One subscription, possibly spanning several event types. Created by
 * {@link Delivery#subscribe(Consumer)}, which hands it to generated code to add listeners and then
 * returns it to the application as a {@link Subscription}.
 */
public final class Registration implements Subscription {

  private final Delivery delivery;
  private final Executor executor;
  private final List<Listeners<?>> joined = new ArrayList<>();
  private final List<Runnable> replays = new ArrayList<>();
  private boolean attaching = true;
  private volatile boolean active = true;

  Registration(Delivery delivery, Executor executor) {
    this.delivery = delivery;
    this.executor = executor;
  }

  /**
   * Adds {@code listener} for the events of {@code listeners}, as part of this subscription.
   * Allowed only while the subscription is being created.
   *
   * @param listeners the list of one event type, of the same hub
   * @param listener receives those events
   * @param <E> the event's record type
   * @return this registration
   */
  public <E extends Record> Registration listen(
      Listeners<E> listeners, Consumer<? super E> listener) {
    Objects.requireNonNull(listeners, "listeners");
    Objects.requireNonNull(listener, "listener");
    if (!attaching) {
      throw new IllegalStateException("listeners can be added only while subscribing");
    }
    if (listeners.delivery() != delivery) {
      throw new IllegalArgumentException("those listeners belong to another hub");
    }
    Runnable replay = listeners.add(this, listener);
    joined.add(listeners);
    if (replay != null) {
      replays.add(replay);
    }
    return this;
  }

  /** The executor of this subscription alone, or {@code null} to run on the hub's. */
  Executor executor() {
    return executor;
  }

  void attached() {
    attaching = false;
  }

  /** Hands each replayed event to its listener; called once the hub's lock is released. */
  void replay() {
    replays.forEach(Runnable::run);
    replays.clear();
  }

  @Override
  public void close() {
    synchronized (delivery.lock()) {
      if (!active) {
        return;
      }
      active = false;
      for (Listeners<?> listeners : joined) {
        listeners.remove(this);
      }
      joined.clear();
    }
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public String toString() {
    return active ? "Subscription[active]" : "Subscription[closed]";
  }
}
