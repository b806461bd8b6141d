package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.Labeled;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class FailureIsolationTest {

  private final List<String> calls = new ArrayList<>();
  private final List<ListenerFailure> failures = new ArrayList<>();

  @Test
  void aThrowingListenerDoesNotStopTheOthersAndItsFailureIsReported() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    RuntimeException boom = new IllegalStateException("boom");
    hub.pings.subscribe(ping -> calls.add("first " + ping.number()));
    Subscription failing =
        hub.pings.subscribe(
            ping -> {
              calls.add("failing " + ping.number());
              throw boom;
            });
    hub.pings.subscribe(ping -> calls.add("last " + ping.number()));

    Ping ping = new Ping(1);
    hub.pings.deliver(ping);

    assertEquals(List.of("first 1", "failing 1", "last 1"), calls);
    assertEquals(List.of(new ListenerFailure(Type.PING, ping, failing, boom)), failures);
  }

  @Test
  void aLoneThrowingListenerIsReportedAndEmitReturns() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    RuntimeException boom = new IllegalStateException("boom");
    Subscription failing =
        hub.pings.subscribe(
            ping -> {
              throw boom;
            });

    Ping ping = new Ping(1);
    hub.pings.deliver(ping);

    assertEquals(List.of(new ListenerFailure(Type.PING, ping, failing, boom)), failures);
  }

  @Test
  void propagatePolicyThrowsTheFailureOfALoneListener() {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failures::add));
    RuntimeException boom = new IllegalStateException("boom");
    hub.pings.subscribe(
        ping -> {
          throw boom;
        });

    assertSame(boom, assertThrows(RuntimeException.class, () -> hub.pings.deliver(new Ping(1))));
    assertEquals(List.of(), failures);
  }

  @Test
  void theDefaultHandlerLogsOneWarningWithTheFailure() {
    try (CapturedLog log = new CapturedLog()) {
      TestHub hub = new TestHub();
      RuntimeException boom = new IllegalStateException("boom");
      hub.pings.subscribe(
          ping -> {
            throw boom;
          });
      hub.pings.subscribe(ping -> calls.add("after"));

      hub.pings.deliver(new Ping(7));

      assertEquals(List.of("after"), calls);
      assertEquals(1, log.records.size());
      LogRecord record = log.records.get(0);
      assertEquals(Level.WARNING, record.getLevel());
      assertEquals(
          "A listener of ping failed: lambda in " + FailureIsolationTest.class.getName(),
          record.getMessage());
      assertFalse(record.getMessage().contains("7"), "the log holds no event contents");
      assertSame(boom, record.getThrown());
    }
  }

  @Test
  void aThrowingFailureHandlerIsLoggedWithTheFailureItHandledAndNeitherIsChanged() {
    try (CapturedLog log = new CapturedLog()) {
      List<ListenerFailure> handled = new ArrayList<>();
      RuntimeException handlerBug = new IllegalArgumentException("handler bug");
      TestHub hub =
          new TestHub(
              Delivery.builder()
                  .failureHandler(
                      failure -> {
                        handled.add(failure);
                        throw handlerBug;
                      }));
      RuntimeException boom = new IllegalStateException("boom");
      hub.pings.subscribe(
          ping -> {
            throw boom;
          });
      hub.pings.subscribe(ping -> calls.add("after"));

      hub.pings.deliver(new Ping(1));

      assertEquals(List.of("after"), calls);
      assertEquals(1, handled.size(), "the handler is not called again for its own failure");
      assertEquals(2, log.records.size());
      assertEquals(Level.WARNING, log.records.get(0).getLevel());
      assertSame(boom, log.records.get(0).getThrown());
      assertEquals(Level.SEVERE, log.records.get(1).getLevel());
      assertSame(handlerBug, log.records.get(1).getThrown());
      assertArrayEquals(new Throwable[0], handlerBug.getSuppressed());
      assertArrayEquals(new Throwable[0], boom.getSuppressed());
    }
  }

  @Test
  void aHandlerThatThrowsOneCachedExceptionOnEveryFailureNeverGrowsIt() {
    try (CapturedLog log = new CapturedLog()) {
      RuntimeException cached = new IllegalStateException("cached");
      TestHub hub =
          new TestHub(
              Delivery.builder()
                  .failureHandler(
                      failure -> {
                        throw cached;
                      }));
      hub.pings.subscribe(
          ping -> {
            throw new IllegalArgumentException("listener " + ping.number());
          });

      for (int i = 0; i < 1_000; i++) {
        hub.pings.deliver(new Ping(i));
      }

      assertEquals(0, cached.getSuppressed().length);
      // The first failure and what the handler threw in full, the rest counted: a count may come
      // meanwhile on a machine that stalls for 10 s.
      assertSame(cached, log.records.get(1).getThrown());
      assertTrue(log.records.size() <= 3, () -> log.records.size() + " records");
    }
  }

  @Test
  void aFailureHandlerThatRethrowsTheListenersFailureIsLoggedAndDeliveryGoesOn() {
    try (CapturedLog log = new CapturedLog()) {
      TestHub hub =
          new TestHub(
              Delivery.builder()
                  .failureHandler(
                      failure -> {
                        throw (RuntimeException) failure.failure();
                      }));
      RuntimeException boom = new IllegalStateException("boom");
      hub.pings.subscribe(
          ping -> {
            throw boom;
          });
      hub.pings.subscribe(ping -> calls.add("after"));

      hub.pings.deliver(new Ping(1));

      assertEquals(List.of("after"), calls);
      assertEquals(1, log.records.size());
      assertEquals(Level.SEVERE, log.records.get(0).getLevel());
      assertSame(boom, log.records.get(0).getThrown());
      assertArrayEquals(new Throwable[0], boom.getSuppressed());
    }
  }

  @Test
  void aSubscriptionExecutorThatRefusesIsReportedAndTheOtherListenersStillRun() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    RejectedExecutionException refused = new RejectedExecutionException("shut down");
    Subscription closedUi =
        hub.pings.subscribe(
            ping -> calls.add("ui"),
            task -> {
              throw refused;
            });
    hub.pings.subscribe(ping -> calls.add("direct " + ping.number()));

    Ping ping = new Ping(1);
    hub.pings.deliver(ping);

    assertEquals(List.of("direct 1"), calls);
    assertEquals(List.of(new ListenerFailure(Type.PING, ping, closedUi, refused)), failures);
  }

  @Test
  void propagatePolicyThrowsTheFirstFailureUnchangedAndReportsTheLaterOnes() {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failures::add));
    RuntimeException first = new IllegalStateException("first");
    RuntimeException second = new IllegalArgumentException("second");
    hub.pings.subscribe(
        ping -> {
          calls.add("one");
          throw first;
        });
    hub.pings.subscribe(ping -> calls.add("two"));
    Subscription third =
        hub.pings.subscribe(
            ping -> {
              calls.add("three");
              throw second;
            });

    Ping ping = new Ping(1);
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> hub.pings.deliver(ping));

    assertSame(first, thrown);
    assertArrayEquals(new Throwable[0], thrown.getSuppressed());
    assertEquals(List.of("one", "two", "three"), calls);
    assertEquals(List.of(new ListenerFailure(Type.PING, ping, third, second)), failures);
  }

  @Test
  void propagatePolicyThrowsAFailureOfANestedEventFromTheOuterEmitAfterBothWereDelivered() {
    TestHub hub = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    RuntimeException boom = new IllegalStateException("nested");
    hub.pings.subscribe(
        ping -> {
          calls.add("ping " + ping.number());
          if (ping.number() == 1) {
            hub.pongs.deliver(new TestEvents.Pong("x"));
          }
        });
    hub.pongs.subscribe(
        pong -> {
          throw boom;
        });
    hub.pongs.subscribe(pong -> calls.add("pong after the failing one"));

    assertSame(boom, assertThrows(RuntimeException.class, () -> hub.pings.deliver(new Ping(1))));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("ping 1", "pong after the failing one", "ping 2"), calls);
  }

  @Test
  void anEventEmittedAfterAFailureKeptToBeThrownStillWaitsForTheCurrentOne() {
    TestHub hub = new TestHub(Delivery.builder().failurePolicy(FailurePolicy.PROPAGATE));
    RuntimeException boom = new IllegalStateException("first listener");
    hub.pings.subscribe(
        ping -> {
          if (ping.number() == 1) {
            throw boom;
          }
        });
    hub.pings.subscribe(
        ping -> {
          calls.add("second " + ping.number());
          if (ping.number() == 1) {
            hub.pings.deliver(new Ping(2));
          }
        });
    hub.pings.subscribe(ping -> calls.add("third " + ping.number()));

    assertSame(boom, assertThrows(RuntimeException.class, () -> hub.pings.deliver(new Ping(1))));

    assertEquals(List.of("second 1", "third 1", "second 2", "third 2"), calls);
  }

  @Test
  void propagatePolicyDoesNotSuppressAnExceptionIntoItself() {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failures::add));
    RuntimeException shared = new IllegalStateException("shared");
    hub.pings.subscribe(
        ping -> {
          throw shared;
        });
    hub.pings.subscribe(
        ping -> {
          throw shared;
        });

    RuntimeException thrown =
        assertThrows(RuntimeException.class, () -> hub.pings.deliver(new Ping(1)));

    assertSame(shared, thrown);
    assertEquals(0, thrown.getSuppressed().length);
    assertEquals(1, failures.size(), "the second throw is reported");
  }

  @Test
  void virtualMachineErrorsAreNotSwallowed() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    hub.pings.subscribe(
        ping -> {
          throw new OutOfMemoryError("simulated");
        });

    assertThrows(OutOfMemoryError.class, () -> hub.pings.deliver(new Ping(1)));
    assertEquals(List.of(), failures);
  }

  @Test
  void failuresOfListenersOnTheirOwnExecutorAreReportedEvenWhenPropagating() {
    TestHub.ManualExecutor ui = new TestHub.ManualExecutor();
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failures::add));
    RuntimeException boom = new IllegalStateException("boom");
    Subscription onUi =
        hub.pings.subscribe(
            ping -> {
              throw boom;
            },
            ui);

    Ping ping = new Ping(3);
    hub.pings.deliver(ping);
    ui.runAll();

    assertEquals(List.of(new ListenerFailure(Type.PING, ping, onUi, boom)), failures);
  }

  @Test
  void aHubExecutorThatRefusesIsReportedLikeASubscriptionsAndEmitReturns() {
    RejectedExecutionException refused = new RejectedExecutionException("shut down");
    Delivery delivery =
        Delivery.builder()
            .failureHandler(failures::add)
            .executor(
                task -> {
                  throw refused;
                })
            .build();
    Listeners<Ping> kept = delivery.listenersReplayingLatest(Type.PING);
    Subscription first = kept.subscribe(ping -> calls.add("first"));
    Subscription second = kept.subscribe(ping -> calls.add("second"));

    Ping ping = new Ping(1);
    kept.deliver(ping);

    assertEquals(List.of(), calls);
    assertEquals(
        List.of(
            new ListenerFailure(Type.PING, ping, first, refused),
            new ListenerFailure(Type.PING, ping, second, refused)),
        failures);
    assertEquals(java.util.Optional.of(ping), kept.latest(), "the event was taken, and kept");
  }

  @Test
  void aRefusingExecutorIsReportedAndNotThrownEvenWhenFailuresPropagate() {
    RejectedExecutionException refused = new RejectedExecutionException("shut down");
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failures::add));
    Subscription onUi =
        hub.pings.subscribe(
            ping -> calls.add("ui"),
            task -> {
              throw refused;
            });
    hub.pings.subscribe(ping -> calls.add("direct"));

    Ping ping = new Ping(1);
    hub.pings.deliver(ping);

    assertEquals(List.of("direct"), calls);
    assertEquals(List.of(new ListenerFailure(Type.PING, ping, onUi, refused)), failures);
  }

  @Test
  void withAHubExecutorFailuresReachTheHandlerWhenThePolicyPropagates() {
    TestHub.ManualExecutor pool = new TestHub.ManualExecutor();
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .executor(pool)
                .failurePolicy(FailurePolicy.PROPAGATE)
                .failureHandler(failures::add));
    RuntimeException boom = new IllegalStateException("boom");
    Subscription failing =
        hub.pings.subscribe(
            ping -> {
              throw boom;
            });
    hub.pings.subscribe(ping -> calls.add("after " + ping.number()));

    Ping ping = new Ping(1);
    hub.pings.deliver(ping);
    pool.runAll();

    assertEquals(List.of("after 1"), calls);
    assertEquals(List.of(new ListenerFailure(Type.PING, ping, failing, boom)), failures);
  }

  @Test
  void aFailureNamesTheListenerByItsClassOrTheLabelItWasGiven() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));
    hub.pings.subscribe(new ThrowingListener());
    hub.pings.subscribe(
        ping -> {
          throw new IllegalStateException("lambda");
        });
    hub.pings.subscribe(
        Labeled.listener(
            "analytics",
            ping -> {
              throw new IllegalStateException("labeled");
            }));
    hub.delivery.subscribe(
        Labeled.listener("every event", (type, event) -> {}),
        registration ->
            registration.listen(
                hub.pings,
                ping -> {
                  throw new IllegalStateException("wrapped");
                }));

    hub.pings.deliver(new Ping(1));

    assertEquals(
        List.of(
            ThrowingListener.class.getName(),
            "lambda in " + FailureIsolationTest.class.getName(),
            "analytics",
            "every event"),
        failures.stream().map(failure -> failure.subscription().description()).toList());
    assertEquals("Subscription[analytics, active]", failures.get(2).subscription().toString());
  }

  @Test
  void theDefaultLogNamesTheLabelAndNeverTheEvent() {
    try (CapturedLog log = new CapturedLog()) {
      TestHub hub = new TestHub();
      hub.pings.subscribe(
          Labeled.listener(
              "sentry",
              ping -> {
                throw new IllegalStateException("boom");
              }));

      hub.pings.deliver(new Ping(4111));

      assertEquals("A listener of ping failed: sentry", log.records.get(0).getMessage());
    }
  }

  @Test
  void aBlankLabelIsRefused() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> Labeled.listener(" ", ping -> {}));

    assertEquals("a label names the listener: give a non-blank one", thrown.getMessage());
  }

  private static final class ThrowingListener implements java.util.function.Consumer<Ping> {
    @Override
    public void accept(Ping ping) {
      throw new IllegalStateException("class");
    }
  }
}
