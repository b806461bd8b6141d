package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** What a generated hub holds: one delivery and one listener list per event type. */
final class TestHub {

  final Delivery delivery;
  final Listeners<Ping> pings;
  final Listeners<Pong> pongs;

  TestHub(Delivery.Builder builder) {
    delivery = builder.build();
    pings = delivery.listeners(Type.PING);
    pongs = delivery.listeners(Type.PONG);
  }

  TestHub() {
    this(Delivery.builder());
  }

  /**
   * An executor that runs tasks only when the test says so, in submission order: one with {@link
   * #runNext()}, or all, those they queue included, with {@link #runAll()}. Once shut down, it
   * refuses new tasks and still runs those it holds; it has terminated once none is left to run or
   * running. Safe to submit to from any thread.
   */
  static class ManualExecutor extends AbstractExecutorService {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean shutDown;
    private boolean running;

    @Override
    public synchronized void execute(Runnable task) {
      if (shutDown) {
        throw new RejectedExecutionException("shut down");
      }
      tasks.add(task);
    }

    synchronized int pending() {
      return tasks.size();
    }

    /** Runs the oldest task; there must be one. */
    void runNext() {
      Runnable task;
      synchronized (this) {
        task = tasks.remove();
        running = true;
      }
      try {
        task.run();
      } finally {
        synchronized (this) {
          running = false;
        }
      }
    }

    void runAll() {
      while (pending() > 0) {
        runNext();
      }
    }

    @Override
    public synchronized void shutdown() {
      shutDown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
      shutDown = true;
      List<Runnable> dropped = new ArrayList<>(tasks);
      tasks.clear();
      return dropped;
    }

    @Override
    public synchronized boolean isShutdown() {
      return shutDown;
    }

    @Override
    public synchronized boolean isTerminated() {
      return shutDown && tasks.isEmpty() && !running;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return isTerminated();
    }
  }
}
