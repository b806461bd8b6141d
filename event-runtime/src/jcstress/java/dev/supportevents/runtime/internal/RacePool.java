package dev.supportevents.runtime.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real thread pool of four threads, shared by every state of a race test, and the per-state views
 * of it that the tests hand to a hub as its executor or to a subscription as its own.
 *
 * <p>A state's arbiter runs once its actors have returned, while the pool may still be running that
 * state's deliveries: it first waits, with a bound, until every task the state's view accepted has
 * finished, tasks submitted by those tasks included. A delivery still unfinished after {@link
 * #IDLE_TIMEOUT_SECONDS} is an outcome of its own, which every test forbids.
 */
final class RacePool {

  /** How long an arbiter waits for a state's deliveries: far beyond any delivery of one event. */
  static final long IDLE_TIMEOUT_SECONDS = 10;

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          4,
          task -> {
            Thread thread = new Thread(task, "race-pool");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Whether the task running on this pool thread started after its view was {@link View#mark}ed.
   */
  private static final ThreadLocal<Boolean> STARTED_AFTER_MARK =
      ThreadLocal.withInitial(() -> Boolean.FALSE);

  private RacePool() {}

  /**
   * Tells whether the pool task that runs the caller started after its view was marked: a listener
   * calls it to learn whether it is run by a task that began after, say, its subscription's {@code
   * close()} returned.
   *
   * @return {@code true} only on a pool thread, in a task that started after the mark
   */
  static boolean inTaskStartedAfterMark() {
    return STARTED_AFTER_MARK.get();
  }

  /** One state's view of the pool: counts the tasks it accepted that have not finished yet. */
  static final class View implements Executor {

    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean marked;

    @Override
    public void execute(Runnable task) {
      unfinished.incrementAndGet();
      POOL.execute(
          () -> {
            STARTED_AFTER_MARK.set(marked);
            try {
              task.run();
            } finally {
              STARTED_AFTER_MARK.set(Boolean.FALSE);
              unfinished.decrementAndGet();
            }
          });
    }

    /** Marks the moment after which {@link #inTaskStartedAfterMark()} holds for new tasks. */
    void mark() {
      marked = true;
    }

    /**
     * Waits until every task this view accepted has finished.
     *
     * @return {@code false} if some were still unfinished after {@link #IDLE_TIMEOUT_SECONDS}
     */
    boolean awaitIdle() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(IDLE_TIMEOUT_SECONDS);
      while (unfinished.get() != 0) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        Thread.yield();
      }
      return true;
    }
  }
}
