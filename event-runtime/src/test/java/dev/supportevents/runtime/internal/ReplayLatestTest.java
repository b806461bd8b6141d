package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.SubscriptionOverflowException;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import dev.supportevents.runtime.internal.TestHub.ManualExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplayLatestTest {

  private final List<String> calls = new ArrayList<>();
  private final Delivery delivery = Delivery.builder().build();
  private final Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);

  @Test
  void aNewListenerReceivesTheLatestEventAtOnceThenLaterOnes() {
    pings.deliver(new Ping(1));
    pings.deliver(new Ping(2));

    pings.subscribe(ping -> calls.add("late " + ping.number()));
    assertEquals(List.of("late 2"), calls);

    pings.deliver(new Ping(3));
    assertEquals(List.of("late 2", "late 3"), calls);
    assertEquals(Optional.of(new Ping(3)), pings.latest());
  }

  @Test
  void aReplayTheExecutorRefusesIsReportedAndTheSubscriptionStillWorks() {
    List<ListenerFailure> failures = new ArrayList<>();
    Delivery reporting = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> kept = reporting.listenersReplayingLatest(Type.PING);
    ManualExecutor ui = new ManualExecutor();
    boolean[] shutDown = {true};
    RejectedExecutionException refused = new RejectedExecutionException("not started");
    kept.deliver(new Ping(1));

    Subscription subscription =
        kept.subscribe(
            ping -> calls.add("ui " + ping.number()),
            task -> {
              if (shutDown[0]) {
                throw refused;
              }
              ui.execute(task);
            });
    shutDown[0] = false;
    kept.deliver(new Ping(2));
    ui.runAll();

    assertEquals(
        List.of(new ListenerFailure(Type.PING, new Ping(1), subscription, refused)), failures);
    assertEquals(List.of("ui 2"), calls);
  }

  @Test
  void nothingIsReplayedBeforeTheFirstEvent() {
    pings.subscribe(ping -> calls.add("got " + ping.number()));

    assertEquals(List.of(), calls);
    assertEquals(Optional.empty(), pings.latest());
  }

  @Test
  void aGroupSubscriptionReplaysOnlyTheListsThatKeepTheirLatestEvent() {
    Listeners<TestEvents.Pong> pongs = delivery.listeners(Type.PONG);
    pings.deliver(new Ping(5));
    pongs.deliver(new TestEvents.Pong("not kept"));

    delivery.subscribe(
        registration ->
            registration
                .listen(pings, ping -> calls.add("ping " + ping.number()))
                .listen(pongs, pong -> calls.add("pong " + pong.text())));

    assertEquals(List.of("ping 5"), calls);
  }

  @Test
  void listsThatDoNotKeepTheirLatestEventSaySoWhenAsked() {
    Listeners<Ping> plain = delivery.listeners(Type.PING);

    IllegalStateException thrown = assertThrows(IllegalStateException.class, plain::latest);

    assertEquals(
        "Events of ping are not kept: declare them with replayLatest = true", thrown.getMessage());
  }

  @Test
  void theReplayRunsOnTheSubscriptionsOwnExecutor() {
    ManualExecutor ui = new ManualExecutor();
    pings.deliver(new Ping(1));

    pings.subscribe(ping -> calls.add("ui " + ping.number()), ui);
    assertEquals(List.of(), calls);

    ui.runAll();
    assertEquals(List.of("ui 1"), calls);
  }

  @Test
  void aFailingReplayIsReportedEvenWhenFailuresPropagate() {
    List<ListenerFailure> failures = new ArrayList<>();
    Delivery propagating =
        Delivery.builder()
            .failurePolicy(FailurePolicy.PROPAGATE)
            .failureHandler(failures::add)
            .build();
    Listeners<Ping> kept = propagating.listenersReplayingLatest(Type.PING);
    kept.deliver(new Ping(1));
    RuntimeException boom = new IllegalStateException("boom");

    Subscription subscription =
        kept.subscribe(
            ping -> {
              throw boom;
            });

    assertTrue(subscription.isActive());
    assertEquals(
        List.of(new ListenerFailure(Type.PING, new Ping(1), subscription, boom)), failures);
  }

  @Test
  @Timeout(value = 40, unit = TimeUnit.SECONDS)
  void aListenerSubscribingWhileEventsFlowGetsTheLatestAndEveryLaterEventExactlyOnce()
      throws Exception {
    int atLeast = 200_000;
    // The gate holds at most the queue's capacity while the replay runs; an emitter that outruns
    // the subscribing thread gets the newest events reported instead, each exactly once. A small
    // capacity makes that likely here.
    Queue<ListenerFailure> reported = new ConcurrentLinkedQueue<>();
    Listeners<Ping> flowing =
        Delivery.builder()
            .queueCapacity(256)
            .failureHandler(reported::add)
            .build()
            .listenersReplayingLatest(Type.PING);
    record Received(List<Integer> numbers, Subscription subscription) {}
    List<Received> received = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    // Emits until a listener subscribed while events flowed has received one after its replay,
    // however late the subscribing thread starts, then stops on its own: a subscriber's replay
    // runs the events held back meanwhile on its thread, and only ends once emits pause.
    Future<Integer> emitter =
        threads.submit(
            () -> {
              int n = 0;
              while (n < atLeast || received.stream().noneMatch(r -> r.numbers().size() > 1)) {
                flowing.deliver(new Ping(++n));
              }
              for (int i = 0; i < 10_000; i++) {
                flowing.deliver(new Ping(++n));
              }
              return n;
            });
    try {
      Future<?> subscriber =
          threads.submit(
              () -> {
                while (!emitter.isDone() && received.size() < 20) {
                  // Written by the emitting thread and, for the replay, by this one.
                  List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
                  Subscription subscription = flowing.subscribe(ping -> numbers.add(ping.number()));
                  received.add(new Received(numbers, subscription));
                  Thread.yield();
                }
              });
      subscriber.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    int events = emitter.get(5, TimeUnit.SECONDS);

    for (Received one : received) {
      List<Integer> numbers = new ArrayList<>(one.numbers());
      for (ListenerFailure failure : reported) {
        assertInstanceOf(SubscriptionOverflowException.class, failure.failure());
        if (failure.subscription() == one.subscription()) {
          numbers.add(((Ping) failure.event()).number());
        }
      }
      List<Integer> sorted = numbers.stream().sorted().toList();
      int first = sorted.get(0);
      for (int i = 0; i < sorted.size(); i++) {
        assertEquals(
            first + i,
            sorted.get(i),
            "a gap or a duplicate in " + first + ".." + events + ", delivered or reported");
      }
      assertEquals(events, sorted.get(sorted.size() - 1));
    }
    assertTrue(
        received.stream().anyMatch(r -> r.numbers().size() > 1),
        "no subscription happened while events flowed");
  }

  @Test
  @Timeout(value = 40, unit = TimeUnit.SECONDS)
  void aReplayThatTakesLongGetsEveryEventEmittedMeanwhileInOrderOnceEmitsPause() throws Exception {
    int events = 300_000;
    int heldBack = 50_000;
    pings.deliver(new Ping(1));
    // Written by this thread during the replay, then by the emitting one.
    List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch replaying = new CountDownLatch(1);
      Future<?> emits =
          other.submit(
              () -> {
                await(replaying);
                for (int n = 2; n <= events; n++) {
                  pings.deliver(new Ping(n));
                }
                return null;
              });

      // The replay holds its thread until the other one has emitted many events, all held back
      // by a gate that holds them all: this is about order, not about a replay falling behind.
      pings.subscribe(
          ping -> {
            numbers.add(ping.number());
            if (ping.number() == 1) {
              replaying.countDown();
              while (pings.latest().orElseThrow().number() < heldBack) {
                Thread.onSpinWait();
              }
            }
          },
          SubscriptionOptions.defaults().queueCapacity(SubscriptionOptions.MAX_QUEUE_CAPACITY));
      emits.get(30, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }

    for (int i = 0; i < numbers.size(); i++) {
      assertEquals(i + 1, numbers.get(i), "out of order, repeated or lost");
    }
    assertEquals(events, numbers.size());
  }

  @Test
  void aForgottenEventIsReplayedToNobodyUntilTheNextOne() {
    pings.deliver(new Ping(1));

    pings.forgetLatest();
    pings.subscribe(ping -> calls.add("after forget " + ping.number()));
    assertEquals(List.of(), calls);
    assertEquals(Optional.empty(), pings.latest());

    pings.deliver(new Ping(2));
    pings.subscribe(ping -> calls.add("later " + ping.number()));
    assertEquals(List.of("after forget 2", "later 2"), calls);
  }

  @Test
  void onlyListsThatKeepTheirLatestEventForgetIt() {
    Listeners<Ping> plain = delivery.listeners(Type.PING);

    assertThrows(IllegalStateException.class, plain::forgetLatest);
  }

  @Test
  void theReplayComesBeforeEveryEventQueuedOnTheSubscriptionsExecutorAfterIt() {
    ManualExecutor ui = new ManualExecutor();
    pings.deliver(new Ping(1));

    pings.subscribe(ping -> calls.add("ui " + ping.number()), ui);
    pings.deliver(new Ping(2));
    pings.deliver(new Ping(3));
    ui.runAll();

    assertEquals(List.of("ui 1", "ui 2", "ui 3"), calls);
  }

  @Test
  void anEventEmittedWhileASynchronousReplayRunsReachesThatListenerRightAfterTheReplay()
      throws Exception {
    pings.deliver(new Ping(1));
    CountDownLatch replaying = new CountDownLatch(1);
    CountDownLatch emitted = new CountDownLatch(1);
    List<Integer> received = Collections.synchronizedList(new ArrayList<>());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> emit =
          other.submit(
              () -> {
                replaying.await();
                pings.deliver(new Ping(2));
                emitted.countDown();
                return null;
              });

      pings.subscribe(
          ping -> {
            received.add(ping.number());
            if (ping.number() == 1) {
              replaying.countDown();
              await(emitted);
            }
          });
      emit.get(10, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }

    assertEquals(List.of(1, 2), received, "the replay first, then the newer event, once each");
    pings.deliver(new Ping(3));
    assertEquals(List.of(1, 2, 3), received);
  }

  @Test
  void aSubscriptionMadeInsideAListenerIsReplayedAfterTheCurrentEventReachedEveryListener() {
    pings.deliver(new Ping(1));
    pings.subscribe(
        ping -> {
          calls.add("first " + ping.number());
          if (ping.number() == 2) {
            pings.subscribe(late -> calls.add("late " + late.number()));
            calls.add("subscribed");
          }
        });
    pings.subscribe(ping -> calls.add("second " + ping.number()));

    pings.deliver(new Ping(2));

    assertEquals(
        List.of("first 1", "second 1", "first 2", "subscribed", "second 2", "late 2"), calls);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void onAPoolTheReplayIsNeverOlderThanAnEventBeforeItAndComesExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Delivery pooled = Delivery.builder().executor(pool).build();
    Listeners<Ping> kept = pooled.listenersReplayingLatest(Type.PING);
    List<List<Integer>> received = new CopyOnWriteArrayList<>();
    ExecutorService emitter = Executors.newSingleThreadExecutor();
    try {
      Future<?> emitting =
          emitter.submit(
              () -> {
                for (int n = 1; n <= 50_000 && received.size() < 50; n++) {
                  kept.deliver(new Ping(n));
                }
              });
      while (!emitting.isDone() && received.size() < 50) {
        List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
        received.add(numbers);
        kept.subscribe(ping -> numbers.add(ping.number()));
        Thread.yield();
      }
      emitting.get(30, TimeUnit.SECONDS);
      assertTrue(pooled.awaitDelivered(Duration.ofSeconds(30)));
    } finally {
      emitter.shutdownNow();
      pool.shutdownNow();
    }

    for (List<Integer> numbers : received) {
      for (int i = 1; i < numbers.size(); i++) {
        assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "out of order or repeated");
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException interrupted) {
      throw new AssertionError(interrupted);
    }
  }
}
