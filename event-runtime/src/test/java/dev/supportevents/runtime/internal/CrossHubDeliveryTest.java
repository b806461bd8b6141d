package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nested-emit queue and the failure policy belong to a hub: a listener of hub A that emits into
 * hub B, which is not delivering on that thread, has B deliver at once, with B's policy and B's
 * handler. Only an emit into a hub that is delivering on the thread waits its turn.
 */
class CrossHubDeliveryTest {

  private final List<String> calls = new ArrayList<>();
  private final List<ListenerFailure> failuresOfA = new ArrayList<>();
  private final List<ListenerFailure> failuresOfB = new ArrayList<>();

  /**
   * The case: B's failure was thrown out of A's emit, and B's handler never heard of it.
   */
  @Test
  void aReportingHubEmittedIntoFromAPropagatingHubsListenerReportsToItsOwnHandler() {
    TestHub hubA =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failuresOfA::add));
    TestHub hubB = new TestHub(Delivery.builder().failureHandler(failuresOfB::add));
    IllegalStateException thrownInB = new IllegalStateException("B's listener failed");
    Subscription listenerOfB =
        hubB.pongs.subscribe(
            pong -> {
              throw thrownInB;
            });
    hubA.pings.subscribe(
        ping -> {
          hubB.pongs.deliver(new Pong("relayed"));
          calls.add("A's listener went on");
        });

    hubA.pings.deliver(new Ping(1));

    assertEquals(List.of("A's listener went on"), calls);
    assertEquals(List.of(), failuresOfA);
    assertEquals(1, failuresOfB.size());
    assertSame(thrownInB, failuresOfB.get(0).failure());
    assertSame(listenerOfB, failuresOfB.get(0).subscription());
    assertEquals(new Pong("relayed"), failuresOfB.get(0).event());
  }

  @Test
  void aPropagatingHubEmittedIntoFromAnotherHubsListenerThrowsToThatListener() {
    TestHub hubA = new TestHub(Delivery.builder().failureHandler(failuresOfA::add));
    TestHub hubB =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failuresOfB::add));
    IllegalStateException thrownInB = new IllegalStateException("B's listener failed");
    hubB.pongs.subscribe(
        pong -> {
          throw thrownInB;
        });
    hubB.pongs.subscribe(pong -> calls.add("B's second listener"));
    List<Throwable> caughtByA = new ArrayList<>();
    hubA.pings.subscribe(
        ping -> {
          try {
            hubB.pongs.deliver(new Pong("relayed"));
          } catch (IllegalStateException thrown) {
            caughtByA.add(thrown);
          }
          calls.add("A's listener caught it");
        });

    hubA.pings.deliver(new Ping(1));

    assertEquals(List.of(thrownInB), caughtByA);
    assertEquals(List.of("B's second listener", "A's listener caught it"), calls);
    assertEquals(List.of(), failuresOfA);
    assertEquals(List.of(), failuresOfB);
  }

  @Test
  void whatAPropagatingHubThrowsIntoAListenerThatLetsItGoIsThatListenersFailureInItsOwnHub() {
    TestHub hubA = new TestHub(Delivery.builder().failureHandler(failuresOfA::add));
    TestHub hubB = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    IllegalStateException thrownInB = new IllegalStateException("B's listener failed");
    hubB.pongs.subscribe(
        pong -> {
          throw thrownInB;
        });
    Subscription listenerOfA =
        hubA.pings.subscribe(ping -> hubB.pongs.deliver(new Pong("relayed")));

    hubA.pings.deliver(new Ping(1));

    assertEquals(1, failuresOfA.size());
    assertSame(thrownInB, failuresOfA.get(0).failure());
    assertSame(listenerOfA, failuresOfA.get(0).subscription());
  }

  @Test
  void aListenerOfOneHubEmittingOnAnotherHasItDeliveredBeforeThatEmitReturns() {
    TestHub hubA = new TestHub();
    TestHub hubB = new TestHub();
    hubB.pongs.subscribe(pong -> calls.add("B got " + pong.text()));
    hubA.pings.subscribe(
        ping -> {
          hubB.pongs.deliver(new Pong("relayed"));
          calls.add("first");
        });
    hubA.pings.subscribe(ping -> calls.add("second"));

    hubA.pings.deliver(new Ping(1));

    assertEquals(List.of("B got relayed", "first", "second"), calls);
  }

  @Test
  void anEmitBackIntoTheHubThatIsDeliveringWaitsForItsCurrentEvent() {
    TestHub hubA = new TestHub();
    TestHub hubB = new TestHub();
    hubA.pings.subscribe(
        ping -> {
          if (ping.number() == 1) {
            hubB.pongs.deliver(new Pong("from A"));
          }
          calls.add("A first " + ping.number());
        });
    hubA.pings.subscribe(ping -> calls.add("A second " + ping.number()));
    hubB.pongs.subscribe(
        pong -> {
          hubA.pings.deliver(new Ping(2));
          calls.add("B got " + pong.text());
        });

    hubA.pings.deliver(new Ping(1));

    assertEquals(
        List.of("B got from A", "A first 1", "A second 1", "A first 2", "A second 2"), calls);
  }

  @Test
  void aPropagatingHubStillThrowsTheFailureOfAnEventNestedInItselfThroughAnotherHub() {
    TestHub hubA = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    TestHub hubB = new TestHub(Delivery.builder().failureHandler(failuresOfB::add));
    IllegalStateException thrownInA = new IllegalStateException("A's nested event failed");
    hubA.pings.subscribe(
        ping -> {
          if (ping.number() == 1) {
            hubB.pongs.deliver(new Pong("from A"));
          } else {
            throw thrownInA;
          }
        });
    hubB.pongs.subscribe(pong -> hubA.pings.deliver(new Ping(2)));

    assertSame(
        thrownInA,
        assertThrows(IllegalStateException.class, () -> hubA.pings.deliver(new Ping(1))));
    assertEquals(List.of(), failuresOfB);
  }

  @Test
  void aChainOf200000EmitsBouncingBetweenTwoHubsRunsInALoopNotDownTheStack() {
    TestHub hubA = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    TestHub hubB = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    int[] received = new int[2];
    hubA.pings.subscribe(
        ping -> {
          received[0]++;
          hubB.pongs.deliver(new Pong(String.valueOf(ping.number() + 1)));
        });
    hubB.pongs.subscribe(
        pong -> {
          received[1]++;
          int number = Integer.parseInt(pong.text());
          if (number < 200_000) {
            hubA.pings.deliver(new Ping(number + 1));
          }
        });

    hubA.pings.deliver(new Ping(1));

    assertEquals(100_000, received[0]);
    assertEquals(100_000, received[1]);
  }

  @Test
  void aListenerOnAnExecutorEmittingIntoAnotherHubHasItDeliveredAtOnce() {
    TestHub.ManualExecutor pool = new TestHub.ManualExecutor();
    TestHub hubA = new TestHub(Delivery.builder().executor(pool));
    TestHub hubB = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    IllegalStateException thrownInB = new IllegalStateException("B's listener failed");
    hubB.pongs.subscribe(
        pong -> {
          throw thrownInB;
        });
    List<Throwable> caughtByA = new ArrayList<>();
    hubA.pings.subscribe(
        ping -> {
          try {
            hubB.pongs.deliver(new Pong("relayed"));
          } catch (IllegalStateException thrown) {
            caughtByA.add(thrown);
          }
        });

    hubA.pings.deliver(new Ping(1));
    pool.runAll();

    assertEquals(List.of(thrownInB), caughtByA);
    assertTrue(failuresOfA.isEmpty());
  }
}
