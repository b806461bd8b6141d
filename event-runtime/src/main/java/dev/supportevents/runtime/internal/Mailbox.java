package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The queue of one subscription that runs on an executor: events go in, in the order they are
 * delivered, and at most one task of the executor at a time takes them out and calls the listener.
 * The subscription therefore receives its events one at a time and in order, on a pool too, and has
 * no thread of its own.
 *
 * <p>The queue is an array ring of at most {@code capacity} events, grown by doubling as it fills,
 * so an idle subscription holds a small array and a stalled one at most its capacity. Each event
 * takes two slots, its listener's entry and the event, and costs no allocation once the ring has
 * grown. The ring has two locks, each a compare-and-set of its own, as {@code LinkedBlockingQueue}
 * has: producers append at the tail under the put lock, and the holder of the token ({@link
 * #TOKEN}) (the task running on the executor, or the thread that took the token and found the
 * executor refusing) takes up to {@value #TAKE} events at a time from the head under the take lock
 * and delivers them outside it. So an emitting thread and the task never wait for each other; only
 * what moves elements already queued (growing the ring, dropping the oldest event, putting events
 * back) takes both, the put lock first. An event that finds the ring full is handled by the {@link
 * OverflowPolicy}, outside the locks. The fields that change are laid out in {@link MailboxLayout}.
 */
final class Mailbox extends MailboxLayout.AfterTakeSide implements Runnable {

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

  /** How long a thread that finds a lock of the ring taken spins before it yields. */
  private static final int SPINS = 128;

  /**
   * How many times a task that found its queue empty yields its thread and checks again before it
   * ends. Yielding, not spinning: on a machine with fewer cores than busy threads, a spinning task
   * would take the core from the very thread that emits its next event.
   */
  private static final int IDLE_YIELDS = 4;

  /** The length of a ring's first array, in events. */
  private static final int FIRST_LENGTH = 16;

  /** Stands in a ring's entry slot for a fence; its event slot holds what to run once passed. */
  private static final Object FENCE = new Object();

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;

  /**
   * Where the token and the two locks sit in {@link #flags}: 32 ints, 128 bytes, apart and from
   * either end, so that each has cache lines of its own.
   */
  private static final int TOKEN = 32;

  private static final int PUT_LOCK = 64;
  private static final int TAKE_LOCK = 96;

  private final Executor executor;
  private final Delivery delivery;
  private final int capacity;
  private final OverflowPolicy policy;

  /**
   * The token, {@link #IDLE} or {@link #SCHEDULED} while one task of the executor holds the
   * mailbox, and the put and take locks, each 1 while held.
   */
  private final AtomicIntegerArray flags = new AtomicIntegerArray(TAKE_LOCK + 32);

  /** What the holder of the token took out of the ring, two slots per element. */
  private final Object[] taken = new Object[2 * TAKE];

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
    lock(PUT_LOCK);
    try {
      if (hasRoom()) {
        pushEvent(entry, event);
      } else if (policy == OverflowPolicy.DROP_OLDEST) {
        Object[] dropped = replaceOldest(entry, event);
        if (dropped != null) {
          droppedEntry = dropped[0];
          droppedEvent = dropped[1];
        }
      } else {
        droppedEntry = entry;
        droppedEvent = event;
      }
    } finally {
      unlock(PUT_LOCK);
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
    lock(PUT_LOCK);
    try {
      pushEvent(entry, event);
    } finally {
      unlock(PUT_LOCK);
    }
  }

  /**
   * Queues a fence that runs {@code passed} once every event queued before it was delivered or
   * reported: on the thread that delivers, or on this one if nothing is queued or being delivered.
   */
  void fence(Runnable passed) {
    lock(PUT_LOCK);
    try {
      if (flags.get(TOKEN) != IDLE || tail != head) {
        push(FENCE, passed);
        passed = null;
      }
    } finally {
      unlock(PUT_LOCK);
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
    lock(PUT_LOCK);
    try {
      inRing = eventsIn - eventsOut;
    } finally {
      unlock(PUT_LOCK);
    }
    return inRing + takenLeft;
  }

  /**
   * Tells whether the ring has room for one more event; under the put lock. It reads the count of
   * events taken out, which the task writes, only when the count it read last says there is none.
   */
  private boolean hasRoom() {
    if (eventsIn - eventsOutSeen < capacity) {
      return true;
    }
    eventsOutSeen = eventsOut;
    return eventsIn - eventsOutSeen < capacity;
  }

  /** Appends one event; under the put lock, with room for it. */
  private void pushEvent(Object target, Object item) {
    push(target, item);
    eventsIn++;
  }

  /**
   * Appends one element, growing the ring first if every slot is taken; under the put lock. The
   * write of {@link #tail} comes before the caller reads the token, as {@link #release()} needs.
   */
  private void push(Object target, Object item) {
    int at = tail;
    int length = ring.length >> 1;
    if (at - headSeen == length && at - (headSeen = head) == length) {
      lock(TAKE_LOCK);
      try {
        grow();
      } finally {
        unlock(TAKE_LOCK);
      }
    }
    Object[] slots = ring;
    int slot = slot(slots, at);
    slots[slot] = target;
    slots[slot + 1] = item;
    tail = at + 1;
  }

  /** Doubles the ring, keeping each element's number; under both locks. */
  private void grow() {
    Object[] slots = ring;
    int length = slots.length >> 1;
    Object[] grown = new Object[(length == 0 ? FIRST_LENGTH : length << 1) << 1];
    for (int n = head; n != tail; n++) {
      int from = slot(slots, n);
      int to = slot(grown, n);
      grown[to] = slots[from];
      grown[to + 1] = slots[from + 1];
    }
    ring = grown;
  }

  /**
   * Where element {@code n} sits in {@code slots}, a ring of two slots per element whose length is
   * a power of two: the index of its entry slot, the event's being the next.
   */
  private static int slot(Object[] slots, int n) {
    return (n & ((slots.length >> 1) - 1)) << 1;
  }

  /**
   * Applies {@link OverflowPolicy#DROP_OLDEST} to a full ring: the oldest event leaves it and the
   * new one is appended, unless the task took events meanwhile and there is room; under the put
   * lock.
   *
   * @return the entry and event dropped, or {@code null} if none was
   */
  private Object[] replaceOldest(Object entry, Object event) {
    lock(TAKE_LOCK);
    try {
      if (eventsIn - eventsOut >= capacity) {
        Object[] oldest = removeOldest();
        eventsOut = eventsOut + 1;
        // The head moved on: the slot at the tail is free, and the ring need not grow.
        Object[] slots = ring;
        int at = slot(slots, tail);
        slots[at] = entry;
        slots[at + 1] = event;
        tail = tail + 1;
        eventsIn++;
        return oldest;
      }
    } finally {
      unlock(TAKE_LOCK);
    }
    pushEvent(entry, event);
    return null;
  }

  /**
   * Takes the oldest event out of the ring, and the head one place on. The fences queued before
   * that event, if any, move one place towards the tail into the slot it leaves, so the order of
   * the rest stays and the work does not grow with the events queued; under both locks.
   *
   * @return the oldest event's entry and event
   */
  private Object[] removeOldest() {
    Object[] slots = ring;
    int first = head;
    while (slots[slot(slots, first)] == FENCE) {
      first++;
    }
    int at = slot(slots, first);
    Object[] oldest = {slots[at], slots[at + 1]};
    for (int n = first; n != head; n--) {
      int to = slot(slots, n);
      int from = slot(slots, n - 1);
      slots[to] = slots[from];
      slots[to + 1] = slots[from + 1];
    }
    int freed = slot(slots, head);
    slots[freed] = null;
    slots[freed + 1] = null;
    head = head + 1;
    return oldest;
  }

  /**
   * Takes up to {@code max} elements out of the ring into {@code into}, under the take lock.
   *
   * @return how many were taken
   */
  private int take(Object[] into, int max) {
    lock(TAKE_LOCK);
    try {
      int first = head;
      int n = Math.min(tail - first, max);
      if (n == 0) {
        return 0;
      }
      Object[] slots = ring;
      int events = n;
      for (int i = 0; i < n; i++) {
        int at = slot(slots, first + i);
        Object target = slots[at];
        if (target == FENCE) {
          events--;
        }
        into[i << 1] = target;
        into[(i << 1) + 1] = slots[at + 1];
        slots[at] = null;
        slots[at + 1] = null;
      }
      head = first + n;
      eventsOut = eventsOut + events;
      return n;
    } finally {
      unlock(TAKE_LOCK);
    }
  }

  /** Hands this mailbox to its executor, unless a task of it is queued or running already. */
  void schedule() {
    if (flags.get(TOKEN) == IDLE && flags.compareAndSet(TOKEN, IDLE, SCHEDULED)) {
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
        if (delivered >= BATCH && tail != head) {
          if (requeued()) {
            if (outermost) {
              // What the failure handler emitted while a refusal of the requeue was reported.
              thread.runQueued();
            }
            return;
          }
          delivered = 0;
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

  /**
   * Queues the taken elements {@code from} to {@code to} again, ahead of the ring's; under both
   * locks, as it may grow the ring.
   */
  private void putBack(Object[] elements, int from, int to) {
    lock(PUT_LOCK);
    lock(TAKE_LOCK);
    try {
      for (int i = to - 1; i >= from; i--) {
        if (tail - head == ring.length >> 1) {
          grow();
        }
        Object target = elements[i << 1];
        int at = slot(ring, head - 1);
        ring[at] = target;
        ring[at + 1] = elements[(i << 1) + 1];
        elements[i << 1] = null;
        elements[(i << 1) + 1] = null;
        head = head - 1;
        if (target != FENCE) {
          eventsOut = eventsOut - 1;
        }
      }
      takenLeft = 0;
      // The head moved back: the producers' copies must not be ahead of it.
      headSeen = head;
      eventsOutSeen = eventsOut;
    } finally {
      unlock(TAKE_LOCK);
      unlock(PUT_LOCK);
    }
  }

  /**
   * Waits briefly for the next event before giving the thread back: an emitting thread a little
   * slower than its listener would otherwise hand the executor a new task for nearly every event.
   *
   * @return whether an event came in
   */
  private boolean awaitNext() {
    for (int yields = 0; yields < IDLE_YIELDS; yields++) {
      if (tail != head) {
        return true;
      }
      Thread.yield();
    }
    return false;
  }

  /**
   * Hands the rest to a new task of the executor, keeping the token. A refusal by an executor that
   * is not shut down (its queue full, say) is taken as transient and costs no event: the calling
   * task keeps its thread and asks again after its next batch. Only a shut-down executor's refusal
   * is final, and reports what is queued.
   *
   * @return {@code false} if the calling task is to go on delivering
   */
  private boolean requeued() {
    try {
      executor.execute(this);
      return true;
    } catch (Throwable refused) {
      if (!(executor instanceof ExecutorService service && service.isShutdown())) {
        return false;
      }
      if (refuse(refused)) {
        dispatch();
      }
      return true;
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
    int left = tail - head;
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
    flags.set(TOKEN, IDLE);
    // A producer writes the tail, then reads the token; this writes the token, then reads the
    // tail. Both are volatile, so one of the two sees the other's write: it sees IDLE, or this
    // sees its event.
    return tail != head && flags.compareAndSet(TOKEN, IDLE, SCHEDULED);
  }

  /**
   * Takes one of the ring's locks, {@link #PUT_LOCK} or {@link #TAKE_LOCK}: a compare-and-set, as
   * each is held only for a few array writes and never while a listener runs.
   */
  private void lock(int lock) {
    for (int spins = 0; !flags.compareAndSet(lock, 0, 1); spins++) {
      backOff(spins);
    }
  }

  private void unlock(int lock) {
    flags.setRelease(lock, 0);
  }

  /**
   * Waits before a thread tries a taken lock again: it spins briefly, then yields, as the holder
   * may have lost its core.
   */
  private static void backOff(int spins) {
    if (spins < SPINS) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
  }

  @SuppressWarnings("unchecked") // every entry slot holds an entry of the event beside it
  private static <E extends Record> Listeners.Entry<E> cast(Object entry) {
    return (Listeners.Entry<E>) entry;
  }
}
