package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.Subscription;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A hub as one state of a race test builds it, through the entry points generated hubs call, in one
 * of the ways an application runs it: synchronously, with the pool as the hub's executor, or with
 * the pool as each subscription's own executor.
 *
 * <p>Every listener failure and executor refusal is counted: a state whose hub reported one, or
 * whose deliveries did not finish in time, is not {@link #settled()}, and each test forbids the
 * outcome it then records.
 */
final class RaceHub {

  /** Where listeners run. */
  enum Mode {
    /** On the emitting (or subscribing) thread. */
    SYNCHRONOUS,
    /** On the pool, as the hub's executor. */
    HUB_EXECUTOR,
    /** On the pool, as each subscription's own executor; the hub itself is synchronous. */
    SUBSCRIPTION_EXECUTOR
  }

  final Delivery delivery;
  final RacePool.View pool = new RacePool.View();
  private final Mode mode;
  private final AtomicInteger failures = new AtomicInteger();

  RaceHub(Mode mode) {
    this.mode = mode;
    Delivery.Builder builder =
        Delivery.builder().failureHandler(failure -> failures.incrementAndGet());
    if (mode == Mode.HUB_EXECUTOR) {
      builder.executor(pool);
    }
    delivery = builder.build();
  }

  /** Subscribes {@code listener}, on the pool if each subscription has its own executor. */
  <E extends Record> Subscription subscribe(Listeners<E> listeners, Consumer<? super E> listener) {
    return mode == Mode.SUBSCRIPTION_EXECUTOR
        ? listeners.subscribe(listener, pool)
        : listeners.subscribe(listener);
  }

  /**
   * Waits for the deliveries still running on the pool, then tells whether the state can be judged:
   * every delivery finished and none failed.
   *
   * @return {@code false} if a delivery was still unfinished after the bound, or any failed
   */
  boolean settled() {
    return pool.awaitIdle() && failures.get() == 0;
  }

  /** Records the outcome of a state that is not {@link #settled()}: -1 in every field. */
  static void recordUnsettled(III_Result result) {
    result.r1 = -1;
    result.r2 = -1;
    result.r3 = -1;
  }
}
