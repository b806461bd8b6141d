package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.SubscriptionOverflowException;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A full queue applies the subscription's overflow policy, and each event not delivered reaches the
 * failure handler once, with an exception that names its type, the subscription and the capacity.
 */
class OverflowTest {

  private final List<Integer> received = new ArrayList<>();
  private final List<ListenerFailure> failures = new ArrayList<>();
  private final TestHub.ManualExecutor executor = new TestHub.ManualExecutor();

  private TestHub hub(OverflowPolicy policy) {
    return new TestHub(
        Delivery.builder()
            .executor(executor)
            .queueCapacity(3)
            .onOverflow(policy)
            .failureHandler(failures::add));
  }

  @Test
  void dropNewestDeliversTheFirstEventsAndReportsEachLaterOne() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    Subscription subscription = hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 5);

    assertEquals(3, subscription.queuedEvents());
    executor.runAll();

    assertEquals(List.of(1, 2, 3), received);
    assertEquals(List.of(4, 5), reportedNumbers());
    SubscriptionOverflowException overflow =
        assertInstanceOf(SubscriptionOverflowException.class, failures.get(0).failure());
    assertEquals("ping", overflow.eventType());
    assertEquals(subscription.description(), overflow.subscription());
    assertEquals(3, overflow.capacity());
    assertEquals(OverflowPolicy.DROP_NEWEST, overflow.policy());
    assertTrue(overflow.getMessage().contains("queue of 3 events"), overflow.getMessage());
    assertTrue(subscription.isActive());
    assertEquals(0, subscription.queuedEvents());
  }

  @Test
  void dropOldestKeepsTheLatestEventsInOrder() {
    TestHub hub = hub(OverflowPolicy.DROP_OLDEST);
    hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 5);
    executor.runAll();

    assertEquals(List.of(3, 4, 5), received);
    assertEquals(List.of(1, 2), reportedNumbers());
  }

  @Test
  void aQueueThatDroppedItsOldestHoldsItsWholeCapacityOnceDelivered() {
    TestHub hub = hub(OverflowPolicy.DROP_OLDEST);
    Subscription subscription = hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 5);
    executor.runAll();
    emit(hub, 3);

    assertEquals(3, subscription.queuedEvents());
    executor.runAll();
    assertEquals(List.of(3, 4, 5, 6, 7, 8), received);
    assertEquals(List.of(1, 2), reportedNumbers());
  }

  @Test
  void dropOldestSkipsTheFenceOfAnAwaitAndKeepsItsPlace() throws InterruptedException {
    TestHub hub = hub(OverflowPolicy.DROP_OLDEST);
    hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 3);
    assertFalse(hub.delivery.awaitDelivered(java.time.Duration.ZERO));
    emit(hub, 1);
    executor.runAll();

    assertEquals(List.of(2, 3, 4), received);
    assertEquals(List.of(1), reportedNumbers());
  }

  @Test
  void failReportsTheEventThatDidNotFitDeliversTheQueuedOnesAndEndsTheSubscription() {
    TestHub hub = hub(OverflowPolicy.FAIL);
    Subscription subscription = hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 4);

    assertFalse(subscription.isActive());
    emit(hub, 2);
    executor.runAll();

    assertEquals(List.of(1, 2, 3), received);
    assertEquals(List.of(4), reportedNumbers());
    assertEquals(0, hub.delivery.subscriptionCount());
  }

  @Test
  void theHubForgetsASubscriptionEndedByItsOverflowOnceItsQueuedEventsAreDelivered()
      throws InterruptedException {
    TestHub hub = hub(OverflowPolicy.FAIL);
    hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 4);

    assertEquals(1, hub.delivery.mailboxCount(), "its 3 queued events are still to come");
    assertFalse(hub.delivery.awaitDelivered(Duration.ZERO));
    executor.runAll();

    assertEquals(List.of(1, 2, 3), received);
    assertEquals(0, hub.delivery.mailboxCount());
    assertTrue(hub.delivery.awaitDelivered(Duration.ZERO));
  }

  @Test
  void aClosedHubForgetsEachSubscriptionOnceItsQueuedEventsAreDelivered() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    hub.pings.subscribe(ping -> received.add(ping.number()));
    hub.pongs.subscribe(pong -> received.add(-1));
    emit(hub, 2);
    hub.delivery.close();

    assertEquals(1, hub.delivery.mailboxCount(), "the idle one is forgotten at once");
    executor.runAll();

    assertEquals(List.of(1, 2), received);
    assertEquals(0, hub.delivery.mailboxCount());
  }

  @Test
  void optionsOfOneSubscriptionOverrideTheHubs() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    hub.pings.subscribe(
        ping -> received.add(ping.number()),
        SubscriptionOptions.defaults().queueCapacity(1).onOverflow(OverflowPolicy.DROP_OLDEST));
    emit(hub, 5);
    executor.runAll();

    assertEquals(List.of(5), received);
    assertEquals(List.of(1, 2, 3, 4), reportedNumbers());
  }

  @Test
  void aSubscriptionWithOptionsAndNoListenerToDescribeItIsActive() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    Subscription subscription =
        hub.delivery.subscribe(
            SubscriptionOptions.defaults().queueCapacity(1),
            registration -> registration.listen(hub.pings, ping -> received.add(ping.number())));
    emit(hub, 2);
    executor.runAll();

    assertTrue(subscription.isActive());
    assertEquals(List.of(1), received);
    assertEquals(List.of(2), reportedNumbers());
  }

  @Test
  void optionsMayGiveASubscriptionAnExecutorOfItsOwn() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    assertTrue(
        hub.pings
            .subscribe(
                ping -> received.add(ping.number()),
                SubscriptionOptions.defaults().executor(executor).queueCapacity(2))
            .isActive());
    emit(hub, 3);
    assertEquals(List.of(), received);
    executor.runAll();

    assertEquals(List.of(1, 2), received);
    assertEquals(List.of(3), reportedNumbers());
  }

  @Test
  void aClosedSubscriptionsOverflowIsDroppedWithoutAReport() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    Subscription subscription = hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 3);
    subscription.close();
    executor.runAll();

    assertEquals(List.of(), received);
    assertEquals(List.of(), reportedNumbers());
  }

  @Test
  void theEventsHeldWhileAReplayRunsAreBoundedToo() throws Exception {
    Registration held =
        replayWhileEventsCome(
            OverflowPolicy.DROP_NEWEST,
            2,
            5,
            replaying ->
                assertEquals(2, replaying.queuedEvents(), "the events held back for the replay"));

    assertEquals(List.of(0, 1, 2), received);
    assertEquals(List.of(3, 4, 5), reportedNumbers());
    assertEquals(0, held.queuedEvents());
    assertTrue(held.isActive());
  }

  @Test
  void failEndsASubscriptionWhoseReplayHeldTooManyEventsAndDeliversWhatItHeld() throws Exception {
    Subscription subscription = replayWhileEventsCome(OverflowPolicy.FAIL, 1, 2, replaying -> {});

    assertEquals(List.of(0, 1), received);
    assertEquals(List.of(2), reportedNumbers());
    assertFalse(subscription.isActive());
  }

  @Test
  void dropOldestKeepsTheLatestEventHeldDuringAReplay() throws Exception {
    Subscription subscription =
        replayWhileEventsCome(OverflowPolicy.DROP_OLDEST, 1, 2, replaying -> {});

    assertEquals(List.of(0, 2), received);
    assertEquals(List.of(1), reportedNumbers());
    assertTrue(subscription.isActive());
  }

  /**
   * Replays the kept event 0 to a new listener on another thread, with a hub of {@code capacity}
   * and {@code policy}, emits 1 to {@code events} while the replay runs, then lets {@code
   * whileReplaying} look at the subscription before the replay ends.
   */
  private Registration replayWhileEventsCome(
      OverflowPolicy policy, int capacity, int events, Consumer<Registration> whileReplaying)
      throws Exception {
    Delivery delivery =
        Delivery.builder()
            .queueCapacity(capacity)
            .onOverflow(policy)
            .failureHandler(
                failure -> {
                  synchronized (failures) {
                    failures.add(failure);
                  }
                })
            .build();
    Listeners<Ping> kept = delivery.listenersReplayingLatest(Type.PING);
    kept.deliver(new Ping(0));
    CountDownLatch replaying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Registration[] held = new Registration[1];
    Consumer<Ping> listener =
        ping -> {
          received.add(ping.number());
          if (ping.number() == 0) {
            replaying.countDown();
            Latches.await(release);
          }
        };
    Thread subscriber =
        new Thread(
            () ->
                delivery.subscribe(
                    listener,
                    SubscriptionOptions.defaults(),
                    registration -> {
                      held[0] = registration;
                      registration.listen(kept, listener);
                    }));
    subscriber.start();
    assertTrue(replaying.await(30, TimeUnit.SECONDS));
    for (int i = 1; i <= events; i++) {
      kept.deliver(new Ping(i));
    }
    whileReplaying.accept(held[0]);
    release.countDown();
    subscriber.join();
    return held[0];
  }

  @Test
  void aFenceOfAnAwaitTakesNoPlaceInTheCapacity() throws InterruptedException {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    Subscription subscription = hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 1);
    assertFalse(hub.delivery.awaitDelivered(java.time.Duration.ZERO));
    emit(hub, 2);

    assertEquals(3, subscription.queuedEvents(), "the fence is not an event");
    executor.runAll();
    assertEquals(List.of(1, 2, 3), received);
    assertEquals(List.of(), reportedNumbers());

    emit(hub, 5);
    assertEquals(3, subscription.queuedEvents(), "a fence passed frees no more room");
    assertEquals(List.of(7, 8), reportedNumbers());
  }

  @Test
  void dropOldestPassesOverAFenceAtTheHead() throws InterruptedException {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .executor(executor)
                .queueCapacity(1)
                .onOverflow(OverflowPolicy.DROP_OLDEST)
                .failureHandler(failures::add));
    hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 1);
    assertFalse(hub.delivery.awaitDelivered(java.time.Duration.ZERO));
    emit(hub, 2);
    executor.runAll();

    assertEquals(List.of(3), received);
    assertEquals(List.of(1, 2), reportedNumbers());
    assertTrue(hub.delivery.awaitDelivered(java.time.Duration.ZERO));
  }

  @Test
  void dropOldestKeepsTheOrderAcrossTheEndOfTheRing() {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .executor(executor)
                .queueCapacity(16)
                .onOverflow(OverflowPolicy.DROP_OLDEST)
                .failureHandler(failures::add));
    hub.pings.subscribe(ping -> received.add(ping.number()));
    emit(hub, 14);
    executor.runAll();
    received.clear();
    emit(hub, 18);
    executor.runAll();

    assertEquals(IntStream.rangeClosed(17, 32).boxed().toList(), received);
    assertEquals(List.of(15, 16), reportedNumbers());
  }

  @Test
  void aRingGrownPastItsFirstArrayKeepsTheOrderOfEventsThatWrapped() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    hub.pings.subscribe(
        ping -> received.add(ping.number()), SubscriptionOptions.defaults().queueCapacity(100));
    emit(hub, 10);
    executor.runAll();
    emit(hub, 40);
    executor.runAll();

    assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), received);
  }

  @Test
  void aListenerSeesTheEventsStillQueuedBehindIt() {
    TestHub hub = hub(OverflowPolicy.DROP_NEWEST);
    List<Integer> queuedBehind = new ArrayList<>();
    Subscription[] subscription = new Subscription[1];
    subscription[0] = hub.pings.subscribe(ping -> queuedBehind.add(subscription[0].queuedEvents()));
    emit(hub, 3);
    executor.runAll();

    assertEquals(List.of(2, 1, 0), queuedBehind);
  }

  @Test
  void aCapacityBelowOneOrAboveTheMaximumIsRefusedNamingTheRange() {
    String range =
        "queueCapacity must be from 1 to 268435456 (SubscriptionOptions.MAX_QUEUE_CAPACITY)";
    assertEquals(
        range + ", was 0",
        assertThrows(IllegalArgumentException.class, () -> Delivery.builder().queueCapacity(0))
            .getMessage());
    assertEquals(
        range + ", was 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> SubscriptionOptions.defaults().queueCapacity(0))
            .getMessage());
    // Accepted before, though a ring could never grow to it.
    assertEquals(
        range + ", was 2147483647",
        assertThrows(
                IllegalArgumentException.class,
                () -> Delivery.builder().queueCapacity(Integer.MAX_VALUE))
            .getMessage());
    assertEquals(
        range + ", was 268435457",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SubscriptionOptions.defaults()
                        .queueCapacity(SubscriptionOptions.MAX_QUEUE_CAPACITY + 1))
            .getMessage());
    assertEquals(
        SubscriptionOptions.MAX_QUEUE_CAPACITY,
        SubscriptionOptions.defaults()
            .queueCapacity(SubscriptionOptions.MAX_QUEUE_CAPACITY)
            .queueCapacity()
            .getAsInt());
    assertEquals(
        "SubscriptionOptions[queueCapacity=the hub's, overflowPolicy=the hub's]",
        SubscriptionOptions.defaults().toString());
  }

  private void emit(TestHub hub, int count) {
    int first = next;
    IntStream.rangeClosed(first, first + count - 1).forEach(n -> hub.pings.deliver(new Ping(n)));
    next += count;
  }

  private int next = 1;

  private List<Integer> reportedNumbers() {
    synchronized (failures) {
      return failures.stream().map(failure -> ((Ping) failure.event()).number()).toList();
    }
  }
}
