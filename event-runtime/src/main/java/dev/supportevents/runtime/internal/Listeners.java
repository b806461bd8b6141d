package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The listeners of one event type on one hub, in the order they subscribed.
 *
 * <p>The list is copy-on-write: delivery reads one snapshot without locking, and a change made
 * during a delivery (subscribe, close) applies to the events emitted after it. Generated code calls
 * it; applications use the hub.
 *
 * <p>A list that replays the latest event keeps the last event delivered through it and hands it to
 * each new listener as it subscribes, before any newer event.
 *
 * @param <E> the event's record type
 */
public final class Listeners<E extends Record> {

  private final EventType type;
  private final Delivery delivery;
  private final boolean replaysLatest;

  /**
   * Whether the hub has an unhandled-events hook, copied here so that an emit with no listener need
   * not read it from the delivery (docs/performance.md says what that saves).
   */
  private final boolean reportsUnhandled;

  /** The hub's {@link Delivery#failureMode()}, copied here for the same reason. */
  private final int failureMode;

  /** The hub's delivering state of the thread that emitted through this list last. */
  private DeliveringThread lastDelivering;

  private volatile Snapshot<E> snapshot = Snapshot.empty();
  private volatile E latest;

  Listeners(EventType type, Delivery delivery, boolean replaysLatest) {
    this.type = type;
    this.delivery = delivery;
    this.replaysLatest = replaysLatest;
    this.reportsUnhandled = delivery.reportsUnhandled();
    this.failureMode = delivery.failureMode();
  }

  /**
   * Subscribes one listener to this event type.
   *
   * @param listener receives each event emitted from now on
   * @return the subscription; close it to unsubscribe
   */
  public Subscription subscribe(Consumer<? super E> listener) {
    Objects.requireNonNull(listener, "listener");
    return delivery.subscribe(listener, registration -> registration.listen(this, listener));
  }

  /**
   * Subscribes one listener to this event type, to run on {@code executor}, one event at a time and
   * in the order delivered.
   *
   * @param listener receives each event emitted from now on
   * @param executor runs the listener
   * @return the subscription; close it to unsubscribe
   */
  public Subscription subscribe(Consumer<? super E> listener, Executor executor) {
    Objects.requireNonNull(listener, "listener");
    return delivery.subscribe(
        listener, executor, registration -> registration.listen(this, listener));
  }

  /**
   * Subscribes one listener to this event type with {@code options}: its executor, queue capacity
   * and overflow policy, each the hub's where not set.
   *
   * @param listener receives each event emitted from now on
   * @param options how the listener receives its events
   * @return the subscription; close it to unsubscribe
   */
  public Subscription subscribe(Consumer<? super E> listener, SubscriptionOptions options) {
    Objects.requireNonNull(listener, "listener");
    return delivery.subscribe(
        listener, options, registration -> registration.listen(this, listener));
  }

  /**
   * Delivers {@code event} to every listener subscribed now.
   *
   * @param event the event, already checked to be of this list's type
   * @throws IllegalStateException if the hub is closed
   */
  public void deliver(E event) {
    Snapshot<E> current;
    if (replaysLatest) {
      // Under this list's lock, a subscriber either is in this snapshot or replays this event,
      // not both. The lock is this list's alone: it keeps other types and subscribers waiting.
      synchronized (this) {
        current = snapshot;
        if (!current.isClosed()) {
          latest = event;
        }
      }
    } else {
      current = snapshot;
    }
    if (current.isEmpty()) {
      if (reportsUnhandled) {
        delivery.unhandled(type, event);
      }
    } else if (current.isClosed()) {
      throw delivery.closedError();
    } else {
      delivery.deliver(this, current, event);
    }
  }

  /**
   * Tells whether any listener is subscribed.
   *
   * @return {@code true} if an event emitted now would reach a listener
   */
  public boolean hasListeners() {
    Snapshot<E> current = snapshot;
    return !current.isEmpty() && !current.isClosed();
  }

  /**
   * Counts the listeners subscribed.
   *
   * @return how many listeners an event emitted now would reach; 0 once the hub is closed
   */
  public int listenerCount() {
    return snapshot.entries.length;
  }

  /**
   * The latest event delivered through this list, for a list that replays it.
   *
   * @return the latest event, or empty if none was emitted yet or it was forgotten
   * @throws IllegalStateException if this list does not keep its latest event
   */
  public Optional<E> latest() {
    requireReplaying();
    return Optional.ofNullable(latest);
  }

  /**
   * Forgets the kept event: a listener that subscribes from now on is replayed nothing until the
   * next event of this type.
   *
   * @throws IllegalStateException if this list does not keep its latest event
   */
  public void forgetLatest() {
    requireReplaying();
    synchronized (this) {
      latest = null;
    }
  }

  private void requireReplaying() {
    if (!replaysLatest) {
      throw new IllegalStateException(
          "Events of " + type.wireName() + " are not kept: declare them with replayLatest = true");
    }
  }

  /**
   * Tells whether the listeners changed since {@code delivered} was read: then a listener of it may
   * have been closed since, and each must be checked before it is called.
   */
  boolean changedSince(Snapshot<E> delivered) {
    return snapshot != delivered;
  }

