package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.ListenerFailure;
import java.util.ArrayDeque;

/**
 * What one thread is delivering for one hub. While a thread runs a hub's listeners, an event
 * emitted into that hub on that thread (from inside a listener) waits in this queue and is
 * delivered once the current event has reached every listener, as Guava's per-thread dispatcher of
 * one bus does. Every listener of the hub therefore sees the events of a thread in one order, and a
 * chain of emits from listeners runs in a loop, not down the stack.
 *
 * <p>The state belongs to its hub ({@link Delivery#deliveringThread()}): an emit into another hub,
 * one that is not delivering on this thread, is delivered at once, with that hub's failure policy
 * and handler.
 */
final class DeliveringThread {

  /** The thread this state belongs to; final, so a racy read of the state still sees it. */
  private final Thread owner = Thread.currentThread();

  /** Created with the first nested emit: most threads never queue one. */
  private ArrayDeque<Runnable> queued;

  /**
   * {@link #IDLE}, or delivering and either reporting a listener's failure or keeping it to be
   * thrown by the call that started the delivery, with {@link #PENDING} set once the delivery has
   * more to do than call its listeners: something was queued, or a failure is kept to be thrown. An
   * emit that nests nothing and fails nowhere therefore writes it once on each side and reads it
   * twice.
   */
  private int state = IDLE;

  private Throwable propagated;

  static final int IDLE = 0;
  static final int REPORTING = 1;
  static final int PROPAGATING = 2;
  private static final int PENDING = 4;

  DeliveringThread() {}

  /** Tells whether this is the state of the thread that calls. */
  boolean isCurrent() {
    return owner == Thread.currentThread();
  }

  /** Tells whether this thread is running the hub's listeners now, so new work must wait. */
  boolean isDelivering() {
    return state != IDLE;
  }

  /** Queues {@code delivery} behind the one this thread runs; only while it is delivering. */
  void queue(Runnable delivery) {
    if (queued == null) {
      queued = new ArrayDeque<>();
    }
    queued.add(delivery);
    state |= PENDING;
  }

  /**
   * Starts delivering on this thread; {@link #idleUnlessPending(int)} or {@link #end()} must
   * follow.
   *
   * @param mode {@link #REPORTING}, or {@link #PROPAGATING} when the first failure of a listener is
   *     to be thrown by {@code end}'s caller rather than reported
   */
  void begin(int mode) {
    state = mode;
  }

  /**
   * Ends the delivery begun with {@code mode} if it left nothing to do.
   *
   * @return {@code false} if something is pending: then {@link #runQueued()} and {@link #end()}
   *     must follow
   */
  boolean idleUnlessPending(int mode) {
    if (state == mode) {
      state = IDLE;
      return true;
    }
    return false;
  }

  /** Runs what was queued while this thread delivered, including what that queues in turn. */
  void runQueued() {
    ArrayDeque<Runnable> waiting = queued;
    if (waiting == null) {
      return;
    }
    for (Runnable next; (next = waiting.poll()) != null; ) {
      next.run();
    }
  }

  /**
   * Ends the delivery: this thread runs the hub's listeners at once again.
   *
   * @return the failure to propagate, or {@code null}
   */
  Throwable end() {
    state = IDLE;
    Throwable failure = propagated;
    propagated = null;
    if (queued != null && !queued.isEmpty()) {
      // Left only when a VirtualMachineError cut the delivery short.
      queued.clear();
    }
    return failure;
  }

  /**
   * Deals with what a listener run by this thread threw: kept to be thrown by the call that started
   * the delivery when that call propagates and nothing failed before, else reported.
   */
  void failed(Delivery delivery, ListenerFailure failure) {
    if ((state & ~PENDING) == PROPAGATING && propagated == null) {
      propagated = failure.failure();
      state |= PENDING;
    } else {
      delivery.report(failure);
    }
  }
}
