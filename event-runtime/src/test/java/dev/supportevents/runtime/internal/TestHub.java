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
   * An executor that runs tasks only when the test drains it, in submission order. Once shut down,
   * it refuses new tasks and still runs those it holds; it has terminated once none is left to run
   * or running.
   */
  static class ManualExecutor extends AbstractExecutorService {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean shutDown;
    private boolean running;

    @Override
    public void execute(Runnable task) {
      if (shutDown) {
        throw new RejectedExecutionException("shut down");
      }
      tasks.add(task);
    }

    int pending() {
      return tasks.size();
    }

    void runAll() {
      for (Runnable task; (task = tasks.poll()) != null; ) {
        running = true;
        try {
          task.run();
        } finally {
          running = false;
        }
      }
    }

    @Override
    public void shutdown() {
      shutDown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutDown = true;
      List<Runnable> dropped = new ArrayList<>(tasks);
      tasks.clear();
      return dropped;
    }

    @Override
    public boolean isShutdown() {
      return shutDown;
    }

    @Override
    public boolean isTerminated() {
      return shutDown && tasks.isEmpty() && !running;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return isTerminated();
    }
  }
}
