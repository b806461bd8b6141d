package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class DeliveryOrderTest {

  private final List<String> calls = new ArrayList<>();

  @Test
  void listenersRunInTheOrderTheySubscribedAcrossSingleAndGroupSubscriptions() {
    TestHub hub = new TestHub();
    hub.pings.subscribe(ping -> calls.add("single A"));
    hub.delivery.subscribe(
        registration ->
            registration
                .listen(hub.pongs, pong -> calls.add("group pong"))
                .listen(hub.pings, ping -> calls.add("group ping")));
    hub.pings.subscribe(ping -> calls.add("single B"));

    hub.pings.deliver(new Ping(1));
    hub.pongs.deliver(new Pong("x"));

    assertEquals(List.of("single A", "group ping", "single B", "group pong"), calls);
  }

  @Test
  void closingIsIdempotentAndStopsDeliveryToEveryPartOfTheSubscription() {
    TestHub hub = new TestHub();
    Subscription group =
        hub.delivery.subscribe(
            registration ->
                registration
                    .listen(hub.pings, ping -> calls.add("ping"))
                    .listen(hub.pongs, pong -> calls.add("pong")));

    assertTrue(group.isActive());
    group.close();
    group.close();
    hub.pings.deliver(new Ping(1));
    hub.pongs.deliver(new Pong("x"));

    assertFalse(group.isActive());
    assertEquals(List.of(), calls);
    assertFalse(hub.pings.hasListeners());
    assertFalse(hub.pongs.hasListeners());
  }

  @Test
  void aListenerSubscribedDuringDeliveryReceivesOnlyLaterEvents() {
    TestHub hub = new TestHub();
    hub.pings.subscribe(
        ping -> {
          calls.add("first " + ping.number());
          if (ping.number() == 1) {
            hub.pings.subscribe(later -> calls.add("late " + later.number()));
          }
        });

    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("first 1", "first 2", "late 2"), calls);
  }

  @Test
  void aSubscriptionClosedDuringDeliveryReceivesNothingMore() {
    TestHub hub = new TestHub();
    List<Subscription> victim = new ArrayList<>();
    hub.pings.subscribe(
        ping -> {
          calls.add("closer " + ping.number());
          victim.get(0).close();
        });
    victim.add(hub.pings.subscribe(ping -> calls.add("victim " + ping.number())));

    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("closer 1", "closer 2"), calls);
  }

  @Test
  void aListenerMayCloseItsOwnSubscription() {
    TestHub hub = new TestHub();
    List<Subscription> self = new ArrayList<>();
    self.add(
        hub.pings.subscribe(
            ping -> {
              calls.add("once " + ping.number());
              self.get(0).close();
            }));

    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("once 1"), calls);
  }

  @Test
  void anEventEmittedByAListenerWaitsUntilTheCurrentEventHasReachedEveryListener() {
    TestHub hub = new TestHub();
    hub.pings.subscribe(
        ping -> {
          calls.add("A got ping " + ping.number());
          if (ping.number() == 1) {
            hub.pongs.deliver(new Pong("nested"));
            hub.pings.deliver(new Ping(2));
            calls.add("A emitted");
          }
        });
    hub.pongs.subscribe(pong -> calls.add("C got pong " + pong.text()));
    hub.pings.subscribe(ping -> calls.add("B got ping " + ping.number()));

    hub.pings.deliver(new Ping(1));

    assertEquals(
        List.of(
            "A got ping 1",
            "A emitted",
            "B got ping 1",
            "C got pong nested",
            "A got ping 2",
            "B got ping 2"),
        calls);
  }

  @Test
  void everyListenerSeesNestedEventsInTheSameOrder() {
    TestHub hub = new TestHub();
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    hub.pings.subscribe(
        ping -> {
          first.add("ping " + ping.number());
          if (ping.number() == 1) {
            hub.pings.deliver(new Ping(2));
          }
        });
    hub.pings.subscribe(ping -> second.add("ping " + ping.number()));

    hub.pings.deliver(new Ping(1));

    assertEquals(List.of("ping 1", "ping 2"), first);
    assertEquals(first, second);
  }

  @Test
  void aChainOf200000EmitsFromListenersRunsWithoutGrowingTheStack() {
    TestHub hub = new TestHub();
    int[] last = {0};
    hub.pings.subscribe(
        ping -> {
          last[0] = ping.number();
          if (ping.number() < 200_000) {
            hub.pings.deliver(new Ping(ping.number() + 1));
          }
        });

    hub.pings.deliver(new Ping(1));

    assertEquals(200_000, last[0]);
  }

  @Test
  void anEmitOnAThreadThatIsNotDeliveringRunsItsListenersBeforeItReturns() {
    TestHub hub = new TestHub();
    hub.pings.subscribe(ping -> calls.add("ping " + ping.number()));

    hub.pings.deliver(new Ping(1));
    calls.add("returned");
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("ping 1", "returned", "ping 2"), calls);
  }

  @Test
  void unhandledEventsGoToTheHookOnlyWhileNoListenerOfTheirTypeIsSubscribed() {
    List<String> unhandled = new ArrayList<>();
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .unhandledEvents((type, event) -> unhandled.add(type.wireName() + " " + event)));

    hub.pings.deliver(new Ping(1));
    Subscription subscription = hub.pings.subscribe(ping -> calls.add("ping " + ping.number()));
    hub.pings.deliver(new Ping(2));
    hub.pongs.deliver(new Pong("nobody"));
    subscription.close();
    hub.pings.deliver(new Ping(3));

    assertEquals(List.of("ping 2"), calls);
    assertEquals(
        List.of("ping Ping[number=1]", "pong Pong[text=nobody]", "ping Ping[number=3]"), unhandled);
  }

  @Test
  void aThrowingUnhandledHookIsLoggedAndEmitReturns() {
    try (CapturedLog log = new CapturedLog()) {
      RuntimeException boom = new IllegalStateException("hook bug");
      TestHub hub =
          new TestHub(
              Delivery.builder()
                  .unhandledEvents(
                      (type, event) -> {
                        throw boom;
                      }));

      hub.pings.deliver(new Ping(1));

      assertEquals(1, log.records.size());
      assertEquals(boom, log.records.get(0).getThrown());
    }
  }

  @Test
  void aFailingGroupSubscriptionLeavesNoListenerBehind() {
    TestHub hub = new TestHub();
    RuntimeException boom = new IllegalStateException("attach failed");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                hub.delivery.subscribe(
                    registration -> {
                      registration.listen(hub.pings, ping -> calls.add("half"));
                      throw boom;
                    }));
    hub.pings.deliver(new Ping(1));

    assertEquals(boom, thrown);
    assertEquals(List.of(), calls);
  }

  @Test
  void aRegistrationTakesListenersOnlyWhileSubscribingAndOnlyOfItsOwnHub() {
    TestHub hub = new TestHub();
    TestHub other = new TestHub();
    List<Registration> kept = new ArrayList<>();
    hub.delivery.subscribe(kept::add);

    IllegalStateException late =
        assertThrows(
            IllegalStateException.class,
            () -> kept.get(0).listen(hub.pings, ping -> calls.add("late")));
    IllegalArgumentException foreign =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                hub.delivery.subscribe(registration -> registration.listen(other.pings, p -> {})));

    assertEquals("listeners can be added only while subscribing", late.getMessage());
    assertEquals("those listeners belong to another hub", foreign.getMessage());
    assertFalse(hub.pings.hasListeners());
  }

  @Test
  void nullArgumentsFailAtOnceWithTheirName() {
    TestHub hub = new TestHub();

    assertEquals(
        "listener",
        assertThrows(NullPointerException.class, () -> hub.pings.subscribe(null)).getMessage());
    assertEquals(
        "executor",
        assertThrows(
                NullPointerException.class, () -> hub.pings.subscribe(ping -> {}, (Executor) null))
            .getMessage());
    assertEquals(
        "failureHandler",
        assertThrows(NullPointerException.class, () -> Delivery.builder().failureHandler(null))
            .getMessage());
    assertEquals(
        "type",
        assertThrows(NullPointerException.class, () -> hub.delivery.listeners(null)).getMessage());
  }
}
