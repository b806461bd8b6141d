package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.ListenerFailureHandler;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How one hub delivers its events: on which executor, and what happens when a listener throws or
 * nobody listens. A generated {@code SupportEvents} hub owns one {@code Delivery} and one {@link
 * Listeners} per event type.
 *
 * <p>Every change to the hub's listener lists takes this object's lock, so a subscription that
 * spans several event types (callbacks, subscribe-all) joins all of them in one step, and listeners
 * run in the order they subscribed. Delivery itself takes no lock, except a short one of the event
 * type's own for a type that keeps its latest event.
 *
 * <p>The one delivery path: an emit reads the snapshot of its type's listeners; on a thread that is
 * already delivering this hub's events, it waits in that thread's queue of this hub ({@link
 * DeliveringThread}). Otherwise each listener in turn is called at once, or, for a subscription on
 * an executor, handed its event through the subscription's {@link Mailbox}. The queue and the
 * failure policy are this hub's: a listener of another hub that emits here gets this hub's
 * delivery, at once, as a call from any other code would.
 */
public final class Delivery {

  /**
   * The queue capacity of a subscription unless its hub or its options set one: a burst of that
   * many events waits for a slow listener, and a stalled one holds at most that many.
   */
  public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

  /** The overflow policy of a subscription unless its hub or its options set one. */
  public static final OverflowPolicy DEFAULT_OVERFLOW_POLICY = OverflowPolicy.DROP_NEWEST;

  private final Object lock = new Object();
  private final String name;
  private final Executor executor;
  private final ListenerFailureHandler failureHandler;

  /** Logs what the failure handler and the unhandled-events hook throw, counting repeats. */
  private final RateLimitedFailureLog failureLog = new RateLimitedFailureLog();

  /** How this hub's emits start delivering: {@link DeliveringThread#PROPAGATING} or not. */
  private final int failureMode;

  private final BiConsumer<? super EventType, ? super Record> unhandledEvents;
  private final int queueCapacity;
  private final OverflowPolicy overflowPolicy;

  /** Every list of this hub, to close with it; guarded by {@link #lock}. */
  private final List<Listeners<?>> lists = new ArrayList<>();

  /** The subscriptions that are active, to close with the hub; guarded by {@link #lock}. */
  private final Set<Registration> active = new LinkedHashSet<>();

  /**
   * The mailboxes whose queued events are still to be delivered, for {@link #awaitDelivered}: those
   * of active subscriptions and of those the hub's close ended; guarded by {@link #lock}.
   */
  private final Set<Mailbox> mailboxes = new LinkedHashSet<>();

  private boolean closed;

  /** This hub's delivering state of each thread that delivers its events. */
  private final ThreadLocal<DeliveringThread> threads =
      ThreadLocal.withInitial(DeliveringThread::new);

  private Delivery(Builder builder) {
    this.name = builder.name;
    this.executor = builder.executor;
    this.failureHandler = builder.failureHandler;
    this.failureMode =
        builder.failurePolicy == FailurePolicy.PROPAGATE
            ? DeliveringThread.PROPAGATING
            : DeliveringThread.REPORTING;
    this.unhandledEvents = builder.unhandledEvents;
    this.queueCapacity = builder.queueCapacity;
    this.overflowPolicy = builder.overflowPolicy;
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
    return track(new Listeners<>(Objects.requireNonNull(type, "type"), this, false));
  }

  /**
   * Creates the listener list of one event type that keeps the latest event delivered through it
   * and replays it to each listener that subscribes later.
   *
   * @param type the event type the list is for
   * @param <E> the event's record type
   * @return an empty list of listeners
   */
  public <E extends Record> Listeners<E> listenersReplayingLatest(EventType type) {
    return track(new Listeners<>(Objects.requireNonNull(type, "type"), this, true));
  }

