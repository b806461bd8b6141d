package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestHub.ManualExecutor;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

    Subscription subscription = kept.subscribe(ping -> calls.add("ui " + ping.number()), task -> {
      if (shutDown[0]) {
        throw refused;
      }
      ui.execute(task);
    });
    shutDown[0] = false;
    kept.deliver(new Ping(2));
    ui.runAll();

    assertEquals(List.of(new ListenerFailure(Type.PING, new Ping(1), subscription, refused)),
        failures);
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

    delivery.subscribe(registration -> registration
        .listen(pings, ping -> calls.add("ping " + ping.number()))
        .listen(pongs, pong -> calls.add("pong " + pong.text())));

    assertEquals(List.of("ping 5"), calls);
  }

  @Test
  void listsThatDoNotKeepTheirLatestEventSaySoWhenAsked() {
    Listeners<Ping> plain = delivery.listeners(Type.PING);

    IllegalStateException thrown = assertThrows(IllegalStateException.class, plain::latest);

    assertEquals("Events of ping are not kept: declare them with replayLatest = true",
        thrown.getMessage());
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
    Delivery propagating = Delivery.builder()
        .failurePolicy(FailurePolicy.PROPAGATE)
        .failureHandler(failures::add)
        .build();
    Listeners<Ping> kept = propagating.listenersReplayingLatest(Type.PING);
    kept.deliver(new Ping(1));
    RuntimeException boom = new IllegalStateException("boom");

    Subscription subscription = kept.subscribe(ping -> {
      throw boom;
    });

    assertTrue(subscription.isActive());
    assertEquals(List.of(new ListenerFailure(Type.PING, new Ping(1), subscription, boom)),
        failures);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aListenerSubscribingWhileEventsFlowGetsTheLatestAndEveryLaterEventExactlyOnce()
      throws Exception {
    int atLeast = 200_000;
    List<List<Integer>> received = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    // Emits until the subscriber has subscribed a few times, however late its thread starts.
    Future<Integer> emitter = threads.submit(() -> {
      int n = 0;
      while (n < atLeast || received.size() < 10) {
        pings.deliver(new Ping(++n));
      }
      return n;
    });
    try {
      Future<?> subscriber = threads.submit(() -> {
        while (!emitter.isDone() && received.size() < 100) {
          // Written by the emitting thread and, for the replay, by this one.
          List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
          received.add(numbers);
          pings.subscribe(ping -> numbers.add(ping.number()));
          Thread.yield();
        }
      });
      subscriber.get(15, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    int events = emitter.get(5, TimeUnit.SECONDS);

    assertTrue(received.size() > 1, "no subscription happened while events flowed");
    for (List<Integer> numbers : received) {
      if (numbers.isEmpty()) {
        continue; // subscribed before the first event
      }
      List<Integer> sorted = numbers.stream().sorted().toList();
      int first = sorted.get(0);
      for (int i = 0; i < sorted.size(); i++) {
        assertEquals(first + i, sorted.get(i), "a gap or a duplicate in " + first + ".." + events);
      }
      assertEquals(events, sorted.get(sorted.size() - 1));
    }
  }
}
