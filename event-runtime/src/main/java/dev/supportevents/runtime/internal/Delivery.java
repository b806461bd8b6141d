package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.ListenerFailureHandler;
import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How one hub delivers its events: on which executor, and what happens when a listener throws or
 * nobody listens. A generated {@code SupportEvents} hub owns one {@code Delivery} and one
 * {@link Listeners} per event type.
 *
 * <p>Every change to the hub's listener lists takes this object's lock, so a subscription that
 * spans several event types (callbacks, subscribe-all) joins all of them in one step, and
 * listeners run in the order they subscribed. Delivery itself takes no lock, except a short one
 * of the event type's own for a type that keeps its latest event.
 */
public final class Delivery {

  private final Object lock = new Object();
  private final Executor executor;
  private final ListenerFailureHandler failureHandler;
  private final boolean propagateFailures;
  private final BiConsumer<? super EventType, ? super Record> unhandledEvents;
  /** The subscriptions open now, for {@link #close()}; guarded by {@link #lock}. */
  private final Set<Registration> open = new LinkedHashSet<>();
  /** Whether {@link #close()} was called; guarded by {@link #lock}. */
  private boolean closed;

  private Delivery(Builder builder) {
    this.executor = builder.executor;
    this.failureHandler = builder.failureHandler;
    this.propagateFailures = builder.failurePolicy == FailurePolicy.PROPAGATE;
    this.unhandledEvents = builder.unhandledEvents;
  }

  /**
   * Starts a delivery with the defaults: synchronous, failures reported to the log, unhandled
   * events ignored.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the listener list of one event type of this hub.
   *
   * @param type the event type the list is for
   * @param <E> the event's record type
   * @return an empty list of listeners
   */
  public <E extends Record> Listeners<E> listeners(EventType type) {
    return new Listeners<>(Objects.requireNonNull(type, "type"), this, false);
  }

  /**
   * Creates the listener list of one event type that keeps the latest event delivered through
   * it and replays it to each listener that subscribes later.
   *
   * @param type the event type the list is for
   * @param <E> the event's record type
   * @return an empty list of listeners
   */
  public <E extends Record> Listeners<E> listenersReplayingLatest(EventType type) {
    return new Listeners<>(Objects.requireNonNull(type, "type"), this, true);
  }

  /**
   * Creates one subscription and lets {@code attach} add its listeners, to as many event types as
   * it likes, atomically: no other subscription can slip between them.
   *
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   */
  public Subscription subscribe(Consumer<Registration> attach) {
    return register(null, attach);
  }

  /**
   * Like {@link #subscribe(Consumer)}, for a subscription whose listeners run on {@code executor}:
   * one task per event, submitted in the order the events are delivered.
   *
   * @param executor runs this subscription's listeners, a UI thread for example
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   */
  public Subscription subscribe(Executor executor, Consumer<Registration> attach) {
    return register(Objects.requireNonNull(executor, "executor"), attach);
  }

  private Subscription register(Executor ownExecutor, Consumer<Registration> attach) {
    Objects.requireNonNull(attach, "attach");
    Registration registration = new Registration(this, ownExecutor);
    boolean hubClosed;
    synchronized (lock) {
      try {
        attach.accept(registration);
      } catch (RuntimeException | Error failure) {
        registration.close();
        throw failure;
      }
      registration.attached();
      hubClosed = closed;
      if (!hubClosed) {
        open.add(registration);
      }
    }
    if (hubClosed) {
      // The hub is closed: the subscription ends as it starts, as if closed at once after.
      registration.close();
      return registration;
    }
    // Listener code never runs under the lock.
    registration.replay();
    return registration;
  }

  Object lock() {
    return lock;
  }

  /**
   * Ends the hub: closes every open subscription, each as its own {@link Subscription#close()}
   * does, and every later subscription as soon as it is created.
   */
  public void close() {
    List<Registration> closing;
    synchronized (lock) {
      closed = true;
      closing = new ArrayList<>(open);
    }
    // Outside the lock: closing runs the subscriptions' close actions.
    closing.forEach(Registration::close);
  }

  /** Drops a closing subscription from the open ones; called under the lock. */
  void forget(Registration registration) {
    open.remove(registration);
  }

  <E extends Record> void deliver(
      Listeners<E> listeners, Listeners.Snapshot<E> snapshot, EventType type, E event) {
    if (executor == null) {
      deliverNow(listeners, snapshot, type, event);
    } else {
      executor.execute(() -> deliverNow(listeners, snapshot, type, event));
    }
  }

  /**
   * Hands a kept event to one new listener, on the executor it would get events on. A failure,
   * the executor's refusal included, is always reported, never propagated: it must not cost the
   * subscriber its subscription.
   */
  <E extends Record> void replay(Listeners.Entry<E> entry, EventType type, E event) {
    Executor ownExecutor = entry.executor();
    Executor target = ownExecutor != null ? ownExecutor : executor;
    if (target == null) {
      call(entry, type, event);
      return;
    }
    try {
      target.execute(() -> call(entry, type, event));
    } catch (RuntimeException refused) {
      report(new ListenerFailure(type, event, entry.registration(), refused));
    }
  }

  /** Tells whether an event nobody listens to goes to an unhandled-events hook. */
  boolean reportsUnhandled() {
    return unhandledEvents != null;
  }

