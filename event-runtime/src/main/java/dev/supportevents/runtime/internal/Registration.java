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
  private final List<Runnable> closeActions = new ArrayList<>();
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

  /**
   * Runs {@code action} once this subscription closes, whoever closes it: its holder or the hub.
   * It runs on the closing thread, after the hub's lock is released. Allowed only while the
   * subscription is being created.
   *
   * @param action what to do once closed, for example complete a Flow subscriber
   * @return this registration
   */
  public Registration onClose(Runnable action) {
    Objects.requireNonNull(action, "action");
    if (!attaching) {
      throw new IllegalStateException("close actions can be added only while subscribing");
    }
    closeActions.add(action);
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
      delivery.forget(this);
    }
    // Only the close that ended the subscription gets here, and it owns the list now.
    closeActions.forEach(Runnable::run);
    closeActions.clear();
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
