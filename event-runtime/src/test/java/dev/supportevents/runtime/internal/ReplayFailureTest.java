package dev.supportevents.runtime.internal;

import static dev.supportevents.runtime.internal.Latches.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A replay that fails leaves no listener registered that the caller was told had failed: a
 * listener's failure in its replay, a {@code StackOverflowError} too, is reported and the
 * subscription stays, receiving every later event; any other {@code VirtualMachineError} comes out
 * of {@code subscribe} with nothing left subscribed.
 */
class ReplayFailureTest {

  private final List<ListenerFailure> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> received = Collections.synchronizedList(new ArrayList<>());

  /** The case: subscribe threw the error while the listener stayed, holding events. */
  @Test
  void aReplayListenerThatOverflowsTheStackIsReportedAndStaysSubscribed() {
    Delivery delivery = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
    pings.deliver(new Ping(1));

    Subscription subscription =
        pings.subscribe(
            ping -> {
              received.add(ping.number());
              if (ping.number() == 1) {
                recurse(0);
              }
            });

    assertTrue(subscription.isActive());
    assertEquals(1, failures.size());
    assertInstanceOf(StackOverflowError.class, failures.get(0).failure());
    assertEquals(new Ping(1), failures.get(0).event());
    assertSame(subscription, failures.get(0).subscription());
    pings.deliver(new Ping(2));
    pings.deliver(new Ping(3));
    assertEquals(List.of(1, 2, 3), received, "no event is held after the failed replay");
  }

  @Test
  void eventsEmittedWhileAReplayOverflowsTheStackReachTheListenerAfterItInOrder() throws Exception {
    Delivery delivery = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
    pings.deliver(new Ping(1));
    CountDownLatch replaying = new CountDownLatch(1);
    CountDownLatch emitted = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    Subscription subscription;
    try {
      Future<?> emits =
          other.submit(
              () -> {
                replaying.await();
                pings.deliver(new Ping(2));
                pings.deliver(new Ping(3));
                emitted.countDown();
                return null;
              });
      subscription =
          pings.subscribe(
              ping -> {
                received.add(ping.number());
                if (ping.number() == 1) {
                  replaying.countDown();
                  await(emitted);
                  recurse(0);
                }
              });
      emits.get(10, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }

    assertEquals(List.of(1, 2, 3), received);
    assertEquals(1, failures.size());
    assertInstanceOf(StackOverflowError.class, failures.get(0).failure());
    assertTrue(subscription.isActive());
    pings.deliver(new Ping(4));
    assertEquals(List.of(1, 2, 3, 4), received);
  }

  @Test
  void aReplayWaitingForTheCurrentEventThatOverflowsTheStackIsReportedNotThrownFromEmit() {
    Delivery delivery =
        Delivery.builder()
            .failurePolicy(FailurePolicy.PROPAGATE)
            .failureHandler(failures::add)
            .build();
    Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
    pings.deliver(new Ping(1));
    List<Subscription> late = new ArrayList<>();
    pings.subscribe(
        ping -> {
          if (ping.number() == 2) {
            late.add(
                pings.subscribe(
                    replayed -> {
                      received.add(replayed.number());
                      if (replayed.number() == 2) {
                        recurse(0);
                      }
                    }));
          }
        });

    pings.deliver(new Ping(2));

    assertEquals(1, failures.size());
    assertInstanceOf(StackOverflowError.class, failures.get(0).failure());
    assertEquals(new Ping(2), failures.get(0).event());
    assertTrue(late.get(0).isActive());
    pings.deliver(new Ping(3));
    assertEquals(List.of(2, 3), received);
  }

  @Test
  void aReplayEndedByAnotherVirtualMachineErrorThrowsFromSubscribeAndLeavesNothingSubscribed() {
    Delivery delivery = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
    pings.deliver(new Ping(1));
    InternalError fatal = new InternalError("simulated");

    InternalError thrown =
        assertThrows(
            InternalError.class,
            () ->
                pings.subscribe(
                    ping -> {
                      received.add(ping.number());
                      if (ping.number() == 1) {
                        throw fatal;
                      }
                    }));

    assertSame(fatal, thrown);
    assertEquals(0, delivery.subscriptionCount());
    assertEquals(0, pings.listenerCount());
    pings.deliver(new Ping(2));
    assertEquals(List.of(1), received);
    assertEquals(List.of(), failures);
  }

  @Test
  void aWaitingReplayEndedByAnotherVirtualMachineErrorClosesItsSubscriptionAndLeavesTheEmit() {
    Delivery delivery = Delivery.builder().failureHandler(failures::add).build();
    Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
    InternalError fatal = new InternalError("simulated");
    List<Subscription> late = new ArrayList<>();
    pings.subscribe(
        ping -> {
          if (ping.number() == 1) {
            late.add(
                pings.subscribe(
                    replayed -> {
                      received.add(replayed.number());
                      throw fatal;
                    }));
          }
        });

    assertSame(fatal, assertThrows(InternalError.class, () -> pings.deliver(new Ping(1))));

    assertFalse(late.get(0).isActive());
    assertEquals(1, delivery.subscriptionCount());
    pings.deliver(new Ping(2));
    assertEquals(List.of(1), received);
    assertEquals(List.of(), failures);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }
}
