package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code VirtualMachineError} other than {@code StackOverflowError} goes on to the caller from
 * every place the hub calls code it does not own, and leaves the hub's state consistent; the
 * listener counts and the failures of a listener run by an executor's task are the hub's.
 */
class FatalErrorsTest {

  @Test
  void anUnhandledHookThatThrowsAVirtualMachineErrorPassesItOn() {
    InternalError fatal = new InternalError("hook");
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .unhandledEvents(
                    (type, event) -> {
                      throw fatal;
                    }));

    assertSame(fatal, assertThrows(InternalError.class, () -> hub.pings.deliver(new Ping(1))));
  }

  @Test
  void aFailureHandlerThatThrowsAVirtualMachineErrorPassesItOn() {
    InternalError fatal = new InternalError("handler");
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failureHandler(
                    failure -> {
                      throw fatal;
                    }));
    hub.pings.subscribe(
        ping -> {
          throw new IllegalStateException("listener");
        });

    assertSame(fatal, assertThrows(InternalError.class, () -> hub.pings.deliver(new Ping(1))));
  }

  @Test
  void aVirtualMachineErrorOfTheFirstOfTwoListenersEndsTheEmit() {
    InternalError fatal = new InternalError("first");
    List<ListenerFailure> reported = new ArrayList<>();
    TestHub hub = new TestHub(Delivery.builder().failureHandler(reported::add));
    List<Ping> second = new ArrayList<>();
    hub.pings.subscribe(
        ping -> {
          throw fatal;
        });
    hub.pings.subscribe(second::add);

    assertSame(fatal, assertThrows(InternalError.class, () -> hub.pings.deliver(new Ping(1))));
    assertEquals(List.of(), second);
    assertEquals(List.of(), reported);
  }

  @Test
  void anEventQueuedBeforeAVirtualMachineErrorIsNotDeliveredByALaterEmit() {
    TestHub hub = new TestHub();
    List<Pong> pongs = new ArrayList<>();
    hub.pongs.subscribe(pongs::add);
    hub.pings.subscribe(
        ping -> {
          hub.pongs.deliver(new Pong("queued behind ping " + ping.number()));
          if (ping.number() == 1) {
            throw new InternalError("after queueing");
          }
        });

    assertThrows(InternalError.class, () -> hub.pings.deliver(new Ping(1)));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of(new Pong("queued behind ping 2")), pongs);
  }

  @Test
  void aFailureOfAnEventThatAnExecutorsListenerEmitsIsReported() {
    List<ListenerFailure> reported = new ArrayList<>();
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().failureHandler(reported::add));
    IllegalStateException failure = new IllegalStateException("pong listener");
    hub.pongs.subscribe(
        pong -> {
          throw failure;
        });
    hub.pings.subscribe(ping -> hub.pongs.deliver(new Pong("from the pool")), executor);

    hub.pings.deliver(new Ping(1));
    executor.runAll();

    assertEquals(1, reported.size());
    assertSame(failure, reported.get(0).failure());
  }

  @Test
  void theListenerCountFollowsSubscriptionsAndCloses() {
    TestHub hub = new TestHub();
    var first = hub.pings.subscribe(ping -> {});
    hub.pings.subscribe(ping -> {});

    assertEquals(2, hub.pings.listenerCount());
    first.close();
    assertEquals(1, hub.pings.listenerCount());
    assertEquals(0, hub.pongs.listenerCount());
  }
}