  /**
   * Adds a listener; called under the hub's lock. The replay of the kept event, if any, is queued
   * for it here, under this list's lock, so it comes before every event delivered after.
   *
   * @return what delivers the replay, to run once the locks are released, or {@code null} if there
   *     is nothing to replay
   */
  Runnable add(Registration registration, Consumer<? super E> listener) {
    Entry<E> entry = new Entry<>(type, registration, listener);
    synchronized (this) {
      E replayed = latest;
      Mailbox mailbox = registration.mailbox();
      Runnable replay = null;
      if (replayed != null && mailbox != null) {
        mailbox.append(entry, replayed);
        replay = mailbox::schedule;
      } else if (replayed != null) {
        ReplayGate<E> gate = new ReplayGate<>(entry);
        entry.gate = gate;
        registration.holdsBack(gate);
        replay = () -> delivery.replay(this, entry, gate, replayed);
      }
      Entry<E>[] current = snapshot.entries;
      Entry<E>[] grown = Arrays.copyOf(current, current.length + 1);
      grown[current.length] = entry;
      snapshot = new Snapshot<>(grown);
      return replay;
    }
  }

  /**
   * Opens the gate of {@code entry} once its replay was delivered, and takes a new snapshot, which
   * calls the listener directly again.
   */
  void replayed(Entry<E> entry) {
    synchronized (this) {
      entry.gate = null;
      Snapshot<E> current = snapshot;
      if (!current.isClosed() && !current.isEmpty()) {
        snapshot = new Snapshot<>(current.entries);
      }
    }
  }

  void remove(Registration registration) {
    synchronized (this) {
      Snapshot<E> current = snapshot;
      if (current.isClosed()) {
        return;
      }
      Entry<E>[] entries = current.entries;
      Entry<E>[] remaining = Snapshot.newEntries(entries.length);
      int kept = 0;
      for (Entry<E> entry : entries) {
        if (entry.registration() != registration) {
          remaining[kept++] = entry;
        }
      }
      if (kept == entries.length) {
        return;
      }
      snapshot = kept == 0 ? Snapshot.empty() : new Snapshot<>(Arrays.copyOf(remaining, kept));
    }
  }

  /** Closes the list with its hub: every later delivery fails; called under the hub's lock. */
  void close() {
    synchronized (this) {
      snapshot = Snapshot.closed();
    }
  }

  Delivery delivery() {
    return delivery;
  }

  int failureMode() {
    return failureMode;
  }

  /**
   * The hub's delivering state of the calling thread. The list remembers the last thread's, so that
   * while one thread emits it skips the {@code ThreadLocal} lookup and the read of the hub.
   */
  DeliveringThread deliveringThread() {
    // A racy read is safe: a state is used only by its own thread, which isCurrent tells from a
    // final field. The field keeps at most one finished thread's state reachable.
    DeliveringThread last = lastDelivering;
    if (last != null && last.isCurrent()) {
      return last;
    }
    DeliveringThread current = delivery.deliveringThread();
    lastDelivering = current;
    return current;
  }

  /** One listener of one event type and its subscription. */
  static final class Entry<E extends Record> {
    private final EventType type;
    private final Registration registration;
    private final Consumer<? super E> listener;

    /** Holds live events back while the replay to this synchronous listener is pending. */
    volatile ReplayGate<E> gate;

    Entry(EventType type, Registration registration, Consumer<? super E> listener) {
      this.type = type;
      this.registration = registration;
      this.listener = listener;
    }

    EventType type() {
      return type;
    }

    Registration registration() {
      return registration;
    }

    Consumer<? super E> listener() {
      return listener;
    }

    /** The queue of a subscription that runs on an executor, or {@code null} to call directly. */
    Mailbox mailbox() {
      return registration.mailbox();
    }
  }

  /**
   * The listeners at one moment, never changed: a change to the list makes a new snapshot, so a
   * delivery that finds the list still holds its snapshot knows none of its listeners was closed.
   * The listeners are also kept alone in a plain array, for the loop that calls them.
   */
  static final class Snapshot<E extends Record> {

    private static final Snapshot<?> EMPTY = new Snapshot<>(newEntries(0));

    /** The snapshot of a closed hub's list: it takes no listener and delivers nothing. */
    private static final Snapshot<?> CLOSED = new Snapshot<>(newEntries(0));

    final Entry<E>[] entries;
    final Consumer<? super E>[] listeners;

    /**
     * Every listener is called on the delivering thread, none through a mailbox or a replay gate:
     * the loop calls them from the plain array.
     */
    final boolean direct;

    /** The one listener, when there is one called on the delivering thread; else {@code null}. */
    final Consumer<? super E> single;

    @SuppressWarnings("unchecked") // an array of the entries' listeners, of that very type
    private Snapshot(Entry<E>[] entries) {
      this.entries = entries;
      this.listeners = (Consumer<? super E>[]) new Consumer<?>[entries.length];
      boolean direct = true;
      for (int i = 0; i < entries.length; i++) {
        listeners[i] = entries[i].listener();
        direct &= entries[i].mailbox() == null && entries[i].gate == null;
      }
      this.direct = direct;
      this.single = direct && entries.length == 1 ? listeners[0] : null;
    }

    @SuppressWarnings("unchecked") // an array of no entry yet, of any type
    static <E extends Record> Entry<E>[] newEntries(int length) {
      return (Entry<E>[]) new Entry<?>[length];
    }

    @SuppressWarnings("unchecked") // the shared empty snapshot holds no element of any type
    static <E extends Record> Snapshot<E> empty() {
      return (Snapshot<E>) EMPTY;
    }

    @SuppressWarnings("unchecked") // the closed snapshot holds no element of any type
    static <E extends Record> Snapshot<E> closed() {
      return (Snapshot<E>) CLOSED;
    }

    boolean isEmpty() {
      return this == EMPTY;
    }

    boolean isClosed() {
      return this == CLOSED;
    }
  }
}
