package dev.supportevents.example;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that only queues tasks; the test runs them by hand, on its own thread. */
final class ManualExecutor implements Executor {

  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(Objects.requireNonNull(task, "task"));
  }

  int pending() {
    return tasks.size();
  }

  /** Runs the queued tasks, and any they queue, in order; returns how many ran. */
  int runAll() {
    int ran = 0;
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
      ran++;
    }
    return ran;
  }
}
