package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.internal.RaceHub.Mode;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
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
 * With an executor that is a thread pool, a subscription is never called concurrently with itself
 * and receives the events emitted from one thread in emit order. Two actors each emit three events
 * (11, 12, 13 and 21, 22, 23) to one subscription.
 *
 * <p>Outcome: whether the listener was entered while it was running, whether it received an
 * emitting thread's events out of order, how many events it received. {@code -1, -1, -1}: a
 * delivery failed or did not finish.
 */
@Outcome(
    id = "0, 0, 6",
    expect = ACCEPTABLE,
    desc = "One call at a time, each thread's events in emit order, all six received.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "The listener was called concurrently.")
@Outcome(id = "0, 1, .*", expect = FORBIDDEN, desc = "A thread's events arrived out of order.")
@Outcome(id = ".*", expect = FORBIDDEN, desc = "An event lost or received twice, or failed.")
public class SerialPerSubscription {

  private static final int EVENTS_PER_THREAD = 3;

  private final RaceHub hub;
  private final Listeners<Ping> pings;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean overlapped = new AtomicBoolean();
  private final AtomicBoolean outOfOrder = new AtomicBoolean();
  private final AtomicInteger received = new AtomicInteger();

  /** The last event received from each emitting thread, by the thread's number (1 or 2). */
  private final AtomicIntegerArray lastByThread = new AtomicIntegerArray(3);

  SerialPerSubscription(Mode mode) {
    hub = new RaceHub(mode);
    pings = hub.delivery.listeners(Type.PING);
    hub.subscribe(pings, this::receive);
  }

  void emitFrom(int thread) {
    for (int i = 1; i <= EVENTS_PER_THREAD; i++) {
      pings.deliver(new Ping(thread * 10 + i));
    }
  }

  void outcome(III_Result result) {
    if (!hub.settled()) {
      RaceHub.recordUnsettled(result);
      return;
    }
    result.r1 = overlapped.get() ? 1 : 0;
    result.r2 = outOfOrder.get() ? 1 : 0;
    result.r3 = received.get();
  }

  private void receive(Ping ping) {
    if (running.getAndIncrement() != 0) {
      overlapped.set(true);
    }
    int previous = lastByThread.getAndSet(ping.number() / 10, ping.number());
    if (previous > ping.number()) {
      outOfOrder.set(true);
    }
    received.incrementAndGet();
    // A listener does some work: this widens the window in which a second call would overlap.
    for (int i = 0; i < 50; i++) {
      Thread.onSpinWait();
    }
    running.decrementAndGet();
  }

  /** The hub's executor is a thread pool. */
  @JCStressTest
  @State
  public static class HubExecutor extends SerialPerSubscription {
    public HubExecutor() {
      super(Mode.HUB_EXECUTOR);
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

  /** The subscription's own executor is a thread pool. */
  @JCStressTest
  @State
  public static class SubscriptionExecutor extends SerialPerSubscription {
    public SubscriptionExecutor() {
      super(Mode.SUBSCRIPTION_EXECUTOR);
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
}
