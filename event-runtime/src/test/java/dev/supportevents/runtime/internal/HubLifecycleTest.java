package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import dev.supportevents.runtime.internal.TestHub.ManualExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HubLifecycleTest {

  private final List<String> calls = new ArrayList<>();
  private final List<ListenerFailure> failures = new ArrayList<>();

  @Test
  void closingTheHubEndsEverySubscriptionAndLaterEmitsFailNamingTheHub() {
    TestHub hub = new TestHub(Delivery.builder().name("SupportEvents of com.acme"));
    Subscription ping = hub.pings.subscribe(p -> calls.add("ping"));
    Subscription group =
        hub.delivery.subscribe(
            registration ->
                registration
                    .listen(hub.pings, p -> calls.add("group ping"))
                    .listen(hub.pongs, p -> calls.add("group pong")));

    hub.delivery.close();
    hub.delivery.close();

    assertTrue(hub.delivery.isClosed());
    assertFalse(ping.isActive());
    assertFalse(group.isActive());
    IllegalStateException emit =
        assertThrows(IllegalStateException.class, () -> hub.pings.deliver(new Ping(1)));
    assertEquals(
        "SupportEvents of com.acme is closed: it delivers no more events and takes no"
            + " subscription; create a new hub",
        emit.getMessage());
    assertThrows(IllegalStateException.class, () -> hub.pongs.deliver(new TestEvents.Pong("x")));
    assertThrows(IllegalStateException.class, () -> hub.pings.subscribe(p -> calls.add("late")));
    assertFalse(hub.pings.hasListeners());
    assertEquals(List.of(), calls);
  }

  @Test
  void anEmitOnAClosedHubLeavesTheKeptEventAsItWas() {
    Delivery delivery = Delivery.builder().build();
    Listeners<Ping> kept = delivery.listenersReplayingLatest(Type.PING);
    kept.deliver(new Ping(1));
    delivery.close();

    assertThrows(IllegalStateException.class, () -> kept.deliver(new Ping(2)));

    assertEquals(Optional.of(new Ping(1)), kept.latest());
  }

  @Test
  void eventsQueuedOnAnExecutorWhenTheHubClosesAreStillDelivered() throws Exception {
    ManualExecutor executor = new ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    hub.pings.subscribe(p -> calls.add("hub pool " + p.number()));
    ManualExecutor ui = new ManualExecutor();
    hub.pings.subscribe(p -> calls.add("ui " + p.number()), ui);
    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));

    hub.delivery.close();
    executor.runAll();
    ui.runAll();

    assertEquals(List.of("hub pool 1", "hub pool 2", "ui 1", "ui 2"), calls);
  }

  @Test
  void eventsQueuedWhenTheHubClosesOnAnExecutorThatThenRefusesAreReported() {
    TestHub.ManualExecutor pool = new TestHub.ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add).executor(pool));
    Subscription subscription = hub.pings.subscribe(p -> calls.add("ping " + p.number()));
    for (int n = 1; n <= 300; n++) {
      hub.pings.deliver(new Ping(n));
    }

    hub.delivery.close();
    pool.shutdown();
    pool.runAll(); // delivers one batch, then the executor refuses the rest

    assertEquals(300, calls.size() + failures.size(), "each event delivered or reported");
    assertTrue(calls.size() > 0 && failures.size() > 0, calls.size() + " / " + failures.size());
    ListenerFailure last = failures.get(failures.size() - 1);
    assertEquals(new Ping(300), last.event());
    assertEquals(subscription, last.subscription());
    assertInstanceOf(RejectedExecutionException.class, last.failure());
  }

  @Test
  void closingASubscriptionDropsItsQueuedEventsButTheHubsCloseDoesNot() {
    ManualExecutor executor = new ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    Subscription dropped = hub.pings.subscribe(p -> calls.add("dropped " + p.number()));
    hub.pings.subscribe(p -> calls.add("kept " + p.number()));
    hub.pings.deliver(new Ping(1));

    dropped.close();
    hub.delivery.close();
    executor.runAll();

    assertEquals(List.of("kept 1"), calls);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void awaitDeliveredReturnsOnceEveryEventQueuedBeforeItWasDelivered() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      TestHub hub = new TestHub(Delivery.builder().executor(pool));
      List<Integer> received = new ArrayList<>();
      hub.pings.subscribe(p -> received.add(p.number()));
      hub.pongs.subscribe(p -> {}, pool);
      for (int n = 0; n < 10_000; n++) {
        hub.pings.deliver(new Ping(n));
      }

      assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(20)));
      assertEquals(10_000, received.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void awaitDeliveredGivesUpAfterItsTimeoutWhileAListenerIsStuck() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    try {
      TestHub hub = new TestHub(Delivery.builder().executor(pool));
      hub.pings.subscribe(
          p -> {
            try {
              release.await();
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          });
      hub.pings.deliver(new Ping(1));

      assertFalse(hub.delivery.awaitDelivered(Duration.ofMillis(100)));
      release.countDown();
      assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(20)));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void awaitDeliveredFromAListenerOnTheExecutorWaitsForItsOwnQueueAndTimesOut() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      TestHub hub = new TestHub(Delivery.builder().executor(pool));
      List<Boolean> waited = new java.util.concurrent.CopyOnWriteArrayList<>();
      hub.pings.subscribe(
          p -> {
            try {
              waited.add(hub.delivery.awaitDelivered(Duration.ofMillis(50)));
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          });
      hub.pings.deliver(new Ping(1));
      hub.pings.deliver(new Ping(2));

      assertTrue(hub.delivery.awaitDelivered(Duration.ofSeconds(20)));
      assertEquals(List.of(false, false), waited);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void awaitDeliveredWaitsForTheQueuedEventsOfAClosedHub() throws Exception {
    ManualExecutor executor = new ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    hub.pings.subscribe(p -> calls.add("ping " + p.number()));
    hub.pings.deliver(new Ping(1));
    hub.delivery.close();

    assertFalse(hub.delivery.awaitDelivered(Duration.ZERO), "the event is still queued");
    executor.runAll();
    assertTrue(hub.delivery.awaitDelivered(Duration.ZERO));
    assertEquals(List.of("ping 1"), calls);
  }
}
