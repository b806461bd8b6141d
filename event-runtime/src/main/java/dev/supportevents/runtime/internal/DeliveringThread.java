package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.ListenerFailure;
import java.util.ArrayDeque;

/**
 * What one thread is delivering. While a thread runs listeners, an event emitted on it (from
 * inside a listener) waits in this queue and is delivered once the current event has reached
 * every listener, as Guava's per-thread dispatcher does. Every listener therefore sees the events
 * of a thread in one order, and a chain of emits from listeners runs in a loop, not down the
 * stack.
 */
final class DeliveringThread {

  private static final ThreadLocal<DeliveringThread> CURRENT =
      ThreadLocal.withInitial(DeliveringThread::new);

  /** The thread this state belongs to; final, so a racy read of the state still sees it. */
  private final Thread owner = Thread.currentThread();
  private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
  private boolean delivering;
  /** Whether a listener's failure is to be thrown by the call that started the delivery. */
  private boolean propagating;
  private Throwable propagated;

  private DeliveringThread() {}

  static DeliveringThread current() {
    return CURRENT.get();
  }

  /** Tells whether this is the state of the thread that calls. */
  boolean isCurrent() {
    return owner == Thread.currentThread();
  }

  /** Tells whether this thread is running listeners now, so new work must wait its turn. */
  boolean isDelivering() {
    return delivering;
  }

  /** Queues {@code delivery} behind the one this thread runs; only while it is delivering. */
  void queue(Runnable delivery) {
    queued.add(delivery);
  }

  /**
   * Starts delivering on this thread; {@link #end()} must follow in a {@code finally}.
   *
   * @param propagate whether the first failure of a listener is to be thrown by {@code end}'s
   *     caller rather than reported
   */
  void begin(boolean propagate) {
    delivering = true;
    propagating = propagate;
  }

  /** Runs what was queued while this thread delivered, including what that queues in turn. */
  void runQueued() {
    for (Runnable next; (next = queued.poll()) != null; ) {
      next.run();
    }
  }

  /**
   * Ends the delivery: this thread runs listeners at once again.
   *
   * @return the failure to propagate, or {@code null}
   */
  Throwable end() {
    Throwable failure = propagated;
    propagated = null;
    delivering = false;
    if (!queued.isEmpty()) {
      // Left only when a VirtualMachineError cut the delivery short.
      queued.clear();
    }
    return failure;
  }

  /**
   * Deals with what a listener run by this thread threw: kept to be thrown by the call that
   * started the delivery when that call propagates and nothing failed before, else reported.
   */
  void failed(Delivery delivery, ListenerFailure failure) {
    if (propagating && propagated == null) {
      propagated = failure.failure();
    } else {
      delivery.report(failure);
    }
  }
}
