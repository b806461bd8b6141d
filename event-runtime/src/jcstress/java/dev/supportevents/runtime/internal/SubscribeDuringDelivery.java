package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.internal.RaceHub.Mode;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A listener subscribed while an event is being delivered receives only later events. A first
 * listener is subscribed before the race. One actor emits event 1, whose delivery the first
 * listener holds open for a moment; the other looks whether that delivery is under way, then
 * subscribes a second listener and emits event 2.
 *
 * <p>Outcome: whether the subscribing actor saw the delivery of 1 under way before it subscribed,
 * whether the second listener received 1, whether it received 2. {@code -1, -1, -1}: a delivery
 * failed or did not finish.
 */
@Outcome(
    id = {"0, 0, 1", "0, 1, 1", "1, 0, 1"},
    expect = ACCEPTABLE,
    desc =
        "The late listener got 2, and 1 only if its delivery may have begun after it subscribed.")
@Outcome(
    id = "1, 1, .*",
    expect = FORBIDDEN,
    desc = "The late listener got 1, whose delivery was under way before it subscribed.")
@Outcome(
    id = ".*",
    expect = FORBIDDEN,
    desc = "The late listener missed 2, emitted after it subscribed, or a delivery failed.")
public class SubscribeDuringDelivery {

  /** How long the first listener holds the delivery of 1 open, at most, in spins. */
  private static final int HOLD_SPINS = 1_000;

  private final RaceHub hub;
  private final Listeners<Ping> pings;

  /** What the late listener received, by event number. */
  private final AtomicIntegerArray late = new AtomicIntegerArray(3);

  private volatile boolean firstUnderWay;
  private volatile boolean lateSubscribed;

  /** Whether the subscribing actor saw the delivery of 1 under way before it subscribed. */
  private boolean sawUnderWay;

  SubscribeDuringDelivery(Mode mode) {
    hub = new RaceHub(mode);
    pings = hub.delivery.listeners(Type.PING);
    hub.subscribe(pings, this::holdFirst);
  }

  void emitFirst() {
    pings.deliver(new Ping(1));
  }

  void subscribeThenEmit() {
    sawUnderWay = firstUnderWay;
    hub.subscribe(pings, ping -> late.incrementAndGet(ping.number()));
    lateSubscribed = true;
    pings.deliver(new Ping(2));
  }

  void outcome(III_Result result) {
    if (!hub.settled()) {
      RaceHub.recordUnsettled(result);
      return;
    }
    result.r1 = sawUnderWay ? 1 : 0;
    result.r2 = late.get(1);
    result.r3 = late.get(2);
  }

  private void holdFirst(Ping ping) {
    if (ping.number() != 1) {
      return;
    }
    firstUnderWay = true;
    // Keeps the delivery of 1 going until the late listener is in, within a bound: a delivery
    // that wrongly picked up new listeners would then reach it.
    for (int i = 0; i < HOLD_SPINS && !lateSubscribed; i++) {
      Thread.onSpinWait();
    }
  }

  /** Listeners run on the emitting thread. */
  @JCStressTest
  @State
  public static class Synchronous extends SubscribeDuringDelivery {
    public Synchronous() {
      super(Mode.SYNCHRONOUS);
    }

    @Actor
    public void emitter() {
      emitFirst();
    }

    @Actor
    public void subscriber() {
      subscribeThenEmit();
    }

    @Arbiter
    public void arbiter(III_Result result) {
      outcome(result);
    }
  }

  /** The hub's executor is a thread pool. */
  @JCStressTest
  @State
  public static class HubExecutor extends SubscribeDuringDelivery {
    public HubExecutor() {
      super(Mode.HUB_EXECUTOR);
    }

    @Actor
    public void emitter() {
      emitFirst();
    }

    @Actor
    public void subscriber() {
      subscribeThenEmit();
    }

    @Arbiter
    public void arbiter(III_Result result) {
      outcome(result);
    }
  }
}
