package dev.supportevents.runtime.internal;

import static dev.supportevents.runtime.internal.Latches.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
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
 * A replay that is still pending when something else happens: the hub closes, the subscription
 * closes, or newer events arrive from another thread.
 */
class PendingReplayTest {

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unhandled = new ArrayList<>();
  private final Delivery delivery =
      Delivery.builder()
          .unhandledEvents(
              (EventType type, Record event) -> unhandled.add(type.wireName() + " " + event))
          .build();
  private final Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
  private final Listeners<Pong> pongs = delivery.listeners(Type.PONG);

  @Test
  void aHubClosedWhileAReplayWaitsStillRefusesLaterEmits() {
    pings.deliver(new Ping(1));
    pongs.subscribe(
        pong -> {
          pings.subscribe(ping -> calls.add("replayed " + ping.number()));
          delivery.close();
        });

    pongs.deliver(new Pong("subscribe, then close"));

    assertEquals(List.of("replayed 1"), calls, "the hub's close delivers what was queued");
    IllegalStateException closed =
        assertThrows(IllegalStateException.class, () -> pings.deliver(new Ping(2)));
    assertEquals(
        "The hub is closed: it delivers no more events and takes no subscription;"
            + " create a new hub",
        closed.getMessage());
  }

  @Test
  void aSubscriptionClosedWhileItsReplayWaitsLeavesItsTypeUnhandled() {
    pings.deliver(new Ping(1));
    pongs.subscribe(
        pong -> {
          Subscription late = pings.subscribe(ping -> calls.add("replayed " + ping.number()));
          late.close();
        });

    pongs.deliver(new Pong("subscribe, then close"));
    pings.deliver(new Ping(2));

    assertEquals(List.of(), calls);
    assertEquals(List.of("ping Ping[number=1]", "ping Ping[number=2]"), unhandled);
  }

  @Test
  void eventsHeldBackDuringAReplayComeInOrderBeforeAnyLaterOne() throws Exception {
    pings.deliver(new Ping(1));
    CountDownLatch replaying = new CountDownLatch(1);
    CountDownLatch heldTwo = new CountDownLatch(1);
    CountDownLatch atTwo = new CountDownLatch(1);
    CountDownLatch emittedFour = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> emits =
          other.submit(
              () -> {
                await(replaying);
                pings.deliver(new Ping(2));
                pings.deliver(new Ping(3));
                heldTwo.countDown();
                await(atTwo);
                pings.deliver(new Ping(4));
                emittedFour.countDown();
                return null;
              });

      pings.subscribe(
          ping -> {
            calls.add("got " + ping.number());
            if (ping.number() == 1) {
              replaying.countDown();
              await(heldTwo);
            } else if (ping.number() == 2) {
              atTwo.countDown();
              await(emittedFour);
            }
          });
      emits.get(10, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }

    assertEquals(List.of("got 1", "got 2", "got 3", "got 4"), calls);
  }
}
