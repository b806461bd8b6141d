package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.Labeled;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOverflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One subscription, possibly spanning several event types. Created by {@link
 * Delivery#subscribe(Consumer)}, which hands it to generated code to add listeners and then returns
 * it to the application as a {@link Subscription}.
 */
public final class Registration implements Subscription {

  private final Delivery delivery;
  private final Mailbox mailbox;
  private final int queueCapacity;
  private final OverflowPolicy overflowPolicy;

  /** The gates of pending replays to synchronous listeners, to count what they hold. */
  private final List<ReplayGate<?>> gates = new ArrayList<>();

  private final List<Listeners<?>> joined = new ArrayList<>();
  private final List<Runnable> replays = new ArrayList<>();
  private String description;
  private final List<Runnable> closeActions = new ArrayList<>();
  private boolean attaching = true;
  private volatile boolean active = true;

  /** Set by {@link #close()}: events queued on the executor and not yet delivered are dropped. */
  private volatile boolean dropsQueued;

  Registration(
      Delivery delivery,
      Mailbox mailbox,
      Object listener,
      int queueCapacity,
      OverflowPolicy overflowPolicy) {
    this.delivery = delivery;
    this.mailbox = mailbox;
    this.queueCapacity = queueCapacity;
    this.overflowPolicy = overflowPolicy;
    this.description = listener == null ? null : describe(listener);
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
    if (description == null) {
      description = describe(listener);
    }
    Runnable replay = listeners.add(this, listener);
    joined.add(listeners);
    if (replay != null) {
      replays.add(replay);
    }
    return this;
  }

  /**
   * Runs {@code action} once this subscription closes, whoever closes it: its holder or the hub. It
   * runs on the closing thread, after the hub's lock is released. Allowed only while the
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

  /** The queue of this subscription when it runs on an executor, else {@code null}. */
  Mailbox mailbox() {
    return mailbox;
  }

  /** How many events its queue, or a replay's gate, holds before the overflow policy applies. */
  int queueCapacity() {
    return queueCapacity;
  }

  OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  /**
   * Reports one event that the overflow policy of this subscription's queue, or of a replay's gate,
   * did not deliver; with {@link OverflowPolicy#FAIL} also ends the subscription, whose queued
   * events are still delivered. A closed subscription's events are dropped without a report.
   */
  void overflowed(EventType type, Record event) {
    if (!deliversQueued()) {
      return;
    }
    delivery.report(
        new ListenerFailure(
            type,
            event,
            this,
            new SubscriptionOverflowException(type, description, queueCapacity, overflowPolicy)));
    if (overflowPolicy == OverflowPolicy.FAIL) {
      end(false);
    }
  }

  /** Keeps the gate of a pending replay, to count its events; while subscribing. */
  void holdsBack(ReplayGate<?> gate) {
    gates.add(gate);
  }

  void attached() {
    attaching = false;
    if (description == null) {
      description = "a subscription to no event";
    }
  }

  /** Hands each replayed event to its listener; called once the hub's lock is released. */
  void replay() {
    replays.forEach(Runnable::run);
    replays.clear();
  }

  /** Tells whether an event queued for this subscription on an executor is still delivered. */
  boolean deliversQueued() {
    return !dropsQueued;
  }

  @Override
  public void close() {
    end(true);
  }

  /**
   * Ends the subscription: it leaves every list, and no event delivered from now on reaches it. The
   * same path for {@link #close()} and for the hub's close.
   *
   * @param dropQueued whether the events already queued on its executor are dropped, as when the
   *     application unsubscribes, or still delivered, as when the hub closes
   */
  void end(boolean dropQueued) {
    synchronized (delivery.lock()) {
      if (!active) {
        return;
      }
      dropsQueued = dropQueued;
      // Out of each list before it is marked ended: cut short (a StackOverflowError), it stays
      // active, and the next close goes on where this one stopped.
      for (int last = joined.size() - 1; last >= 0; last--) {
        joined.get(last).remove(this);
        joined.remove(last);
      }
      active = false;
      delivery.ended(this, dropQueued);
    }
    if (!dropQueued && mailbox != null) {
      mailbox.fence(() -> delivery.drained(mailbox));
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
  public int queuedEvents() {
    int queued = mailbox == null ? 0 : mailbox.queued();
    for (ReplayGate<?> gate : gates) {
      queued += gate.size();
    }
    return queued;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "Subscription[" + description + (active ? ", active]" : ", closed]");
  }

  /**
   * Names a listener by its label, else by its class: {@code com.acme.Tracker}, or for a lambda
   * {@code lambda in com.acme.Tracker}. Never by {@code toString()}, which may print state.
   */
  static String describe(Object listener) {
    if (listener instanceof Labeled labeled) {
      return labeled.label();
    }
    String name = listener.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : "lambda in " + name.substring(0, lambda);
  }
}
