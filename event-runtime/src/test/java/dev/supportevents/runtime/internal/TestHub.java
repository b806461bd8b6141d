package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

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

  /** An executor that runs tasks only when the test drains it, in submission order. */
  static class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    int pending() {
      return tasks.size();
    }

    void runAll() {
      for (Runnable task; (task = tasks.poll()) != null; ) {
        task.run();
      }
    }
  }
}
