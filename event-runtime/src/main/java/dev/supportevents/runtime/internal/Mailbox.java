package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.ListenerFailure;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue of one subscription that runs on an executor: events go in, lock-free, in the order
 * they are delivered, and at most one task of the executor at a time takes them out and calls the
 * listener. The subscription therefore receives its events one at a time and in order, on a pool
 * too, and has no thread of its own.
 *
 * <p>The queue is Dmitry Vyukov's intrusive multi-producer, single-consumer list: a producer swaps
 * itself in as the tail, then links the previous tail to it. The consumer is whoever holds the
 * {@link #scheduled} token: the task running on the executor, or the thread that took the token
 * and found the executor refusing.
 */
final class Mailbox implements Runnable {

  /**
   * Events one task delivers before it hands its thread back to the executor and queues itself
   * again, so that a busy subscription does not keep a pool thread, or a UI thread, to itself.
   */
  private static final int BATCH = 256;

  /**
   * How long a task that found its queue empty checks again before it ends, in spin-waits. In
   * {@code OrderedDeliveryBenchmark.generatedHub} with 1 subscriber it took an event from 562 ns
   * to 197 ns (one run each on a loaded 2-core machine, so the gap is rough).
   */
  private static final int SPINS = 128;

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;

  private final Executor executor;
  private final Delivery delivery;
  private final AtomicReference<Node> tail;
  private final AtomicInteger scheduled = new AtomicInteger(IDLE);
  /** The last node taken out; only the holder of the token reads or writes it. */
  private Node head;
  /** The last node taken out when the token was last released: what an idle mailbox ends with. */
  private volatile Node releasedAt;

  Mailbox(Executor executor, Delivery delivery) {
    this.executor = executor;
    this.delivery = delivery;
    this.head = new Fence(null);
    this.releasedAt = head;
    this.tail = new AtomicReference<>(head);
  }

  /** Queues one event for {@code entry}'s listener and makes sure a task will deliver it. */
  <E extends Record> void offer(Listeners.Entry<E> entry, E event) {
    append(new Delivered<>(entry, event));
    schedule();
  }

  /**
   * Queues one event without scheduling, for a caller that holds a lock: it calls
   * {@link #schedule()} once the lock is released, so no listener runs under it, even with an
   * executor that runs tasks on the calling thread.
   */
  <E extends Record> void append(Listeners.Entry<E> entry, E event) {
    append(new Delivered<>(entry, event));
  }

  /**
   * Queues a fence that counts {@code passed} down once every event queued before it was
   * delivered or reported.
   */
  void fence(CountDownLatch passed) {
    Node last = releasedAt;
    if (scheduled.get() == IDLE && tail.get() == last) {
      // Nothing was queued after the last node taken out: everything before was delivered.
      passed.countDown();
      return;
    }
    append(new Fence(passed));
    schedule();
  }

  private void append(Node node) {
    tail.getAndSet(node).next = node;
  }

  /** Hands this mailbox to its executor, unless a task of it is queued or running already. */
  void schedule() {
    while (scheduled.get() == IDLE && scheduled.compareAndSet(IDLE, SCHEDULED)) {
      try {
        executor.execute(this);
        return;
      } catch (RuntimeException refused) {
        // Refused (shut down, say): this thread holds the token, and reports what waits.
        if (!refuseAll(refused)) {
          return;
        }
      }
    }
  }

  /** Delivers queued events, at most one batch, then releases the token or queues itself again. */
  @Override
  public void run() {
    DeliveringThread thread = delivery.deliveringThread();
    boolean outermost = !thread.isDelivering();
    if (outermost) {
      thread.begin(false);
    }
    try {
      int delivered = 0;
      while (true) {
        Node node = poll();
        if (node == null && awaitNext()) {
          node = poll();
        }
        if (node == null) {
          if (release()) {
            continue;
          }
          return;
        }
        node.deliver(delivery);
        if (outermost) {
          thread.runQueued();
        }
        if (++delivered >= BATCH && tail.get() != head) {
          requeue();
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
   * Spins briefly for the next event before giving the thread back: an emitting thread a little
   * slower than its listener would otherwise hand the executor a new task for nearly every event.
   *
   * @return whether an event came in
   */
  private boolean awaitNext() {
    for (int spin = 0; spin < SPINS; spin++) {
      if (tail.get() != head) {
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
    } catch (RuntimeException refused) {
      if (refuseAll(refused)) {
        schedule();
      }
    }
  }

  /**
   * Reports every queued event as refused by the executor, then releases the token.
   *
   * @return whether events were queued meanwhile and the token taken back, to try again
   */
  private boolean refuseAll(RuntimeException refused) {
    for (Node node; (node = poll()) != null; ) {
      node.refused(delivery, refused);
    }
    return release();
  }

  /**
   * Releases the token once the queue looked empty.
   *
   * @return whether an event came in meanwhile and this thread took the token back
   */
  private boolean release() {
    Node last = head;
    releasedAt = last;
    scheduled.set(IDLE);
    // A producer swaps the tail before it reads the token: it either sees IDLE, or this sees it.
    return tail.get() != last && scheduled.compareAndSet(IDLE, SCHEDULED);
  }

  /** Takes the next node out, or returns {@code null} if none is queued; holder of the token. */
  private Node poll() {
    Node next = head.next;
    if (next == null) {
      if (tail.get() == head) {
        return null;
      }
      // A producer swapped the tail and is about to link it: a few instructions away.
      while ((next = head.next) == null) {
        Thread.onSpinWait();
      }
    }
    head = next;
    return next;
  }

  /** One link of the queue. Once taken out it is the queue's head, so it lets go of its event. */
  private abstract static class Node {
    volatile Node next;

    abstract void deliver(Delivery delivery);

    abstract void refused(Delivery delivery, RuntimeException refusal);
  }

  /** One event for one listener. */
  private static final class Delivered<E extends Record> extends Node {
    private Listeners.Entry<E> entry;
    private E event;

    Delivered(Listeners.Entry<E> entry, E event) {
      this.entry = entry;
      this.event = event;
    }

    @Override
    void deliver(Delivery delivery) {
      Listeners.Entry<E> entry = this.entry;
      E event = this.event;
      this.entry = null;
      this.event = null;
      delivery.callQueued(entry, event);
    }

    @Override
    void refused(Delivery delivery, RuntimeException refusal) {
      Listeners.Entry<E> entry = this.entry;
      E event = this.event;
      this.entry = null;
      this.event = null;
      delivery.report(new ListenerFailure(entry.type(), event, entry.registration(), refusal));
    }
  }

  /** Counts down once every node before it was taken out. */
  private static final class Fence extends Node {
    private final CountDownLatch passed;

    Fence(CountDownLatch passed) {
      this.passed = passed;
    }

    @Override
    void deliver(Delivery delivery) {
      if (passed != null) {
        passed.countDown();
      }
    }

    @Override
    void refused(Delivery delivery, RuntimeException refusal) {
      deliver(delivery);
    }
  }
}
