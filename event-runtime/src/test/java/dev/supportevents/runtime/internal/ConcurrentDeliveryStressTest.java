package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Emitting threads and threads that subscribe and close in a loop, all at once: every stable
 * listener gets each event exactly once, and no listener gets an event emitted after its
 * subscription's close() returned.
 */
class ConcurrentDeliveryStressTest {

  private static final int EMITTERS = 4;
  private static final int CHURNERS = 2;
  private static final int EVENTS_PER_EMITTER = 100_000;
  private static final int EVENTS = EMITTERS * EVENTS_PER_EMITTER;
  private static final int STABLE_LISTENERS = 3;

  private final TestHub hub = new TestHub();

  /** Hands out event numbers in the order emits start, across all emitting threads. */
  private final AtomicInteger sequence = new AtomicInteger();

  private final LongAdder lateDeliveries = new LongAdder();
  private final LongAdder churnDeliveries = new LongAdder();

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stableListenersGetEveryEventOnceAndClosedOnesNothingEmittedAfterClose() throws Exception {
    List<AtomicIntegerArray> received = new ArrayList<>();
    for (int i = 0; i < STABLE_LISTENERS; i++) {
      AtomicIntegerArray counts = new AtomicIntegerArray(EVENTS);
      received.add(counts);
      hub.pings.subscribe(ping -> counts.incrementAndGet(ping.number()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(EMITTERS + CHURNERS);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean emitting = new AtomicBoolean(true);
    AtomicInteger churnCycles = new AtomicInteger();
    try {
      List<Future<?>> emitters = new ArrayList<>();
      for (int i = 0; i < EMITTERS; i++) {
        emitters.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int n = 0; n < EVENTS_PER_EMITTER; n++) {
                    hub.pings.deliver(new Ping(sequence.getAndIncrement()));
                  }
                  return null;
                }));
      }
      List<Future<?>> churners = new ArrayList<>();
      for (int i = 0; i < CHURNERS; i++) {
        churners.add(
            threads.submit(
                () -> {
                  start.await();
                  while (emitting.get()) {
                    churnOnce(emitting);
                    churnCycles.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> emitter : emitters) {
        emitter.get(25, TimeUnit.SECONDS);
      }
      emitting.set(false);
      for (Future<?> churner : churners) {
        churner.get(5, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(EVENTS, sequence.get());
    for (AtomicIntegerArray counts : received) {
      for (int event = 0; event < EVENTS; event++) {
        if (counts.get(event) != 1) {
          throw new AssertionError("event " + event + " delivered " + counts.get(event) + " times");
        }
      }
    }
    assertEquals(0, lateDeliveries.sum(), "deliveries of events emitted after close() returned");
    assertTrue(churnCycles.get() > 0, "the churning threads never ran");
    assertTrue(churnDeliveries.sum() > 0, "churning listeners never received an event");
  }

  /**
   * Subscribes a listener, lets it receive an event (while events flow), closes it, and watches for
   * events emitted after that.
   */
  private void churnOnce(AtomicBoolean emitting) {
    ChurningListener listener = new ChurningListener();
    Subscription subscription =
        hub.delivery.subscribe(
            registration ->
                registration.listen(hub.pings, listener::onPing).listen(hub.pongs, pong -> {}));
    while (!listener.received && emitting.get()) {
      Thread.onSpinWait();
    }
    subscription.close();
    listener.closedBefore = sequence.get();
  }

  private final class ChurningListener {
    volatile boolean received;

    /** Every event numbered from here on was emitted after close() returned. */
    volatile int closedBefore = Integer.MAX_VALUE;

    void onPing(Ping ping) {
      received = true;
      churnDeliveries.increment();
      if (ping.number() >= closedBefore) {
        lateDeliveries.increment();
      }
    }
  }
}
