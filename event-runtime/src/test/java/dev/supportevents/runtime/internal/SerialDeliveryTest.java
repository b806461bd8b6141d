package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Subscriptions on a thread pool, the hub's or their own: each receives its events one at a time
 * and in the order each thread emitted them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SerialDeliveryTest {

  private static final int EVENTS = 50_000;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
  }

  @Test
  void onAHubPoolEachSubscriptionGetsEveryEventOnceInEmitOrderAndNeverConcurrently()
      throws Exception {
    TestHub hub = new TestHub(Delivery.builder().executor(pool));
    List<SerialRecorder> recorders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      SerialRecorder recorder = new SerialRecorder();
      recorders.add(recorder);
      hub.pings.subscribe(recorder);
    }

    for (int n = 0; n < EVENTS; n++) {
      hub.pings.deliver(new Ping(n));
    }

    assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(30)));
    for (SerialRecorder recorder : recorders) {
      assertEquals(0, recorder.overlaps.get(), "called concurrently with itself");
      assertEquals(EVENTS, recorder.numbers.size());
      for (int n = 0; n < EVENTS; n++) {
        assertEquals(n, recorder.numbers.get(n), "out of order");
      }
    }
  }

  @Test
  void onItsOwnPoolASubscriptionKeepsTheOrderOfEachOfSeveralEmittingThreads() throws Exception {
    // A queue that holds every event: this is about order, not about a listener falling behind.
    TestHub hub =
        new TestHub(Delivery.builder().queueCapacity(SubscriptionOptions.MAX_QUEUE_CAPACITY));
    SerialRecorder recorder = new SerialRecorder();
    hub.pings.subscribe(recorder, pool);
    int threads = 3;
    ExecutorService emitters = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(
            emitters.submit(
                () -> {
                  for (int n = 0; n < EVENTS; n++) {
                    hub.pings.deliver(new Ping(thread * EVENTS + n));
                  }
                }));
      }
      for (Future<?> emitter : running) {
        emitter.get(30, TimeUnit.SECONDS);
      }
    } finally {
      emitters.shutdownNow();
    }

    assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(30)));
    assertEquals(0, recorder.overlaps.get(), "called concurrently with itself");
    assertEquals(threads * EVENTS, recorder.numbers.size());
    int[] next = new int[threads];
    for (int number : recorder.numbers) {
      int thread = number / EVENTS;
      assertEquals(thread * EVENTS + next[thread]++, number, "out of order for its thread");
    }
  }

  @Test
  void aGroupSubscriptionOnAPoolGetsItsEventsOfEveryTypeInOneOrder() throws Exception {
    TestHub hub = new TestHub(Delivery.builder().executor(pool));
    List<String> received = new ArrayList<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    hub.delivery.subscribe(
        registration ->
            registration
                .listen(
                    hub.pings, ping -> record(received, "ping " + ping.number(), inside, overlaps))
                .listen(
                    hub.pongs, pong -> record(received, "pong " + pong.text(), inside, overlaps)));

    List<String> expected = new ArrayList<>();
    for (int n = 0; n < 5_000; n++) {
      hub.pings.deliver(new Ping(n));
      hub.pongs.deliver(new Pong(Integer.toString(n)));
      expected.add("ping " + n);
      expected.add("pong " + n);
    }

    assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(30)));
    assertEquals(0, overlaps.get());
    assertEquals(expected, received);
  }

  @Test
  void aBusySubscriptionHandsItsThreadBackSoAnotherOnASingleThreadIsNotStarved() throws Exception {
    ManualExecutorCounting single = new ManualExecutorCounting();
    TestHub hub = new TestHub(Delivery.builder().executor(single));
    List<String> received = new ArrayList<>();
    hub.pings.subscribe(ping -> received.add("busy " + ping.number()));
    hub.pongs.subscribe(pong -> received.add("other " + pong.text()));
    for (int n = 0; n < 1_000; n++) {
      hub.pings.deliver(new Ping(n));
    }
    hub.pongs.deliver(new Pong("x"));

    single.runAll();

    assertEquals(1_001, received.size());
    int other = received.indexOf("other x");
    assertTrue(other > 0 && other < 1_000, "the other subscription waited for all 1,000: " + other);
    assertTrue(single.executed > 2, "the busy subscription queued itself again");
  }

  private static void record(
      List<String> received, String what, AtomicInteger inside, AtomicInteger overlaps) {
    if (inside.incrementAndGet() != 1) {
      overlaps.incrementAndGet();
    }
    received.add(what);
    inside.decrementAndGet();
  }

  /** A listener that notes what it gets, and whether it was ever called twice at once. */
  private static final class SerialRecorder implements Consumer<Ping> {
    /** Written only by the listener, which must never run twice at once. */
    final List<Integer> numbers = new ArrayList<>();

    final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();

    @Override
    public void accept(Ping ping) {
      if (inside.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      numbers.add(ping.number());
      inside.decrementAndGet();
    }
  }

  /** Runs tasks in submission order when drained, counting them. */
  private static final class ManualExecutorCounting extends TestHub.ManualExecutor {
    int executed;

    @Override
    public void execute(Runnable task) {
      executed++;
      super.execute(task);
    }
  }
}
