package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The queue of a subscription on an executor: one task delivers at most 256 events before it hands
 * its thread back, what an executor refuses is reported in order, and {@code awaitDelivered} waits
 * only for what is still to be delivered.
 */
class ExecutorQueueTest {

  private final List<Integer> received = new ArrayList<>();
  private final List<ListenerFailure> failures = new ArrayList<>();
  private final TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
  private final TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));

  @Test
  void oneTaskDeliversAtMost256EventsThenQueuesItselfAgainForTheRest() {
    hub.pings.subscribe(ping -> received.add(ping.number()), executor);
    emit(300);

    executor.runNext();
    assertEquals(256, received.size());
    assertEquals(1, executor.pending(), "the rest waits for a task of its own");

    executor.runNext();
    assertEquals(300, received.size());
    assertEquals(0, executor.pending());
    assertEquals(numbers(1, 300), received);
  }

  @Test
  void exactly256QueuedEventsTakeOneTask() {
    hub.pings.subscribe(ping -> received.add(ping.number()), executor);
    emit(256);

    executor.runNext();

    assertEquals(numbers(1, 256), received);
    assertEquals(0, executor.pending());
  }

  @Test
  void whatTheExecutorRefusesAfterABatchIsReportedInOrder() {
    Subscription subscription = hub.pings.subscribe(ping -> received.add(ping.number()), executor);
    emit(300);
    executor.shutdown();

    executor.runNext();

    assertEquals(numbers(1, 256), received);
    assertEquals(44, failures.size());
    for (int i = 0; i < failures.size(); i++) {
      ListenerFailure failure = failures.get(i);
      assertEquals(new Ping(257 + i), failure.event());
      assertEquals(subscription, failure.subscription());
      assertEquals("shut down", failure.failure().getMessage());
    }
    assertEquals(0, executor.pending());
  }

  @Test
  void awaitDeliveredReturnsOnceTheEventsItWaitsForWereReportedAsRefused() throws Exception {
    hub.pings.subscribe(ping -> received.add(ping.number()), executor);
    emit(300);
    CompletableFuture<Boolean> awaited = new CompletableFuture<>();
    Thread waiting =
        new Thread(
            () -> {
              try {
                awaited.complete(hub.delivery.awaitDelivered(Duration.ofSeconds(5)));
              } catch (Throwable thrown) {
                awaited.completeExceptionally(thrown);
              }
            });
    waiting.start();
    // It waits on its latch only once its fence is queued behind the 300 events.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waiting.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    executor.shutdown();

    executor.runNext();

    assertTrue(awaited.get(10, TimeUnit.SECONDS));
    assertEquals(256, received.size());
    assertEquals(44, failures.size());
  }

  @Test
  void awaitDeliveredDoesNotWaitForASubscriptionClosedWithEventsStillQueued() throws Exception {
    Subscription closed = hub.pings.subscribe(ping -> received.add(ping.number()), executor);
    emit(1);
    closed.close();

    assertTrue(hub.delivery.awaitDelivered(Duration.ofMillis(200)));
    assertEquals(1, executor.pending());
    executor.runNext();
    assertEquals(List.of(), received, "the closed subscription's queued event is dropped");
  }

  private void emit(int count) {
    for (int n = 1; n <= count; n++) {
      hub.pings.deliver(new Ping(n));
    }
  }

  private static List<Integer> numbers(int first, int last) {
    List<Integer> numbers = new ArrayList<>();
    for (int n = first; n <= last; n++) {
      numbers.add(n);
    }
    return numbers;
  }
}
