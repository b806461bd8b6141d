package dev.supportevents.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The generated hub under load: four threads emit while two subscribe and close in a loop, through
 * every kind of subscription. Stable listeners get each event exactly once; a closed subscription
 * gets no event emitted after its close() returned.
 */
class ConcurrentHubStressTest {

  private static final int EMITTERS = 4;
  private static final int CHURNERS = 2;
  private static final int EVENTS_PER_EMITTER = 100_000;
  private static final int EVENTS = EMITTERS * EVENTS_PER_EMITTER;

  private final List<ListenerFailure> failures = new CopyOnWriteArrayList<>();
  private final SupportEvents events =
      SupportEvents.builder().failureHandler(failures::add).build();

  /** Numbers events in the order their emits start, across all emitting threads. */
  private final AtomicInteger sequence = new AtomicInteger();

  private final LongAdder lateDeliveries = new LongAdder();
  private final LongAdder churnDeliveries = new LongAdder();

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stableListenersGetEveryEventOnceAndClosedOnesNothingEmittedAfterClose() throws Exception {
    AtomicIntegerArray typed = new AtomicIntegerArray(EVENTS);
    AtomicIntegerArray all = new AtomicIntegerArray(EVENTS);
    AtomicIntegerArray callbacks = new AtomicIntegerArray(EVENTS);
    events.onWidgetClosed(event -> typed.incrementAndGet(number(event)));
    events.subscribeAll((type, event) -> all.incrementAndGet(number((WidgetClosedEvent) event)));
    events.subscribe(
        new SupportEventCallbacks() {
          @Override
          public void onWidgetClosed(WidgetClosedEvent event) {
            callbacks.incrementAndGet(number(event));
          }
        });

    ExecutorService threads = Executors.newFixedThreadPool(EMITTERS + CHURNERS);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean emitting = new AtomicBoolean(true);
    try {
      List<Future<?>> emitters = new ArrayList<>();
      for (int i = 0; i < EMITTERS; i++) {
        emitters.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int n = 0; n < EVENTS_PER_EMITTER; n++) {
                    events.emitWidgetClosed(Integer.toString(sequence.getAndIncrement()));
                  }
                  return null;
                }));
      }
      List<Future<?>> churners = new ArrayList<>();
      for (int i = 0; i < CHURNERS; i++) {
        int kind = i;
        churners.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int cycle = 0; emitting.get(); cycle++) {
                    churnOnce(emitting, (kind + cycle) % 3);
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

    assertEquals(List.of(), failures);
    assertEquals(EVENTS, sequence.get());
    for (AtomicIntegerArray counts : List.of(typed, all, callbacks)) {
      for (int event = 0; event < EVENTS; event++) {
        if (counts.get(event) != 1) {
          throw new AssertionError("event " + event + " delivered " + counts.get(event) + " times");
        }
      }
    }
    assertEquals(0, lateDeliveries.sum(), "deliveries of events emitted after close() returned");
    assertTrue(churnDeliveries.sum() > 0, "churning listeners never received an event");
  }

  /**
   * Subscribes one kind of listener, waits until it got an event (while events flow), closes it,
   * and from then on counts any event it gets that was emitted after close() returned.
   */
  private void churnOnce(AtomicBoolean emitting, int kind) {
    ChurningListener listener = new ChurningListener();
    Subscription subscription =
        switch (kind) {
          case 0 -> events.onWidgetClosed(listener::onEvent);
          case 1 ->
              events.subscribeAll((type, event) -> listener.onEvent((WidgetClosedEvent) event));
          default -> events.subscribe(WidgetClosedEvent.class, listener::onEvent);
        };
    while (!listener.received && emitting.get()) {
      Thread.onSpinWait();
    }
    subscription.close();
    listener.closedBefore = sequence.get();
  }

  private static int number(WidgetClosedEvent event) {
    return Integer.parseInt(event.visitorId());
  }

  private final class ChurningListener {
    volatile boolean received;

    /** Every event numbered from here on was emitted after close() returned. */
    volatile int closedBefore = Integer.MAX_VALUE;

    void onEvent(WidgetClosedEvent event) {
      received = true;
      churnDeliveries.increment();
      if (number(event) >= closedBefore) {
        lateDeliveries.increment();
      }
    }
  }
}
