package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A subscription on a pool whose bounded queue overflows, or whose executor refuses: every event is
 * either delivered or reported, never both and never neither, and the events it receives from one
 * thread arrive in emit order. Two actors each emit three events (11, 12, 13 and 21, 22, 23) to one
 * subscription with a queue of 2 events.
 *
 * <p>Outcome: whether an event was both delivered and reported (or twice either way), whether a
 * thread's events arrived out of order, how many events were accounted for. {@code -1, -1, -1}: the
 * deliveries did not finish.
 */
@Outcome(
    id = "0, 0, 6",
    expect = ACCEPTABLE,
    desc = "Each event delivered or reported once, each thread's in emit order.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "An event delivered and reported, or twice.")
@Outcome(id = "0, 1, .*", expect = FORBIDDEN, desc = "A thread's events arrived out of order.")
@Outcome(id = ".*", expect = FORBIDDEN, desc = "An event lost, or deliveries unfinished.")
public class OverflowAccounting {

  private static final int EVENTS_PER_THREAD = 3;

  private final RacePool.View pool = new RacePool.View();
  private final Listeners<Ping> pings;

  /** How many times each event was delivered or reported, by its number. */
  private final AtomicIntegerArray seen = new AtomicIntegerArray(24);

  private final AtomicIntegerArray lastByThread = new AtomicIntegerArray(3);
  private final AtomicBoolean outOfOrder = new AtomicBoolean();

  OverflowAccounting(OverflowPolicy policy, Executor executor) {
    Delivery delivery =
        Delivery.builder()
            .failureHandler(failure -> seen.incrementAndGet(((Ping) failure.event()).number()))
            .build();
    pings = delivery.listeners(Type.PING);
    pings.subscribe(
        this::receive,
        SubscriptionOptions.defaults()
            .executor(executor == null ? pool : executor)
            .queueCapacity(2)
            .onOverflow(policy));
  }

  void emitFrom(int thread) {
    for (int i = 1; i <= EVENTS_PER_THREAD; i++) {
      pings.deliver(new Ping(thread * 10 + i));
    }
  }

  private void receive(Ping ping) {
    int previous = lastByThread.getAndSet(ping.number() / 10, ping.number());
    if (previous > ping.number()) {
      outOfOrder.set(true);
    }
    seen.incrementAndGet(ping.number());
  }

  void outcome(III_Result result) {
    if (!pool.awaitIdle()) {
      RaceHub.recordUnsettled(result);
      return;
    }
    int accounted = 0;
    boolean twice = false;
    for (int i = 0; i < seen.length(); i++) {
      accounted += seen.get(i);
      twice |= seen.get(i) > 1;
    }
    result.r1 = twice ? 1 : 0;
    result.r2 = outOfOrder.get() ? 1 : 0;
    result.r3 = accounted;
  }

  /** An executor that refuses every other task it is given, and runs the rest on the pool. */
  static Executor refusingEveryOther(Executor pool) {
    AtomicInteger calls = new AtomicInteger();
    return task -> {
      if (calls.incrementAndGet() % 2 == 0) {
        throw new RejectedExecutionException("every other task");
      }
      pool.execute(task);
    };
  }

  /** The newest event is dropped when the queue is full. */
  @JCStressTest
  @State
  public static class DropNewest extends OverflowAccounting {
    public DropNewest() {
      super(OverflowPolicy.DROP_NEWEST, null);
    }

    @Actor
    public void firstEmitter() {
      emitFrom(1);
    }

    @Actor
    public void secondEmitter() {
      emitFrom(2);
    }

    @Arbiter
    public void arbiter(III_Result result) {
      outcome(result);
    }
  }

  /** The oldest queued event is dropped when the queue is full. */
  @JCStressTest
  @State
  public static class DropOldest extends OverflowAccounting {
    public DropOldest() {
      super(OverflowPolicy.DROP_OLDEST, null);
    }

    @Actor
    public void firstEmitter() {
      emitFrom(1);
    }

    @Actor
    public void secondEmitter() {
      emitFrom(2);
    }

    @Arbiter
    public void arbiter(III_Result result) {
      outcome(result);
    }
  }

  /** The executor refuses every other task: the events queued then are reported. */
  @JCStressTest
  @State
  public static class Refusing extends OverflowAccounting {
    public Refusing() {
      this(new RacePool.View());
    }

    private Refusing(RacePool.View view) {
      super(OverflowPolicy.DROP_NEWEST, refusingEveryOther(view));
      refusingPool = view;
    }

    /** The pool behind the refusing executor, to wait for its tasks. */
    private final RacePool.View refusingPool;

    @Actor
    public void firstEmitter() {
      emitFrom(1);
    }

    @Actor
    public void secondEmitter() {
      emitFrom(2);
    }

    @Arbiter
    public void arbiter(III_Result result) {
      if (!refusingPool.awaitIdle()) {
        RaceHub.recordUnsettled(result);
        return;
      }
      outcome(result);
    }
  }
}
