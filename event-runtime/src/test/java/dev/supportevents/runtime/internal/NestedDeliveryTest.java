package dev.supportevents.runtime.internal;

import static dev.supportevents.runtime.internal.Latches.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
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
 * An event emitted while a thread delivers (from a listener, a replay, or a listener on an
 * executor) waits for the current one, and what changed meanwhile applies to it.
 */
class NestedDeliveryTest {

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  @Test
  void aLoneListenerClosedWhileItsNestedEventWaitsReceivesNothing() {
    TestHub hub = new TestHub();
    Subscription lone = hub.pongs.subscribe(pong -> calls.add("pong " + pong.text()));
    hub.pings.subscribe(
        ping -> {
          hub.pongs.deliver(new Pong("nested"));
          lone.close();
          calls.add("ping " + ping.number());
        });

    hub.pings.deliver(new Ping(1));

    assertEquals(List.of("ping 1"), calls);
  }

  @Test
  void aLoneListenerStillActiveReceivesItsNestedEventThoughTheListChangedMeanwhile() {
    TestHub hub = new TestHub();
    hub.pongs.subscribe(pong -> calls.add("first " + pong.text()));
    hub.pings.subscribe(
        ping -> {
          hub.pongs.deliver(new Pong("nested"));
          hub.pongs.subscribe(pong -> calls.add("later " + pong.text()));
          calls.add("ping " + ping.number());
        });

    hub.pings.deliver(new Ping(1));

    assertEquals(List.of("ping 1", "first nested"), calls);
  }

  @Test
  void ofSeveralListenersTheOnesStillActiveReceiveANestedEventAndTheClosedOneDoesNot() {
    TestHub hub = new TestHub();
    hub.pongs.subscribe(pong -> calls.add("first " + pong.text()));
    Subscription closed = hub.pongs.subscribe(pong -> calls.add("closed " + pong.text()));
    hub.pongs.subscribe(pong -> calls.add("last " + pong.text()));
    hub.pings.subscribe(
        ping -> {
          hub.pongs.deliver(new Pong("nested"));
          closed.close();
        });

    hub.pings.deliver(new Ping(1));

    assertEquals(List.of("first nested", "last nested"), calls);
  }

  @Test
  void anEventEmittedByAListenerDuringItsReplayWaitsForTheReplayToEnd() {
    Delivery delivery = Delivery.builder().build();
    Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
    Listeners<Pong> pongs = delivery.listeners(Type.PONG);
    pongs.subscribe(pong -> calls.add("pong " + pong.text()));
    pings.deliver(new Ping(1));

    pings.subscribe(
        ping -> {
          calls.add("start " + ping.number());
          pongs.deliver(new Pong("from replay"));
          calls.add("end " + ping.number());
        });

    assertEquals(List.of("start 1", "end 1", "pong from replay"), calls);
  }

  @Test
  void anEventEmittedByAListenerOnAnExecutorWaitsForThatListenerToReturn() {
    TestHub.ManualExecutor ui = new TestHub.ManualExecutor();
    TestHub hub = new TestHub();
    hub.pongs.subscribe(pong -> calls.add("pong " + pong.text()));
    hub.pings.subscribe(
        ping -> {
          calls.add("start " + ping.number());
          hub.pongs.deliver(new Pong("from ui"));
          calls.add("end " + ping.number());
        },
        ui);

    hub.pings.deliver(new Ping(1));
    assertEquals(List.of(), calls);
    ui.runAll();

    assertEquals(List.of("start 1", "end 1", "pong from ui"), calls);
  }

  @Test
  void anExecutorThatRunsTasksInlineDeliversInTheOrderOfTheEmittingThread() {
    TestHub hub = new TestHub(Delivery.builder().executor(Runnable::run));
    hub.pongs.subscribe(pong -> calls.add("pong " + pong.text()));
    hub.pings.subscribe(
        ping -> {
          calls.add("start " + ping.number());
          hub.pongs.deliver(new Pong("inline"));
          calls.add("end " + ping.number());
        });
    hub.pings.subscribe(ping -> calls.add("second " + ping.number()));

    hub.pings.deliver(new Ping(1));

    assertEquals(List.of("start 1", "end 1", "second 1", "pong inline"), calls);
  }

  @Test
  void aVirtualMachineErrorLeavesNothingQueuedForTheThreadsNextEmit() {
    TestHub hub = new TestHub();
    hub.pongs.subscribe(pong -> calls.add("pong " + pong.text()));
    hub.pings.subscribe(
        ping -> {
          calls.add("ping " + ping.number());
          if (ping.number() == 1) {
            hub.pongs.deliver(new Pong("cut short"));
            throw new InternalError("simulated");
          }
        });

    assertThrows(InternalError.class, () -> hub.pings.deliver(new Ping(1)));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("ping 1", "ping 2"), calls);
  }

  @Test
  void anEmitOnAnotherThreadWhileOneDeliversRunsItsListenersBeforeItReturns() throws Exception {
    TestHub hub = new TestHub();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch emitted = new CountDownLatch(1);
    hub.pings.subscribe(
        ping -> {
          inside.countDown();
          await(emitted);
        });
    hub.pongs.subscribe(pong -> calls.add("pong on " + Thread.currentThread().getName()));
    ExecutorService other = Executors.newSingleThreadExecutor(task -> new Thread(task, "other"));
    try {
      Future<?> delivering = other.submit(() -> hub.pings.deliver(new Ping(1)));
      assertTrue(inside.await(10, TimeUnit.SECONDS));
      try {
        hub.pongs.deliver(new Pong("meanwhile"));
        assertEquals(List.of("pong on " + Thread.currentThread().getName()), calls);
      } finally {
        emitted.countDown();
      }
      delivering.get(10, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }
    assertEquals(1, calls.size());
  }

  @Test
  void aCheckedExceptionThrownSneakilyIsPropagatedWrapped() {
    TestHub hub = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    Exception checked = new Exception("checked");
    hub.pings.subscribe(ping -> NestedDeliveryTest.<RuntimeException>sneakyThrow(checked));

    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> hub.pings.deliver(new Ping(1)));

    assertEquals("A listener threw a checked exception", thrown.getMessage());
    assertSame(checked, thrown.getCause());
    Error error = new AssertionError("an error");
    hub.pongs.subscribe(
        pong -> {
          throw error;
        });
    assertSame(
        error,
        assertInstanceOf(
            AssertionError.class,
            assertThrows(Throwable.class, () -> hub.pongs.deliver(new Pong("x")))));
  }

  @SuppressWarnings("unchecked") // the point: a checked exception through an unchecked throw
  private static <T extends Throwable> void sneakyThrow(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
