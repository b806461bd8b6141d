package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.internal.RaceHub.Mode;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A late subscriber of a list that replays its latest event gets the kept event before any newer
 * one, exactly once, and never an older event after a newer one. Event 1 is kept before the race;
 * one actor emits 2 then 3 while the other subscribes.
 *
 * <p>Outcome: the events the subscriber received, in order, as digits ({@code 123} is 1, 2, 3).
 * {@code -1}: a delivery failed or did not finish.
 */
@Outcome(
    id = "123",
    expect = ACCEPTABLE,
    desc = "Subscribed before 2 was emitted: the kept 1 first, then 2 and 3.")
@Outcome(
    id = "23",
    expect = ACCEPTABLE,
    desc = "Subscribed between the two emits: the kept 2 first, then 3.")
@Outcome(id = "3", expect = ACCEPTABLE, desc = "Subscribed after both emits: the kept 3.")
@Outcome(
    id = "-?\\d*(3\\d*2|[23]\\d*1)\\d*",
    expect = FORBIDDEN,
    desc = "An older event after a newer one.")
@Outcome(
    id = ".*",
    expect = FORBIDDEN,
    desc = "An event lost or received twice, or a delivery failed.")
public class ReplayBeforeNewer {

  private final RaceHub hub;
  private final Listeners<Ping> pings;
  private int received;

  ReplayBeforeNewer(Mode mode) {
    hub = new RaceHub(mode);
    pings = hub.delivery.listenersReplayingLatest(Type.PING);
    pings.deliver(new Ping(1));
  }

  void emitNewer() {
    pings.deliver(new Ping(2));
    pings.deliver(new Ping(3));
  }

  void subscribe() {
    hub.subscribe(pings, this::receive);
  }

  void outcome(I_Result result) {
    boolean settled = hub.settled();
    synchronized (this) {
      result.r1 = settled ? received : -1;
    }
  }

  // Synchronized: if deliveries overlap, the digits still record the order they were made in.
  private synchronized void receive(Ping ping) {
    received = received * 10 + ping.number();
  }

  /** Listeners run on the emitting thread, the replay on the subscribing one. */
  @JCStressTest
  @State
  public static class Synchronous extends ReplayBeforeNewer {
    public Synchronous() {
      super(Mode.SYNCHRONOUS);
    }

    @Actor
    public void emitter() {
      emitNewer();
    }

    @Actor
    public void subscriber() {
      subscribe();
    }

    @Arbiter
    public void arbiter(I_Result result) {
      outcome(result);
    }
  }

  /** The hub's executor is a thread pool. */
  @JCStressTest
  @State
  public static class HubExecutor extends ReplayBeforeNewer {
    public HubExecutor() {
      super(Mode.HUB_EXECUTOR);
    }

    @Actor
    public void emitter() {
      emitNewer();
    }

    @Actor
    public void subscriber() {
      subscribe();
    }

    @Arbiter
    public void arbiter(I_Result result) {
      outcome(result);
    }
  }

  /** The subscription's own executor is a thread pool. */
  @JCStressTest
  @State
  public static class SubscriptionExecutor extends ReplayBeforeNewer {
    public SubscriptionExecutor() {
      super(Mode.SUBSCRIPTION_EXECUTOR);
    }

    @Actor
    public void emitter() {
      emitNewer();
    }

    @Actor
    public void subscriber() {
      subscribe();
    }

    @Arbiter
    public void arbiter(I_Result result) {
      outcome(result);
    }
  }
}
