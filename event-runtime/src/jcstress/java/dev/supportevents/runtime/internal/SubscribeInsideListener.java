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
 * A listener subscribed by another listener, while that one handles an event, receives only later
 * events: not the event being delivered, but the one the first listener emits right after
 * subscribing it. One actor emits event 1, whose listener subscribes a late listener and emits
 * event 2; the other actor emits event 3 meanwhile.
 *
 * <p>Outcome: whether the late listener received 1, 2 and 3. {@code -1, -1, -1}: a delivery failed
 * or did not finish.
 */
@Outcome(
    id = {"0, 1, 0", "0, 1, 1"},
    expect = ACCEPTABLE,
    desc = "The late listener got 2, and 3 only if that was emitted late enough.")
@Outcome(
    id = "1, .*",
    expect = FORBIDDEN,
    desc = "The late listener got 1, the event being delivered when it subscribed.")
@Outcome(
    id = ".*",
    expect = FORBIDDEN,
    desc = "The late listener missed 2, emitted after it subscribed, or a delivery failed.")
public class SubscribeInsideListener {

  private final RaceHub hub;
  private final Listeners<Ping> pings;

  /** What the late listener received, by event number. */
  private final AtomicIntegerArray late = new AtomicIntegerArray(4);

  SubscribeInsideListener(Mode mode) {
    hub = new RaceHub(mode);
    pings = hub.delivery.listeners(Type.PING);
    hub.subscribe(pings, this::subscribeOnFirst);
  }

  void emit(int number) {
    pings.deliver(new Ping(number));
  }

  void outcome(III_Result result) {
    if (!hub.settled()) {
      RaceHub.recordUnsettled(result);
      return;
    }
    result.r1 = late.get(1);
    result.r2 = late.get(2);
    result.r3 = late.get(3);
  }

  private void subscribeOnFirst(Ping ping) {
    if (ping.number() == 1) {
      hub.subscribe(pings, event -> late.incrementAndGet(event.number()));
      emit(2);
    }
  }

  /** Listeners run on the emitting thread; event 2 is emitted from inside a listener. */
  @JCStressTest
  @State
  public static class Synchronous extends SubscribeInsideListener {
    public Synchronous() {
      super(Mode.SYNCHRONOUS);
    }

    @Actor
    public void firstEmitter() {
      emit(1);
    }

    @Actor
    public void otherEmitter() {
      emit(3);
    }

    @Arbiter
    public void arbiter(III_Result result) {
      outcome(result);
    }
  }

  /** The hub's executor is a thread pool: the listener subscribes on a pool thread. */
  @JCStressTest
  @State
  public static class HubExecutor extends SubscribeInsideListener {
    public HubExecutor() {
      super(Mode.HUB_EXECUTOR);
    }

    @Actor
    public void firstEmitter() {
      emit(1);
    }

    @Actor
    public void otherEmitter() {
      emit(3);
    }

    @Arbiter
    public void arbiter(III_Result result) {
      outcome(result);
    }
  }
}