  /** Tells the unhandled-events hook of {@code event}; only when {@link #reportsUnhandled}. */
  void unhandled(EventType type, Record event) {
    try {
      unhandledEvents.accept(type, event);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      FailureLog.unhandledHookFailed(type, event, failure);
    }
  }

  /**
   * Calls the listeners of {@code snapshot} in order. While the list still holds that snapshot,
   * none of them was closed, and the loop calls them straight from the plain array; once the list
   * has changed (a listener closed a subscription, say), each is checked before it is called.
   */
  private <E extends Record> void deliverNow(
      Listeners<E> listeners, Listeners.Snapshot<E> snapshot, EventType type, E event) {
    Consumer<? super E> single = snapshot.single;
    if (single != null) {
      deliverToSingle(single, listeners, snapshot, type, event);
      return;
    }
    Consumer<? super E>[] calls = snapshot.listeners;
    boolean direct = snapshot.direct;
    Throwable propagated = null;
    for (int i = 0; i < calls.length; i++) {
      if (listeners.changedSince(snapshot) && !snapshot.entries[i].registration().isActive()) {
        continue;
      }
      if (!direct) {
        Listeners.Entry<E> entry = snapshot.entries[i];
        Executor ownExecutor = entry.executor();
        if (ownExecutor != null) {
          try {
            ownExecutor.execute(() -> call(entry, type, event));
          } catch (RuntimeException refused) {
            // A subscription's executor that refuses (shut down, say) fails like its listener.
            propagated = failed(entry, type, event, refused, propagated);
          }
          continue;
        }
      }
      try {
        calls[i].accept(event);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        propagated = failed(snapshot.entries[i], type, event, failure, propagated);
      }
    }
    if (propagated != null) {
      throw unchecked(propagated);
    }
  }

  /** {@link #deliverNow} for the most common list: one listener, on the delivering thread. */
  private <E extends Record> void deliverToSingle(Consumer<? super E> single,
      Listeners<E> listeners, Listeners.Snapshot<E> snapshot, EventType type, E event) {
    if (listeners.changedSince(snapshot) && !snapshot.entries[0].registration().isActive()) {
      return;
    }
    try {
      single.accept(event);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      Throwable propagated = failed(snapshot.entries[0], type, event, failure, null);
      if (propagated != null) {
        throw unchecked(propagated);
      }
    }
  }

  /**
   * Deals with what one listener threw: reports it, or adds it to what emit is to throw.
   *
   * @return what emit is to throw once every listener ran, or {@code null}
   */
  private <E extends Record> Throwable failed(Listeners.Entry<E> entry, EventType type, E event,
      Throwable failure, Throwable propagated) {
    if (!propagateFailures) {
      report(new ListenerFailure(type, event, entry.registration(), failure));
      return propagated;
    }
    if (propagated == null) {
      return failure;
    }
    if (failure != propagated) {
      propagated.addSuppressed(failure);
    }
    return propagated;
  }

  /** Calls one listener if its subscription is still active, and reports what it throws. */
  private <E extends Record> void call(Listeners.Entry<E> entry, EventType type, E event) {
    Registration registration = entry.registration();
    if (!registration.isActive()) {
      return;
    }
    try {
      entry.listener().accept(event);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      report(new ListenerFailure(type, event, registration, failure));
    }
  }

  /** Hands {@code failure} to the failure handler, and logs what the handler throws. */
  void report(ListenerFailure failure) {
    try {
      failureHandler.handle(failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable handlerFailure) {
      FailureLog.handlerFailed(failure, handlerFailure);
    }
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    // Only a listener that throws a checked exception sneakily gets here.
    return new IllegalStateException("A listener threw a checked exception", failure);
  }

  /** Configures a {@link Delivery}. */
  public static final class Builder {

    private Executor executor;
    private ListenerFailureHandler failureHandler = ListenerFailureHandler.logging();
    private FailurePolicy failurePolicy = FailurePolicy.REPORT;
    private BiConsumer<? super EventType, ? super Record> unhandledEvents;

    private Builder() {}

    /**
     * Delivers every event through {@code executor}, one task per emitted event that runs its
     * listeners in order. Without it, listeners run on the emitting thread before emit returns.
     *
     * @param executor runs deliveries
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sends listener failures to {@code failureHandler} instead of the log.
     *
     * @param failureHandler receives each failure of a listener
     * @return this builder
     */
    public Builder failureHandler(ListenerFailureHandler failureHandler) {
      this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
      return this;
    }

    /**
     * Chooses between reporting listener failures (the default) and propagating them from emit.
     *
     * @param failurePolicy what to do when a listener throws
     * @return this builder
     */
    public Builder failurePolicy(FailurePolicy failurePolicy) {
      this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
      return this;
    }

    /**
     * Tells {@code unhandledEvents} of each event emitted while no listener of its type was
     * subscribed: the dead events of other event buses. What it throws is logged.
     *
     * @param unhandledEvents receives the type and the event nobody listened to
     * @return this builder
     */
    public Builder unhandledEvents(BiConsumer<? super EventType, ? super Record> unhandledEvents) {
      this.unhandledEvents = Objects.requireNonNull(unhandledEvents, "unhandledEvents");
      return this;
    }

    /**
     * Builds the delivery.
     *
     * @return a new delivery with this builder's settings
     */
    public Delivery build() {
      return new Delivery(this);
    }
  }
}
