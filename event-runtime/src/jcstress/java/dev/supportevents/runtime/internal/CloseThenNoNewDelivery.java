package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.RaceHub.Mode;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Once {@code Subscription.close()} has returned, no new delivery to its listener starts. One actor
 * closes the subscription; the other emits two events, each tagged with whether the emitter had
 * already seen {@code close()} return. A delivery is new when its emit began after {@code close()}
 * returned or, with an executor, when the pool task that runs it did; a delivery already under way
 * when {@code close()} returns may still reach the listener.
 *
 * <p>Outcome: deliveries that were under way when {@code close()} returned, deliveries that were
 * new. {@code -1, -1}: a delivery failed or did not finish.
 */
@Outcome(
    id = {"0, 0", "1, 0", "2, 0"},
    expect = ACCEPTABLE,
    desc = "Only events whose delivery began before close() returned reached the listener.")
@Outcome(
    id = ".*",
    expect = FORBIDDEN,
    desc = "A delivery that began after close() returned reached the listener, or failed.")
public class CloseThenNoNewDelivery {

  private static final int EMITTED_BEFORE_CLOSE_RETURNED = 1;
  private static final int EMITTED_AFTER_CLOSE_RETURNED = 2;

  private final RaceHub hub;
  private final Listeners<Ping> pings;
  private final Subscription subscription;
  private final AtomicInteger underWay = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private volatile boolean closeReturned;

  CloseThenNoNewDelivery(Mode mode) {
    hub = new RaceHub(mode);
    pings = hub.delivery.listeners(Type.PING);
    subscription = hub.subscribe(pings, this::receive);
  }

  void emitTwice() {
    emit();
    emit();
  }

  void close() {
    subscription.close();
    closeReturned = true;
    hub.pool.mark();
  }

  void outcome(II_Result result) {
    if (!hub.settled()) {
      result.r1 = -1;
      result.r2 = -1;
      return;
    }
    result.r1 = underWay.get();
    result.r2 = started.get();
  }

  private void emit() {
    pings.deliver(
        new Ping(closeReturned ? EMITTED_AFTER_CLOSE_RETURNED : EMITTED_BEFORE_CLOSE_RETURNED));
  }

  private void receive(Ping ping) {
    if (ping.number() == EMITTED_AFTER_CLOSE_RETURNED || RacePool.inTaskStartedAfterMark()) {
      started.incrementAndGet();
    } else {
      underWay.incrementAndGet();
    }
  }

  /** Listeners run on the emitting thread. */
  @JCStressTest
  @State
  public static class Synchronous extends CloseThenNoNewDelivery {
    public Synchronous() {
      super(Mode.SYNCHRONOUS);
    }

    @Actor
    public void emitter() {
      emitTwice();
    }

    @Actor
    public void closer() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result result) {
      outcome(result);
    }
  }

  /** The hub's executor is a thread pool. */
  @JCStressTest
  @State
  public static class HubExecutor extends CloseThenNoNewDelivery {
    public HubExecutor() {
      super(Mode.HUB_EXECUTOR);
    }

    @Actor
    public void emitter() {
      emitTwice();
    }

    @Actor
    public void closer() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result result) {
      outcome(result);
    }
  }

  /** The subscription's own executor is a thread pool. */
  @JCStressTest
  @State
  public static class SubscriptionExecutor extends CloseThenNoNewDelivery {
    public SubscriptionExecutor() {
      super(Mode.SUBSCRIPTION_EXECUTOR);
    }

    @Actor
    public void emitter() {
      emitTwice();
    }

    @Actor
    public void closer() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result result) {
      outcome(result);
    }
  }
}
