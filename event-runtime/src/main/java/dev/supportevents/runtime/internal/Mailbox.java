package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue of one subscription that runs on an executor: events go in, in the order they are
 * delivered, and at most one task of the executor at a time takes them out and calls the listener.
 * The subscription therefore receives its events one at a time and in order, on a pool too, and has
 * no thread of its own.
 *
 * <p>The queue is an array ring of at most {@code capacity} events, grown by doubling as it fills,
 * so an idle subscription holds a small array and a stalled one at most its capacity. Each event
 * takes two slots, its listener's entry and the event, and costs no allocation once the ring has
 * grown. Producers append under the ring's lock, a compare-and-set of its own; the holder of the
 * {@link #scheduled} token (the task running on the executor, or the thread that took the token and
 * found the executor refusing) takes up to {@value #TAKE} events out at a time under the same lock
 * and delivers them outside it. An event that finds the ring full is handled by the {@link
 * OverflowPolicy}, outside the lock.
 */
final class Mailbox implements Runnable {

  /**
   * Events one task delivers before it hands its thread back to the executor and queues itself
   * again, so that a busy subscription does not keep a pool thread, or a UI thread, to itself.
   */
  private static final int BATCH = 256;

  /**
   * Events taken out of the ring under one lock: enough that the lock is rarely contended, few
   * enough that the events being delivered, which the capacity does not count, stay few.
   */
  static final int TAKE = 64;

  /** How long a task that found its queue empty checks again before it ends, in spin-waits. */
  private static final int SPINS = 128;

  /** The length of a ring's first array, in events. */
  private static final int FIRST_LENGTH = 16;

  /** Stands in a ring's entry slot for a fence; its event slot holds what to run once passed. */
  private static final Object FENCE = new Object();

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;

  private final Executor executor;
  private final Delivery delivery;
  private final int capacity;
  private final OverflowPolicy policy;
  private final AtomicInteger scheduled = new AtomicInteger(IDLE);

  /** Two slots per element, {@code head} the first; guarded by the lock. */
  private Object[] ring = new Object[0];

  private int head;

  /** Fences in the ring, which the capacity does not count; guarded by the lock. */
  private int fences;

  /**
   * Elements in the ring. Written under the lock; read without it by the holder of the token while
   * it spins for the next event, and to decide whether to queue itself again.
   */
  private final AtomicInteger size = new AtomicInteger();

  /** 1 while a thread holds the lock that guards the ring; see {@link #lock()}. */
  private final AtomicInteger locked = new AtomicInteger();

  /** What the holder of the token took out of the ring, two slots per element. */
  private final Object[] taken = new Object[2 * TAKE];

  /**
   * Events of {@link #taken} not yet handed to their listener, for {@link #queued()}: written by
   * the holder of the token alone, read racily, as a count that another thread may see late.
   */
  private int takenLeft;

  Mailbox(Executor executor, Delivery delivery, int capacity, OverflowPolicy policy) {
    this.executor = executor;
    this.delivery = delivery;
    this.capacity = capacity;
    this.policy = policy;
  }

  /** Queues one event for {@code entry}'s listener and makes sure a task will deliver it. */
  <E extends Record> void offer(Listeners.Entry<E> entry, E event) {
    Object droppedEntry = null;
    Object droppedEvent = null;
    lock();
    try {
      if (size.get() - fences < capacity) {
        push(entry, event);
      } else if (policy == OverflowPolicy.DROP_OLDEST) {
        int oldest = dropOldest();
        droppedEntry = ring[oldest];
        droppedEvent = ring[oldest + 1];
        ring[oldest] = entry;
        ring[oldest + 1] = event;
      } else {
        droppedEntry = entry;
        droppedEvent = event;
      }
    } finally {
      unlock();
    }
    if (droppedEntry != null) {
      Listeners.Entry<Record> dropped = cast(droppedEntry);
      dropped.registration().overflowed(dropped.type(), (Record) droppedEvent);
    }
    if (droppedEntry != entry) {
      schedule();
    }
  }

  /**
   * Queues one event without scheduling, for a caller that holds a lock: it calls {@link
   * #schedule()} once the lock is released, so no listener runs under it, even with an executor
   * that runs tasks on the calling thread. Only for the first event of a new subscription, which
   * always fits.
   */
  <E extends Record> void append(Listeners.Entry<E> entry, E event) {
    lock();
    try {
      push(entry, event);
    } finally {
      unlock();
    }
  }

  /**
   * Queues a fence that runs {@code passed} once every event queued before it was delivered or
   * reported: on the thread that delivers, or on this one if nothing is queued or being delivered.
   */
  void fence(Runnable passed) {
    lock();
    try {
      if (scheduled.get() != IDLE || size.get() != 0) {
        push(FENCE, passed);
        fences++;
        passed = null;
      }
    } finally {
      unlock();
    }
    if (passed != null) {
      // Outside the lock: what passes may take the hub's lock, which is taken before this one.
      passed.run();
      return;
    }
    schedule();
  }

  /**
   * Counts the events queued and not yet handed to their listener.
   *
   * @return events in the ring and taken out but not yet delivered
   */
  int queued() {
    int inRing;
    lock();
    try {
      inRing = size.get() - fences;
    } finally {
      unlock();
    }
    return inRing + takenLeft;
  }

  /** Appends one element, growing the ring if it is full; under the lock. */
  private void push(Object target, Object item) {
    int length = ring.length >> 1;
    int count = size.get();
    if (count == length) {
      grow(length);
      length = ring.length >> 1;
    }
    int at = ((head + count) & (length - 1)) << 1;
    ring[at] = target;
    ring[at + 1] = item;
    size.setRelease(count + 1);
  }

  private void grow(int length) {
    Object[] grown = new Object[(length == 0 ? FIRST_LENGTH : length << 1) << 1];
    for (int i = 0; i < length; i++) {
      int from = ((head + i) & (length - 1)) << 1;
      grown[i << 1] = ring[from];
      grown[(i << 1) + 1] = ring[from + 1];
    }
    ring = grown;
    head = 0;
  }

  /**
   * Finds the oldest event for {@link OverflowPolicy#DROP_OLDEST} and moves it to the ring's tail,
   * the fences before it one place towards the head, so the new event can take its slots and the
   * order of the rest stays; under the lock.
   *
   * @return the slot of the oldest event, now the last element
   */
  private int dropOldest() {
    int mask = (ring.length >> 1) - 1;
    int count = size.get();
    int first = 0;
    while (ring[((head + first) & mask) << 1] == FENCE) {
      first++;
    }
    // Shift every element after the oldest one back by one place, keeping their order.
    int at = ((head + first) & mask) << 1;
    Object oldEntry = ring[at];
    Object oldEvent = ring[at + 1];
    for (int i = first; i < count - 1; i++) {
      int to = ((head + i) & mask) << 1;
      int from = ((head + i + 1) & mask) << 1;
      ring[to] = ring[from];
      ring[to + 1] = ring[from + 1];
    }
    int last = ((head + count - 1) & mask) << 1;
    ring[last] = oldEntry;
    ring[last + 1] = oldEvent;
    return last;
  }

  /**
   * Takes up to {@code max} elements out of the ring into {@code into}, under the lock.
   *
   * @return how many were taken
   */
  private int take(Object[] into, int max) {
    lock();
    try {
      int count = size.get();
      int n = Math.min(count, max);
      if (n == 0) {
        return 0;
      }
      int mask = (ring.length >> 1) - 1;
      for (int i = 0; i < n; i++) {
        int at = ((head + i) & mask) << 1;
        Object target = ring[at];
        if (target == FENCE) {
          fences--;
        }
        into[i << 1] = target;
        into[(i << 1) + 1] = ring[at + 1];
        ring[at] = null;
        ring[at + 1] = null;
      }
      head = (head + n) & mask;
      size.setRelease(count - n);
      return n;
    } finally {
      unlock();
    }
  }

  /** Hands this mailbox to its executor, unless a task of it is queued or running already. */
  void schedule() {
    if (scheduled.get() == IDLE && scheduled.compareAndSet(IDLE, SCHEDULED)) {
      dispatch();
    } else if (executor instanceof ExecutorService service && service.isTerminated()) {
      // The task that holds the token was dropped with the executor's queue (shutdownNow): no
      // task will run again, so what waits is reported here, and by every later emit.
      reportOrphaned(
          new RejectedExecutionException(
              "The executor was terminated before it ran this subscription's delivery: "
                  + executor));
    }
  }

  /** Holder of the token: hands this mailbox to the executor, or reports what it could not. */
  private void dispatch() {
    while (true) {
      Throwable refusal;
      try {
        executor.execute(this);
        return;
      } catch (Throwable refused) {
        // Any refusal, an Error too, stays here: the emit that scheduled goes on to its next
        // listener, and only the events queued now are reported; a later emit tries again.
        refusal = refused;
      }
      if (!refuse(refusal)) {
        return;
      }
    }
  }

  /** Delivers queued events, at most one batch, then releases the token or queues itself again. */
  @Override
  public void run() {
    DeliveringThread thread = delivery.deliveringThread();
    boolean outermost = !thread.isDelivering();
    if (outermost) {
      thread.begin(DeliveringThread.REPORTING);
    }
    try {
      int delivered = 0;
      while (true) {
        int n = take(taken, TAKE);
        if (n == 0 && awaitNext()) {
          n = take(taken, TAKE);
        }
        if (n == 0) {
          if (release()) {
            continue;
          }
          return;
        }
        deliverTaken(n, thread, outermost);
        delivered += n;
        if (delivered >= BATCH && size.get() != 0) {
          requeue();
          if (outermost) {
            // What the failure handler emitted while a refusal of the requeue was reported.
            thread.runQueued();
          }
          return;
        }
      }
    } finally {
      if (outermost) {
        thread.end();
      }
    }
  }

  /**
   * Delivers the {@code n} elements taken out. A {@link VirtualMachineError} that a listener
   * throws, and that is not reported, leaves the rest queued again and the token released before it
   * goes on, so the subscription stays consistent and keeps its events.
   */
  private void deliverTaken(int n, DeliveringThread thread, boolean outermost) {
    Object[] elements = taken;
    int i = 0;
    try {
      for (; i < n; i++) {
        Object target = elements[i << 1];
        Object item = elements[(i << 1) + 1];
        elements[i << 1] = null;
        elements[(i << 1) + 1] = null;
        takenLeft = n - i - 1;
        if (target == FENCE) {
          ((Runnable) item).run();
        } else {
          delivery.callQueued(cast(target), (Record) item);
        }
        if (outermost) {
          thread.runQueued();
        }
      }
    } catch (RuntimeException | Error fatal) {
      putBack(elements, i + 1, n);
      if (release()) {
        dispatch();
      }
      throw fatal;
    }
  }

  /** Queues the taken elements {@code from} to {@code to} again, ahead of the ring's. */
  private void putBack(Object[] elements, int from, int to) {
    lock();
    try {
      for (int i = to - 1; i >= from; i--) {
        if (size.get() == ring.length >> 1) {
          grow(ring.length >> 1);
        }
        int mask = (ring.length >> 1) - 1;
        head = (head - 1) & mask;
        ring[head << 1] = elements[i << 1];
        ring[(head << 1) + 1] = elements[(i << 1) + 1];
        elements[i << 1] = null;
        elements[(i << 1) + 1] = null;
        if (ring[head << 1] == FENCE) {
          fences++;
        }
        size.setRelease(size.get() + 1);
      }
      takenLeft = 0;
    } finally {
      unlock();
    }
  }

  /**
   * Spins briefly for the next event before giving the thread back: an emitting thread a little
   * slower than its listener would otherwise hand the executor a new task for nearly every event.
   *
   * @return whether an event came in
   */
  private boolean awaitNext() {
    for (int spin = 0; spin < SPINS; spin++) {
      if (size.get() != 0) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  /** Hands the rest to a new task of the executor, keeping the token. */
  private void requeue() {
    try {
      executor.execute(this);
    } catch (Throwable refused) {
      if (refuse(refused)) {
        dispatch();
      }
    }
  }

  /**
   * Reports the events queued when the executor refused, each with the refusal, then releases the
   * token. Events queued after that are not this refusal's: the caller tries the executor again for
   * them.
   *
   * @return whether events were queued meanwhile and the token taken back, to try again
   */
  private boolean refuse(Throwable refusal) {
    int left = size.get();
    while (left > 0) {
      int n = take(taken, Math.min(left, TAKE));
      if (n == 0) {
        break;
      }
      reportTaken(taken, n, refusal);
      left -= n;
    }
    return release();
  }

  /** Reports everything queued, for an executor that will run no task again. */
  private void reportOrphaned(RejectedExecutionException refusal) {
    Object[] elements = new Object[2 * TAKE];
    for (int n; (n = take(elements, TAKE)) > 0; ) {
      reportTaken(elements, n, refusal);
    }
  }

  /**
   * Reports each taken event as not delivered, except those of a closed subscription, which are
   * dropped; runs each taken fence.
   */
  private void reportTaken(Object[] elements, int n, Throwable refusal) {
    for (int i = 0; i < n; i++) {
      Object target = elements[i << 1];
      Object item = elements[(i << 1) + 1];
      elements[i << 1] = null;
      elements[(i << 1) + 1] = null;
      if (target == FENCE) {
        ((Runnable) item).run();
        continue;
      }
      Listeners.Entry<Record> entry = cast(target);
      if (entry.registration().deliversQueued()) {
        delivery.report(
            new ListenerFailure(entry.type(), (Record) item, entry.registration(), refusal));
      }
    }
  }

  /**
   * Releases the token once the queue looked empty.
   *
   * @return whether an event came in meanwhile and this thread took the token back
   */
  private boolean release() {
    scheduled.set(IDLE);
    // A producer appends under the lock, then reads the token: whichever of the two takes the lock
    // second sees what the other did before, so it sees IDLE, or this sees its event.
    int queued;
    lock();
    try {
      queued = size.get();
    } finally {
      unlock();
    }
    return queued != 0 && scheduled.compareAndSet(IDLE, SCHEDULED);
  }

  /**
   * Takes this queue's lock: a compare-and-set, as it is held only for a few array writes and never
   * while a listener runs; a thread that finds it taken spins briefly, then yields, as the holder
   * may have lost its core.
   */
  private void lock() {
    if (!locked.compareAndSet(0, 1)) {
      for (int spins = 0; !locked.compareAndSet(0, 1); spins++) {
        if (spins < SPINS) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  private void unlock() {
    locked.setRelease(0);
  }

  @SuppressWarnings("unchecked") // every entry slot holds an entry of the event beside it
  private static <E extends Record> Listeners.Entry<E> cast(Object entry) {
    return (Listeners.Entry<E>) entry;
  }
}
