package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A subscription's ring is appended to under one lock and taken from under another; growing it
 * takes both. Two actors each emit 24 events (101 to 124 and 201 to 224) to one subscription on a
 * pool, with a capacity of 64: its first array holds 16 events, so it grows while the pool's task
 * takes events out of it, and a third actor waits for the deliveries meanwhile, which puts a fence
 * among the events. Every event must arrive once, each thread's in emit order, and the wait must
 * end with every event it waited for delivered.
 *
 * <p>Outcome: whether an event arrived twice, whether a thread's events arrived out of order or
 * before the wait ended with fewer than were emitted before it, how many events arrived. {@code -1,
 * -1, -1}: the deliveries did not finish.
 */
@JCStressTest
@State
@Outcome(
    id = "0, 0, 48",
    expect = ACCEPTABLE,
    desc = "Each event once, each thread's in emit order; the wait saw what came before it.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "An event arrived twice.")
@Outcome(id = "0, 1, .*", expect = FORBIDDEN, desc = "Out of order, or the wait ended early.")
@Outcome(id = ".*", expect = FORBIDDEN, desc = "An event lost, or deliveries unfinished.")
public class RingGrowsWhileTaken {

  private static final int EVENTS_PER_THREAD = 24;

  private final RacePool.View pool = new RacePool.View();
  private final Delivery delivery = Delivery.builder().build();
  private final Listeners<Ping> pings = delivery.listeners(Type.PING);

  /** How many times each event arrived, by its number. */
  private final AtomicIntegerArray seen = new AtomicIntegerArray(300);

  /** The last event of each emitting thread that arrived, by the thread's number (1 or 2). */
  private final AtomicIntegerArray lastByThread = new AtomicIntegerArray(3);

  /** The last event each emitting thread has emitted, by the thread's number. */
  private final AtomicIntegerArray emitted = new AtomicIntegerArray(3);

  private final AtomicBoolean outOfOrder = new AtomicBoolean();

  public RingGrowsWhileTaken() {
    pings.subscribe(
        this::receive,
        SubscriptionOptions.defaults().executor(pool).queueCapacity(2 * EVENTS_PER_THREAD + 16));
  }

  /** Emits its first half, waits for the deliveries, then emits the rest. */
  @Actor
  public void firstEmitter() {
    emit(1, 1, EVENTS_PER_THREAD / 2);
    int second = emitted.get(2);
    try {
      if (!delivery.awaitDelivered(Duration.ofSeconds(RacePool.IDLE_TIMEOUT_SECONDS))) {
        outOfOrder.set(true);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      outOfOrder.set(true);
    }
    // The wait passed only once every event emitted before it had arrived.
    if (lastByThread.get(1) < 100 + EVENTS_PER_THREAD / 2
        || lastByThread.get(2) < (second == 0 ? 0 : 200 + second)) {
      outOfOrder.set(true);
    }
    emit(1, EVENTS_PER_THREAD / 2 + 1, EVENTS_PER_THREAD);
  }

  @Actor
  public void secondEmitter() {
    emit(2, 1, EVENTS_PER_THREAD);
  }

  @Arbiter
  public void arbiter(III_Result result) {
    if (!pool.awaitIdle()) {
      RaceHub.recordUnsettled(result);
      return;
    }
    int arrived = 0;
    boolean twice = false;
    for (int i = 0; i < seen.length(); i++) {
      arrived += seen.get(i);
      twice |= seen.get(i) > 1;
    }
    result.r1 = twice ? 1 : 0;
    result.r2 = outOfOrder.get() ? 1 : 0;
    result.r3 = arrived;
  }

  private void emit(int thread, int from, int to) {
    for (int i = from; i <= to; i++) {
      pings.deliver(new Ping(thread * 100 + i));
      emitted.set(thread, i);
    }
  }

  private void receive(Ping ping) {
    int previous = lastByThread.getAndSet(ping.number() / 100, ping.number());
    if (previous > ping.number()) {
      outOfOrder.set(true);
    }
    seen.incrementAndGet(ping.number());
  }
}