  private <E extends Record> Listeners<E> track(Listeners<E> listeners) {
    synchronized (lock) {
      lists.add(listeners);
    }
    return listeners;
  }

  /**
   * Creates one subscription and lets {@code attach} add its listeners, to as many event types as
   * it likes, atomically: no other subscription can slip between them. The subscription is
   * described by the first listener added.
   *
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   * @throws IllegalStateException if the hub is closed
   */
  public Subscription subscribe(Consumer<Registration> attach) {
    return register(null, SubscriptionOptions.defaults(), attach);
  }

  /**
   * Like {@link #subscribe(Consumer)}, for a subscription whose listeners run on {@code executor},
   * one event at a time, in the order the events are delivered.
   *
   * @param executor runs this subscription's listeners, a UI thread for example
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   * @throws IllegalStateException if the hub is closed
   */
  public Subscription subscribe(Executor executor, Consumer<Registration> attach) {
    return register(null, SubscriptionOptions.defaults().executor(executor), attach);
  }

  /**
   * Like {@link #subscribe(Consumer)}, for a subscription with {@code options}: its executor, queue
   * capacity and overflow policy, each this hub's where not set.
   *
   * @param options how the subscription receives its events
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   * @throws IllegalStateException if the hub is closed
   */
  public Subscription subscribe(SubscriptionOptions options, Consumer<Registration> attach) {
    return register(null, Objects.requireNonNull(options, "options"), attach);
  }

  /**
   * Like {@link #subscribe(Consumer)}, for a subscription described by {@code listener}: what the
   * application passed, which the listeners added may wrap.
   *
   * @param listener describes the subscription: its label or class
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   * @throws IllegalStateException if the hub is closed
   */
  public Subscription subscribe(Object listener, Consumer<Registration> attach) {
    return register(
        Objects.requireNonNull(listener, "listener"), SubscriptionOptions.defaults(), attach);
  }

  /**
   * Like {@link #subscribe(Executor, Consumer)}, for a subscription described by {@code listener}.
   *
   * @param listener describes the subscription: its label or class
   * @param executor runs this subscription's listeners
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   * @throws IllegalStateException if the hub is closed
   */
  public Subscription subscribe(Object listener, Executor executor, Consumer<Registration> attach) {
    return register(
        Objects.requireNonNull(listener, "listener"),
        SubscriptionOptions.defaults().executor(executor),
        attach);
  }

  /**
   * Like {@link #subscribe(SubscriptionOptions, Consumer)}, for a subscription described by {@code
   * listener}.
   *
   * @param listener describes the subscription: its label or class
   * @param options how the subscription receives its events
   * @param attach adds listeners with {@link Registration#listen}
   * @return the subscription, active
   * @throws IllegalStateException if the hub is closed
   */
  public Subscription subscribe(
      Object listener, SubscriptionOptions options, Consumer<Registration> attach) {
    return register(
        Objects.requireNonNull(listener, "listener"),
        Objects.requireNonNull(options, "options"),
        attach);
  }

  private Subscription register(
      Object listener, SubscriptionOptions options, Consumer<Registration> attach) {
    Objects.requireNonNull(attach, "attach");
    Executor runsOn = options.executor().orElse(executor);
    int capacity = options.queueCapacity().orElse(queueCapacity);
    OverflowPolicy policy = options.overflowPolicy().orElse(overflowPolicy);
    Mailbox mailbox = runsOn == null ? null : new Mailbox(runsOn, this, capacity, policy);
    Registration registration = new Registration(this, mailbox, listener, capacity, policy);
    // Whatever is thrown before the subscription is returned, a StackOverflowError in the hub's
    // own code too, closes it first: no listener stays subscribed that the caller cannot close.
    try {
      synchronized (lock) {
        if (closed) {
          throw closedError();
        }
        attach.accept(registration);
        registration.attached();
        active.add(registration);
        if (mailbox != null) {
          mailboxes.add(mailbox);
        }
      }
      // Listener code never runs under the lock.
      registration.replay();
    } catch (Throwable failure) {
      registration.close();
      throw failure;
    }
    return registration;
  }

