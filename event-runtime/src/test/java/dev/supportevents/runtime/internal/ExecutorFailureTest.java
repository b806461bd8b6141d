package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.SubscriptionOverflowException;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * No silent death on an executor: what a listener throws is reported and delivery goes on, a
 * refusal of the executor is reported event by event and retried, a terminated executor's events
 * are reported, and a subscription stuck behind an executor that drops tasks can be seen.
 */
class ExecutorFailureTest {

  private final List<ListenerFailure> failures = new ArrayList<>();
  private final AtomicInteger delivered = new AtomicInteger();

  private TestHub hub(Executor executor) {
    return new TestHub(
        Delivery.builder()
            .executor(executor)
            .failureHandler(
                failure -> {
                  synchronized (failures) {
                    failures.add(failure);
                  }
                }));
  }

  private int reported() {
    synchronized (failures) {
      return failures.size();
    }
  }

  @Test
  void aStackOverflowInAListenerOnAPoolIsReportedAndTheOther1999EventsAreDelivered()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      TestHub hub = hub(pool);
      Subscription subscription =
          hub.pings.subscribe(
              ping -> {
                if (ping.number() == 10) {
                  recurse(0);
                }
                delivered.incrementAndGet();
              });
      for (int i = 1; i <= 2000; i++) {
        hub.pings.deliver(new Ping(i));
      }

      assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(30)));
      assertEquals(1999, delivered.get());
      assertEquals(1, reported());
      assertInstanceOf(StackOverflowError.class, failures.get(0).failure());
      assertEquals(new Ping(10), failures.get(0).event());
      assertTrue(subscription.isActive());
    } finally {
      pool.shutdownNow();
    }
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void anErrorFromExecuteIsAReportedRefusalThatSkipsNoLaterListener() {
    Error refusal = new Error("no thread");
    AtomicInteger calls = new AtomicInteger();
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    hub.pings.subscribe(
        ping -> delivered.incrementAndGet(),
        SubscriptionOptions.defaults()
            .executor(
                task -> {
                  if (calls.incrementAndGet() == 1) {
                    throw refusal;
                  }
                  task.run();
                }));
    List<Integer> later = new ArrayList<>();
    hub.pings.subscribe(ping -> later.add(ping.number()));

    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of(1, 2), later);
    assertEquals(1, failures.size());
    assertSame(refusal, failures.get(0).failure());
    assertEquals(new Ping(1), failures.get(0).event());
    assertEquals(1, delivered.get(), "the next emit tries the executor again");
  }

  @Test
  void sixTransientRefusalsReportSixOf200000Events() {
    Set<Integer> refusing = Set.of(10, 20_000, 50_000, 90_000, 150_000, 199_999);
    AtomicInteger calls = new AtomicInteger();
    TestHub hub =
        hub(
            task -> {
              if (refusing.contains(calls.incrementAndGet())) {
                throw new RejectedExecutionException("busy");
              }
              task.run();
            });
    hub.pings.subscribe(ping -> delivered.incrementAndGet());
    for (int i = 1; i <= 200_000; i++) {
      hub.pings.deliver(new Ping(i));
    }

    assertEquals(6, reported());
    assertEquals(199_994, delivered.get());
    assertEquals("busy", failures.get(0).failure().getMessage());
  }

  @Test
  void sixTransientRefusalsOfTheRequeueBehindABacklogOf200000EventsReportNone() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try {
      TestHub hub =
          new TestHub(
              Delivery.builder()
                  .executor(
                      task -> {
                        // Calls 2 to 7 are the task's requeues after each of its first batches.
                        int call = calls.incrementAndGet();
                        if (call >= 2 && call <= 7) {
                          refused.incrementAndGet();
                          throw new RejectedExecutionException("busy");
                        }
                        pool.execute(task);
                      })
                  .queueCapacity(200_000)
                  .failureHandler(failures::add));
      CountDownLatch emitted = new CountDownLatch(1);
      hub.pings.subscribe(countingOnceReleased(emitted));
      for (int i = 1; i <= 200_000; i++) {
        hub.pings.deliver(new Ping(i));
      }
      emitted.countDown();

      assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(30)));
      assertEquals(0, reported());
      assertEquals(200_000, delivered.get());
      assertEquals(6, refused.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aShutDownPoolsRefusalOfTheRequeueReportsTheEventsStillQueued() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    TestHub hub = hub(pool);
    CountDownLatch shutDown = new CountDownLatch(1);
    hub.pings.subscribe(countingOnceReleased(shutDown));
    for (int i = 1; i <= 1_000; i++) {
      hub.pings.deliver(new Ping(i));
    }
    pool.shutdown();
    shutDown.countDown();

    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    // The task asks for its thread again after the take that passes 256 events.
    int handedOver = delivered.get();
    assertTrue(handedOver >= 256 && handedOver < 256 + Mailbox.TAKE, handedOver + " delivered");
    assertEquals(1_000 - handedOver, reported());
    assertEquals(new Ping(handedOver + 1), failures.get(0).event());
    assertEquals(new Ping(1_000), failures.get(reported() - 1).event());
    for (ListenerFailure failure : failures) {
      assertInstanceOf(RejectedExecutionException.class, failure.failure());
    }
  }

  /** Counts each event delivered; waits at the first for {@code released}, so a backlog builds. */
  private Consumer<Ping> countingOnceReleased(CountDownLatch released) {
    return ping -> {
      if (ping.number() == 1) {
        Latches.await(released);
      }
      delivered.incrementAndGet();
    };
  }

  @Test
  void shutdownNowReportsThe20000QueuedEventsAndEveryLaterOne() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch blocking = new CountDownLatch(1);
    pool.execute(
        () -> {
          blocking.countDown();
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException expected) {
            Thread.currentThread().interrupt();
          }
        });
    Latches.await(blocking);
    TestHub hub = hub(pool);
    hub.pings.subscribe(ping -> delivered.incrementAndGet());
    for (int i = 1; i <= 20_000; i++) {
      hub.pings.deliver(new Ping(i));
    }

    assertEquals(1, pool.shutdownNow().size(), "the subscription's task was dropped");
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(30)));
    assertEquals(20_000, reported());
    hub.pings.deliver(new Ping(20_001));

    assertEquals(20_001, reported());
    assertEquals(0, delivered.get());
    assertInstanceOf(RejectedExecutionException.class, failures.get(20_000).failure());
  }

  @Test
  void aSubscriptionBehindAnExecutorThatDiscardsTasksCanBeSeen() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ThreadPoolExecutor discarding =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1),
            new ThreadPoolExecutor.DiscardPolicy());
    try {
      discarding.execute(() -> Latches.await(release));
      discarding.execute(() -> {});
      TestHub hub =
          new TestHub(
              Delivery.builder()
                  .executor(discarding)
                  .queueCapacity(100)
                  .failureHandler(failures::add));
      Subscription subscription = hub.pings.subscribe(ping -> delivered.incrementAndGet());
      for (int i = 1; i <= 150; i++) {
        hub.pings.deliver(new Ping(i));
      }

      assertEquals(100, subscription.queuedEvents());
      assertEquals(50, failures.size(), "each event beyond the capacity is reported");
      assertFalse(hub.delivery.awaitDelivered(Duration.ofMillis(50)));
      assertEquals(0, delivered.get());
    } finally {
      release.countDown();
      discarding.shutdownNow();
    }
  }

  @Test
  void aClosedSubscriptionsQueuedEventsAreDroppedEvenWhenTheExecutorRefuses() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    AtomicInteger calls = new AtomicInteger();
    TestHub hub =
        hub(
            task -> {
              if (calls.incrementAndGet() > 1) {
                throw new RejectedExecutionException("shut down");
              }
              executor.execute(task);
            });
    Subscription subscription = hub.pings.subscribe(ping -> delivered.incrementAndGet());
    for (int i = 1; i <= 300; i++) {
      hub.pings.deliver(new Ping(i));
    }
    subscription.close();
    executor.runAll();

    assertEquals(0, delivered.get());
    assertEquals(0, reported(), "the 44 events after the first batch were dropped");
  }

  @Test
  void aVirtualMachineErrorOfAListenerLeavesTheRestQueuedForTheNextTask() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    TestHub hub = hub(executor);
    OutOfMemoryError fatal = new OutOfMemoryError("a listener's own");
    List<Integer> received = new ArrayList<>();
    Subscription subscription =
        hub.pings.subscribe(
            ping -> {
              received.add(ping.number());
              if (ping.number() == 2) {
                // The ring, emptied by the task, fills up again behind its back.
                for (int i = 17; i <= 32; i++) {
                  emitFromAnotherThread(hub, i);
                }
                throw fatal;
              }
            });
    // 16 events, the ring's first array: the task takes them all, and the ring starts over.
    for (int i = 1; i <= 16; i++) {
      hub.pings.deliver(new Ping(i));
    }

    assertSame(fatal, assertThrows(OutOfMemoryError.class, executor::runAll));
    assertEquals(30, subscription.queuedEvents());
    assertEquals(1, executor.pending(), "a new task takes the rest");
    executor.runAll();

    assertEquals(IntStream.rangeClosed(1, 32).boxed().toList(), received);
    assertEquals(0, reported());
  }

  @Test
  void eventsEmittedAfterTheRestWasPutBackGrowTheRingAndOverwriteNoEvent() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    TestHub hub = hub(executor);
    List<Integer> received = new ArrayList<>();
    hub.pings.subscribe(failOnSecondAfterRefilling(hub, received));
    emitUntilPutBack(hub, executor);

    // 30 events are back in a ring of 32; the emitter last saw the head where the task had left
    // it, 14 events further on, before the events were put back.
    for (int i = 33; i <= 35; i++) {
      hub.pings.deliver(new Ping(i));
    }
    executor.runAll();

    assertEquals(IntStream.rangeClosed(1, 35).boxed().toList(), received);
    assertEquals(0, reported());
  }

  @Test
  void aQueueFullAgainOnceTheRestWasPutBackRefusesTheNextEvent() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    TestHub hub = hub(executor);
    List<Integer> received = new ArrayList<>();
    Subscription subscription =
        hub.pings.subscribe(
            failOnSecondAfterRefilling(hub, received),
            SubscriptionOptions.defaults().queueCapacity(30));
    emitUntilPutBack(hub, executor);
    assertEquals(30, subscription.queuedEvents());

    hub.pings.deliver(new Ping(33));

    assertEquals(1, reported());
    assertEquals(new Ping(33), failures.get(0).event());
    assertInstanceOf(SubscriptionOverflowException.class, failures.get(0).failure());
    executor.runAll();
    assertEquals(IntStream.rangeClosed(1, 32).boxed().toList(), received);
  }

  /**
   * Emits 16 events, the ring's first array, and runs the task, which takes them all and puts back
   * those after the second when {@link #failOnSecondAfterRefilling} throws.
   */
  private static void emitUntilPutBack(TestHub hub, TestHub.ManualExecutor executor) {
    for (int i = 1; i <= 16; i++) {
      hub.pings.deliver(new Ping(i));
    }
    assertThrows(OutOfMemoryError.class, executor::runAll);
  }

  /**
   * A listener that records each event and, at the second, emits the events from 17 to 32 from
   * another thread into the ring the task has just emptied, then throws an {@code
   * OutOfMemoryError}, so that the task puts the rest of what it took back.
   */
  private static Consumer<Ping> failOnSecondAfterRefilling(TestHub hub, List<Integer> received) {
    return ping -> {
      received.add(ping.number());
      if (ping.number() == 2) {
        for (int i = 17; i <= 32; i++) {
          emitFromAnotherThread(hub, i);
        }
        throw new OutOfMemoryError("a listener's own");
      }
    };
  }

  @Test
  void anEventQueuedWhileARefusalIsReportedIsHandedToTheExecutorAgain() {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> received = new ArrayList<>();
    TestHub[] hub = new TestHub[1];
    hub[0] =
        new TestHub(
            Delivery.builder()
                .executor(
                    task -> {
                      if (calls.incrementAndGet() == 1) {
                        throw new RejectedExecutionException("once");
                      }
                      task.run();
                    })
                .failureHandler(
                    failure -> {
                      failures.add(failure);
                      emitFromAnotherThread(hub[0], 2);
                    }));
    hub[0].pings.subscribe(ping -> received.add(ping.number()));
    hub[0].pings.deliver(new Ping(1));

    assertEquals(List.of(2), received);
    assertEquals(1, reported());
    assertEquals(new Ping(1), failures.get(0).event());
  }

  @Test
  void anEventTheFailureHandlerEmitsOnTheTasksThreadWhileARequeueIsRefusedIsReportedToo() {
    List<Integer> received =
        refuseTheRequeueAndEmit301WhenEvent300IsReported(hub -> hub.pings.deliver(new Ping(301)));

    assertEquals(256, received.size());
    assertEquals(45, reported());
    assertEquals(new Ping(301), failures.get(44).event());
  }

  @Test
  void anEventQueuedWhileARefusedRequeueIsReportedIsHandedToTheExecutorAgain() {
    List<Integer> received =
        refuseTheRequeueAndEmit301WhenEvent300IsReported(hub -> emitFromAnotherThread(hub, 301));

    assertEquals(256, received.size());
    assertEquals(45, reported());
    assertEquals(new Ping(301), failures.get(44).event());
  }

  /**
   * Emits 300 events to a subscription on an executor that is shut down while its first task runs,
   * so that it refuses the requeue after a batch of 256 and events 257 to 300 are reported; the
   * failure handler emits event 301 with {@code emit} when it is told of event 300. The executor
   * has not terminated while the task reports, so only the task itself can find event 301: it hands
   * it to the executor, which refuses it too.
   *
   * @return the events the listener received
   */
  private List<Integer> refuseTheRequeueAndEmit301WhenEvent300IsReported(Consumer<TestHub> emit) {
    TestHub.ManualExecutor later = new TestHub.ManualExecutor();
    List<Integer> received = new ArrayList<>();
    TestHub[] hub = new TestHub[1];
    hub[0] =
        new TestHub(
            Delivery.builder()
                .executor(later)
                .failureHandler(
                    failure -> {
                      failures.add(failure);
                      if (((Ping) failure.event()).number() == 300) {
                        emit.accept(hub[0]);
                      }
                    }));
    hub[0].pings.subscribe(
        ping -> {
          if (ping.number() == 1) {
            later.shutdown();
          }
          received.add(ping.number());
        });
    for (int i = 1; i <= 300; i++) {
      hub[0].pings.deliver(new Ping(i));
    }
    later.runAll();
    return received;
  }

  /** Emits from a thread that is not delivering, as another emitter would, and waits for it. */
  private static void emitFromAnotherThread(TestHub hub, int number) {
    Thread emitter = new Thread(() -> hub.pings.deliver(new Ping(number)));
    emitter.start();
    try {
      emitter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void aStackOverflowInAReplayIsReportedAndSubscribeReturns() {
    Delivery delivery = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> kept = delivery.listenersReplayingLatest(Type.PING);
    kept.deliver(new Ping(1));
    Subscription subscription = kept.subscribe(ping -> recurse(0));

    assertTrue(subscription.isActive());
    assertEquals(1, failures.size());
    assertInstanceOf(StackOverflowError.class, failures.get(0).failure());
  }

  /**
   * Subscribing with almost no stack left, at each depth where the overflow strikes inside the hub
   * while it subscribes or replays: each call either returns an active subscription or throws and
   * leaves no listener behind. Before, 72 calls that threw in 5 rounds left a listener subscribed,
   * whose gate then held every later event.
   */
  @Test
  void subscribingWithAlmostNoStackLeftLeavesNoListenerItDidNotReturn() {
    Delivery delivery = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> kept = delivery.listenersReplayingLatest(Type.PING);
    kept.deliver(new Ping(1));
    Consumer<Ping> listener = ping -> delivered.incrementAndGet();
    // Once with stack to spare, replay, report and close included: a class first initialized, or
    // a lambda first linked, where the stack overflows stays broken for the whole JVM.
    kept.subscribe(
            ping -> {
              throw new IllegalStateException("warming up");
            })
        .close();
    kept.subscribe(listener).close();
    Subscription[] returned = new Subscription[5];
    for (int round = 0; round < returned.length; round++) {
      int slot = round;
      atTheStackEdge(() -> returned[slot] = kept.subscribe(listener));
    }

    assertEquals(returned.length, kept.listenerCount());
    assertEquals(returned.length, delivery.subscriptionCount());
    for (Subscription subscription : returned) {
      subscription.close();
    }
    assertEquals(0, kept.listenerCount());
    assertEquals(0, delivery.subscriptionCount());
  }

  /**
   * Runs {@code action} with almost no stack left: when it overflows, each frame on the way back
   * runs it again, with a little more stack, until it returns.
   */
  private static void atTheStackEdge(Runnable action) {
    try {
      atTheStackEdge(action);
    } catch (StackOverflowError overflow) {
      action.run();
    }
  }
}
