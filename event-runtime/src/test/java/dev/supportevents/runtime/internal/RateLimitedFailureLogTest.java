package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.Labeled;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default handler's log: the first failure of a listener in full, then one count per interval,
 * on a clock and a timer the test moves.
 */
class RateLimitedFailureLogTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long INTERVAL = 10 * SECOND;

  private final RuntimeException boom = new IllegalStateException("boom");
  private final CapturedLog log = new CapturedLog();
  private final Queue<Runnable> timer = new ArrayDeque<>();
  private final Queue<Long> delays = new ArrayDeque<>();
  private long now = 1_000 * SECOND;
  private final RateLimitedFailureLog handler =
      new RateLimitedFailureLog(
          INTERVAL,
          () -> now,
          (task, delay) -> {
            timer.add(task);
            delays.add(delay);
          });
  private final TestHub hub = new TestHub(Delivery.builder().failureHandler(handler));

  @AfterEach
  void closeLog() {
    log.close();
  }

  /** 413 failures within the interval: one record in full, then one count of 412. */
  @Test
  void aListenerThatFailsOnEveryEventIsLoggedOnceThenCountedPerInterval() {
    hub.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));

    for (int i = 0; i < 413; i++) {
      hub.pings.deliver(new Ping(i));
      now += SECOND / 100;
    }

    assertEquals(1, log.records.size());
    assertRecord(0, "A listener of ping failed: tracker", boom);
    assertEquals(List.of(INTERVAL), List.copyOf(delays));

    now = 1_010 * SECOND;
    runTimer();
    assertEquals(2, log.records.size());
    assertRecord(
        1,
        "A listener of ping failed 412 more times in the last 10 s: tracker"
            + " (the last failure: java.lang.IllegalStateException)",
        null);

    // Still failing: counted in the next interval, not logged in full again.
    hub.pings.deliver(new Ping(413));
    now = 1_020 * SECOND;
    runTimer();
    assertEquals(3, log.records.size());
    assertRecord(
        2,
        "A listener of ping failed 1 more time in the last 10 s: tracker"
            + " (the last failure: java.lang.IllegalStateException)",
        null);

    // An interval without a failure ends the run: nothing is logged, nothing more is scheduled.
    now = 1_030 * SECOND;
    runTimer();
    assertEquals(3, log.records.size());
    assertTrue(timer.isEmpty());
    assertEquals(0, handler.counted(), "the quiet listener is forgotten");

    // The next failure is logged in full again.
    hub.pings.deliver(new Ping(414));
    assertEquals(4, log.records.size());
    assertRecord(3, "A listener of ping failed: tracker", boom);
  }

  /** Each event type and subscription has counts of its own: no first failure hides another's. */
  @Test
  void eachSubscriptionAndEventTypeIsLoggedInFullFirst() {
    hub.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));
    hub.pings.subscribe(
        Labeled.listener(
            "counter",
            ping -> {
              throw boom;
            }));
    hub.pongs.subscribe(
        Labeled.listener(
            "tracker",
            pong -> {
              throw boom;
            }));

    for (int i = 0; i < 100; i++) {
      hub.pings.deliver(new Ping(i));
      hub.pongs.deliver(new Pong("p"));
    }

    assertEquals(3, log.records.size());
    assertRecord(0, "A listener of ping failed: tracker", boom);
    assertRecord(1, "A listener of ping failed: counter", boom);
    assertRecord(2, "A listener of pong failed: tracker", boom);
    assertEquals(1, timer.size(), "one flush for them all");

    now += INTERVAL;
    runTimer();
    assertEquals(6, log.records.size());
    List<String> counts =
        log.records.subList(3, 6).stream().map(LogRecord::getMessage).sorted().toList();
    String last = " (the last failure: java.lang.IllegalStateException)";
    assertEquals(
        List.of(
            "A listener of ping failed 99 more times in the last 10 s: counter" + last,
            "A listener of ping failed 99 more times in the last 10 s: tracker" + last,
            "A listener of pong failed 99 more times in the last 10 s: tracker" + last),
        counts);
  }

  /**
   * A listener subscribed again for each of 1,000 events, failing each time, is one listener to the
   * log: counted per subscription, each of its subscriptions wrote a record in full, 1,000 of them.
   */
  @Test
  void aListenerSubscribedAgainForEachEventIsCountedAsOne() {
    for (int i = 0; i < 1_000; i++) {
      Subscription subscription =
          hub.pings.subscribe(
              Labeled.listener(
                  "tracker",
                  ping -> {
                    throw boom;
                  }));
      hub.pings.deliver(new Ping(i));
      subscription.close();
    }

    assertEquals(1, log.records.size());
    assertRecord(0, "A listener of ping failed: tracker", boom);
    now += INTERVAL;
    runTimer();
    assertEquals(2, log.records.size());
    assertRecord(
        1,
        "A listener of ping failed 999 more times in the last 10 s: tracker"
            + " (the last failure: java.lang.IllegalStateException)",
        null);
  }

  /**
   * A failure handler that throws on each of 10,000 failures: the first is logged in full, the
   * listener's failure and the handler's, and the rest counted; before, two records each.
   */
  @Test
  void aFailureHandlerThatThrowsOnEveryFailureIsLoggedOnceThenCounted() {
    RuntimeException handlerDown = new IllegalStateException("handler down");
    TestHub throwing =
        new TestHub(
            Delivery.builder()
                .failureHandler(
                    failure -> {
                      throw handlerDown;
                    }));
    throwing.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));

    for (int i = 0; i < 10_000; i++) {
      throwing.pings.deliver(new Ping(i));
    }

    assertRecord(0, "A listener of ping failed: tracker", boom);
    assertEquals(
        "The failure handler threw while handling a failed listener of ping: tracker",
        log.records.get(1).getMessage());
    assertSame(handlerDown, log.records.get(1).getThrown());
    // The shared timer may log a count meanwhile, on a machine that stalls for 10 s.
    assertTrue(log.records.size() <= 4, () -> log.records.size() + " records");
  }

  /** An unhandled-events hook that throws on each of 10,000 events: one record, then counts. */
  @Test
  void anUnhandledEventsHookThatThrowsOnEveryEventIsLoggedOnceThenCounted() {
    TestHub hooked =
        new TestHub(
            Delivery.builder()
                .unhandledEvents(
                    (type, event) -> {
                      throw boom;
                    }));

    for (int i = 0; i < 10_000; i++) {
      hooked.pings.deliver(new Ping(i));
    }

    assertEquals(
        "The unhandled-events hook threw on an event of ping", log.records.get(0).getMessage());
    assertSame(boom, log.records.get(0).getThrown());
    assertTrue(log.records.size() <= 2, () -> log.records.size() + " records");
  }

  /** A timer that runs late: the first failure after the interval logs the count itself. */
  @Test
  void aFailureAfterTheIntervalLogsTheCountIfTheTimerHasNotYet() {
    hub.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));
    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));
    hub.pings.deliver(new Ping(3));

    now += INTERVAL; // the interval's end, and the timer has not run yet
    hub.pings.deliver(new Ping(4));

    assertEquals(2, log.records.size());
    assertRecord(
        1,
        "A listener of ping failed 2 more times in the last 10 s: tracker"
            + " (the last failure: java.lang.IllegalStateException)",
        null);

    runTimer(); // the flush of the first interval, late: the 4th failure opened the next one
    assertEquals(2, log.records.size());
    assertEquals(List.of(INTERVAL), List.copyOf(delays));
    now += INTERVAL;
    runTimer();
    assertEquals(3, log.records.size());
    assertRecord(
        2,
        "A listener of ping failed 1 more time in the last 10 s: tracker"
            + " (the last failure: java.lang.IllegalStateException)",
        null);
  }

  /** Each listener's interval ends on its own: a flush waits for the youngest. */
  @Test
  void theNextFlushIsDueWhenTheNextIntervalEnds() {
    hub.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));
    hub.pongs.subscribe(
        Labeled.listener(
            "tracker",
            pong -> {
              throw boom;
            }));
    hub.pings.deliver(new Ping(1));
    now += 4 * SECOND;
    hub.pongs.deliver(new Pong("p"));
    hub.pongs.deliver(new Pong("p"));
    assertEquals(2, handler.counted());

    now += 6 * SECOND;
    runTimer();

    assertEquals(2, log.records.size(), "nothing counted for ping, nothing due for pong");
    assertEquals(1, handler.counted());
    assertEquals(List.of(4 * SECOND), List.copyOf(delays));
    now += 4 * SECOND;
    runTimer();
    assertEquals(3, log.records.size());
    assertRecord(
        2,
        "A listener of pong failed 1 more time in the last 10 s: tracker"
            + " (the last failure: java.lang.IllegalStateException)",
        null);
  }

  /**
   * A hub with the default handler and a listener that fails on each of 10,000 events writes the
   * first failure in full and counts the rest: far fewer records than failures.
   */
  @Test
  void theDefaultHandlerDoesNotLogEachOf10000Failures() {
    TestHub byDefault = new TestHub();
    byDefault.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));

    for (int i = 0; i < 10_000; i++) {
      byDefault.pings.deliver(new Ping(i));
    }

    assertRecord(0, "A listener of ping failed: tracker", boom);
    // The shared timer may log a count meanwhile, on a machine that stalls for 10 s.
    assertTrue(log.records.size() <= 3, () -> log.records.size() + " records");
  }

  private void runTimer() {
    delays.clear();
    for (int n = timer.size(); n > 0; n--) {
      timer.remove().run();
    }
  }

  private void assertRecord(int index, String message, Throwable thrown) {
    LogRecord record = log.records.get(index);
    assertEquals(Level.WARNING, record.getLevel());
    assertEquals(message, record.getMessage());
    if (thrown == null) {
      assertNull(record.getThrown());
    } else {
      assertSame(thrown, record.getThrown());
    }
  }
}