  /**
   * Closes the hub: every subscription ends as by its own {@link Subscription#close()}, except that
   * events already queued on executors are still delivered, or reported if an executor refuses
   * them. From then on, emitting and subscribing fail. Returns at once; see {@link
   * #awaitDelivered(Duration)} to wait for the queued events. Idempotent.
   */
  public void close() {
    List<Registration> ending;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lists.forEach(Listeners::close);
      ending = new ArrayList<>(active);
    }
    for (Registration registration : ending) {
      registration.end(false);
    }
  }

  /**
   * Counts the subscriptions that are active.
   *
   * @return how many subscriptions have not ended; 0 once the hub is closed
   */
  public int subscriptionCount() {
    synchronized (lock) {
      return active.size();
    }
  }

  /**
   * Tells whether {@link #close()} was called.
   *
   * @return {@code true} once the hub is closed
   */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /**
   * Waits until every event queued on an executor before this call was delivered or reported, for
   * tests and shutdown hooks. Events delivered synchronously are delivered before their emit
   * returns; this waits for nothing else. Called from a listener on an executor, it waits for its
   * own subscription's queue and so returns {@code false}, after the timeout.
   *
   * @param timeout the longest wait
   * @return {@code true} if everything queued was delivered, {@code false} on timeout
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitDelivered(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    List<Mailbox> pending;
    synchronized (lock) {
      pending = new ArrayList<>(mailboxes);
    }
    CountDownLatch passed = new CountDownLatch(pending.size());
    pending.forEach(mailbox -> mailbox.fence(passed::countDown));
    return passed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  Object lock() {
    return lock;
  }

  /**
   * Forgets a subscription that ended; under the lock. Its mailbox, if it dropped its queued
   * events, at once; else {@link Registration#end} queues {@link #drained} behind them.
   */
  void ended(Registration registration, boolean droppedQueued) {
    active.remove(registration);
    if (droppedQueued && registration.mailbox() != null) {
      mailboxes.remove(registration.mailbox());
    }
  }

  /**
   * Forgets the mailbox of an ended subscription once the events it still had were delivered or
   * reported, so that a hub that outlives many such subscriptions does not keep their rings.
   */
  void drained(Mailbox mailbox) {
    synchronized (lock) {
      mailboxes.remove(mailbox);
    }
  }

  /** Counts the mailboxes {@link #awaitDelivered} waits for. */
  int mailboxCount() {
    synchronized (lock) {
      return mailboxes.size();
    }
  }

  IllegalStateException closedError() {
    return new IllegalStateException(
        name
            + " is closed: it delivers no more events and takes no subscription; create a new"
            + " hub");
  }

  /**
   * Delivers {@code event} to the listeners of {@code snapshot}, or, on a thread that is delivering
   * this hub's events already, queues it behind the current event.
   */
  <E extends Record> void deliver(Listeners<E> listeners, Listeners.Snapshot<E> snapshot, E event) {
    DeliveringThread thread = listeners.deliveringThread();
    if (thread.isDelivering()) {
      thread.queue(() -> deliverQueued(thread, listeners, snapshot, event));
      return;
    }
    thread.begin(listeners.failureMode());
    try {
      deliverNow(thread, listeners, snapshot, event);
    } catch (Throwable fatal) {
      // Only a VirtualMachineError gets here; the thread delivers at once again, for what is left.
      thread.end();
      throw fatal;
    }
    if (!thread.idleUnlessPending(listeners.failureMode())) {
      finishDelivery(thread);
    }
  }

  /** Runs what the listeners queued, then throws the failure kept for the emit, if any. */
  private static void finishDelivery(DeliveringThread thread) {
    Throwable failure;
    try {
      thread.runQueued();
    } finally {
      failure = thread.end();
    }
    if (failure != null) {
      throw unchecked(failure);
    }
  }

  /**
   * This hub's delivering state of the calling thread. An emit finds it through {@link
   * Listeners#deliveringThread()}, which remembers the last one.
   */
  DeliveringThread deliveringThread() {
    return threads.get();
  }

  /**
   * {@link DeliveringThread#PROPAGATING} if this hub's policy propagates, else {@code REPORTING}.
   */
  int failureMode() {
    return failureMode;
  }

  /**
   * Replays a kept event to a new synchronous listener, then the events its gate held back
   * meanwhile; on a thread delivering this hub's events, once the current event has reached every
   * listener. A failure, a {@code StackOverflowError} included, is reported, never propagated: it
   * must not cost the subscriber its subscription. Only another {@code VirtualMachineError} ends
   * the replay early: the subscription is closed first, so that no listener stays subscribed behind
   * a gate that would hold its events forever, and the error goes on to the caller.
   */
  <E extends Record> void replay(
      Listeners<E> listeners, Listeners.Entry<E> entry, ReplayGate<E> gate, E replayed) {
    Runnable replay =
        () -> {
          try {
            callQueued(entry, replayed);
            for (E held; (held = gate.next()) != null; ) {
              callQueued(entry, held);
            }
            listeners.replayed(entry);
          } catch (VirtualMachineError fatal) {
            entry.registration().close();
            throw fatal;
          }
        };
    DeliveringThread thread = deliveringThread();
    if (thread.isDelivering()) {
      thread.queue(replay);
      return;
    }
    thread.begin(DeliveringThread.REPORTING);
    try {
      replay.run();
      thread.runQueued();
    } finally {
      thread.end();
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
    } catch (Throwable failure) {
      rethrowFatal(failure);
      failureLog.unhandledHookFailed(type, failure);
    }
  }

  /**
   * Calls the listeners of {@code snapshot} in order. A lone listener is called without a check: an
   * emit that delivers at once read the snapshot itself, with no listener run since that could have
   * closed it, and {@link #deliverQueued} checks it for an event that waited. Of several, while the
   * list still holds that snapshot, none was closed, and the loop calls them straight from the
   * plain array; once the list has changed (a listener closed a subscription, say), each is checked
   * before it is called.
   */
  private <E extends Record> void deliverNow(
      DeliveringThread thread, Listeners<E> listeners, Listeners.Snapshot<E> snapshot, E event) {
    Consumer<? super E> single = snapshot.single;
    if (single != null) {
      try {
        single.accept(event);
      } catch (Throwable failure) {
        rethrowFatal(failure);
        thread.failed(this, failure(snapshot.entries[0], event, failure));
      }
      return;
    }
    deliverEach(thread, listeners, snapshot, event);
  }

  /**
   * Delivers an event that waited for the one before it, to the listeners of its snapshot that are
   * still subscribed.
   */
  private <E extends Record> void deliverQueued(
      DeliveringThread thread, Listeners<E> listeners, Listeners.Snapshot<E> snapshot, E event) {
    if (snapshot.single != null
        && listeners.changedSince(snapshot)
        && !snapshot.entries[0].registration().isActive()) {
      return;
    }
    deliverNow(thread, listeners, snapshot, event);
  }

  private <E extends Record> void deliverEach(
      DeliveringThread thread, Listeners<E> listeners, Listeners.Snapshot<E> snapshot, E event) {
    Consumer<? super E>[] calls = snapshot.listeners;
    boolean direct = snapshot.direct;
    for (int i = 0; i < calls.length; i++) {
      if (listeners.changedSince(snapshot) && !snapshot.entries[i].registration().isActive()) {
        continue;
      }
      if (!direct && handedOver(snapshot.entries[i], event)) {
        continue;
      }
      try {
        calls[i].accept(event);
      } catch (Throwable failure) {
        rethrowFatal(failure);
        thread.failed(this, failure(snapshot.entries[i], event, failure));
      }
    }
  }

  /**
   * Hands {@code event} to the mailbox of a subscription on an executor, or to the gate of a
   * listener whose replay is pending.
   *
   * @return {@code false} if the listener is to be called now
   */
  private static <E extends Record> boolean handedOver(Listeners.Entry<E> entry, E event) {
    Mailbox mailbox = entry.mailbox();
    if (mailbox != null) {
      mailbox.offer(entry, event);
      return true;
    }
    ReplayGate<E> gate = entry.gate;
    return gate != null && gate.hold(event);
  }

  /**
   * Calls one listener with an event queued for it (on an executor, or replayed) unless its
   * subscription was closed since, and reports what it throws.
   */
  <E extends Record> void callQueued(Listeners.Entry<E> entry, E event) {
    if (!entry.registration().deliversQueued()) {
      return;
    }
    try {
      entry.listener().accept(event);
    } catch (Throwable failure) {
      rethrowFatal(failure);
      report(failure(entry, event, failure));
    }
  }

  private static <E extends Record> ListenerFailure failure(
      Listeners.Entry<E> entry, E event, Throwable failure) {
    return new ListenerFailure(entry.type(), event, entry.registration(), failure);
  }

  void report(ListenerFailure failure) {
    try {
      failureHandler.handle(failure);
    } catch (Throwable handlerFailure) {
      rethrowFatal(handlerFailure);
      failureLog.handlerFailed(failure, handlerFailure);
    }
  }

  /**
   * Rethrows a {@code VirtualMachineError} other than {@code StackOverflowError}: the JVM may be
   * unable to go on. A {@code StackOverflowError} is the failure of the code that overflowed, and
   * by the time it is caught here its frames are gone, so it is handled like any exception.
   */
  static void rethrowFatal(Throwable thrown) {
    if (thrown instanceof VirtualMachineError fatal && !(thrown instanceof StackOverflowError)) {
      throw fatal;
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

    private String name = "The hub";
    private Executor executor;
    private ListenerFailureHandler failureHandler = ListenerFailureHandler.logging();
    private FailurePolicy failurePolicy = FailurePolicy.REPORT;
    private BiConsumer<? super EventType, ? super Record> unhandledEvents;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private OverflowPolicy overflowPolicy = DEFAULT_OVERFLOW_POLICY;

    private Builder() {}

    /**
     * Names the hub in the messages of its errors, such as {@code "SupportEvents of com.acme"}.
     *
     * @param name the hub's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Runs every subscription that has no executor of its own on {@code executor}: each receives
     * its events one at a time and in the order delivered, through a queue of its own that a task
     * of the executor drains. Without it, listeners run on the emitting thread before emit returns.
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
     * Bounds the queue of each subscription, {@value Delivery#DEFAULT_QUEUE_CAPACITY} events unless
     * set here or in its {@link SubscriptionOptions}: the events waiting for its executor, or held
     * back while the replay of a kept event to it runs.
     *
     * @param queueCapacity from 1 to {@value SubscriptionOptions#MAX_QUEUE_CAPACITY}
     * @return this builder
     * @throws IllegalArgumentException if {@code queueCapacity} is out of that range
     */
    public Builder queueCapacity(int queueCapacity) {
      // The options' check, so that a capacity is refused alike wherever it is set.
      this.queueCapacity =
          SubscriptionOptions.defaults().queueCapacity(queueCapacity).queueCapacity().getAsInt();
      return this;
    }

    /**
     * Chooses what happens to an event that finds a subscription's queue full, {@link
     * OverflowPolicy#DROP_NEWEST} unless set here or in its {@link SubscriptionOptions}.
     *
     * @param overflowPolicy the policy of every subscription that sets none
     * @return this builder
     */
    public Builder onOverflow(OverflowPolicy overflowPolicy) {
      this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
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
