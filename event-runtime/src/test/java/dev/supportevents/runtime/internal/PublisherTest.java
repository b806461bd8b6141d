package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.PublisherOptions;
import dev.supportevents.runtime.PublisherOverflowException;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * The hub's {@link Flow.Publisher}: each subscriber receives what it requests, in emit order, with
 * the rest in its buffer, and every end (cancel, bad request, overflow, hub closed, a throwing
 * subscriber) is signalled once or reported.
 */
class PublisherTest {

  private final List<ListenerFailure> failures = new ArrayList<>();
  private final TestHub hub = new TestHub(Delivery.builder().failureHandler(failures::add));

  @Test
  void eventsBeyondTheDemandWaitInTheBufferAndComeInOrderAsRequested() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());

    emit(1, 2, 3);
    assertEquals(List.of("subscribed"), subscriber.signals);

    subscriber.request(2);
    emit(4);
    assertEquals(List.of("subscribed", "next 1", "next 2"), subscriber.signals);

    subscriber.request(2);
    emit(5);
    assertEquals(List.of("subscribed", "next 1", "next 2", "next 3", "next 4"), subscriber.signals);

    subscriber.request(1);
    assertEquals(
        List.of("subscribed", "next 1", "next 2", "next 3", "next 4", "next 5"),
        subscriber.signals);
  }

  @Test
  void anEventThatFindsDemandGoesStraightToOnNextAndCountsOffTheDemand() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());
    subscriber.request(2);

    emit(1, 2, 3);
    assertEquals(List.of("subscribed", "next 1", "next 2"), subscriber.signals);

    subscriber.request(1);
    emit(4);
    assertEquals(List.of("subscribed", "next 1", "next 2", "next 3"), subscriber.signals);
  }

  @Test
  void anUnboundedRequestReceivesEveryEventAndStaysUnboundedWhenMoreIsRequested() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());
    emit(1);
    subscriber.request(Long.MAX_VALUE - 1);
    subscriber.request(5);
    emit(2, 3);

    assertEquals(List.of("subscribed", "next 1", "next 2", "next 3"), subscriber.signals);
    // Rule 3.17: demand that adds up beyond Long.MAX_VALUE is unbounded, not negative.
    assertTrue(
        subscriber.subscription.toString().contains("requested=" + Long.MAX_VALUE),
        subscriber.subscription.toString());
  }

  @Test
  void aNonPositiveRequestEndsTheSubscriberWithRule39AndClosesItsHubSubscription() {
    Recorder zero = subscribe(PublisherOptions.defaults());
    zero.request(0);
    zero.request(-1);
    assertEquals(
        List.of(
            "subscribed",
            "error IllegalArgumentException: Rule 3.9: a non-positive subscription request is"
                + " illegal, was 0"),
        zero.signals);

    Recorder negative = subscribe(PublisherOptions.defaults());
    negative.request(-7);
    assertEquals(
        List.of(
            "subscribed",
            "error IllegalArgumentException: Rule 3.9: a non-positive subscription request is"
                + " illegal, was -7"),
        negative.signals);

    assertFalse(hub.pings.hasListeners());
    emit(1);
    assertEquals(2, zero.signals.size(), "only the first failure is signalled");
    assertEquals(2, negative.signals.size());
  }

  @Test
  void aNonPositiveRequestReportsEachBufferedEventWithItsFailure() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());
    emit(1, 2);
    subscriber.request(0);

    assertEquals(
        List.of(new Ping(1), new Ping(2)), failures.stream().map(ListenerFailure::event).toList());
    for (ListenerFailure failure : failures) {
      assertSame(subscriber.error, failure.failure());
    }
    assertBufferEmpty(subscriber);
  }

  @Test
  void aCancelledSubscriberReceivesNothingMoreAndLeavesTheHub() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());
    subscriber.request(5);
    emit(1);
    subscriber.subscription.cancel();
    subscriber.subscription.cancel();

    assertFalse(hub.pings.hasListeners());
    emit(2);
    subscriber.request(1);
    assertEquals(List.of("subscribed", "next 1"), subscriber.signals);
    assertTrue(
        subscriber.subscription.toString().endsWith(", ended]"),
        subscriber.subscription.toString());
  }

  @Test
  void cancellingDiscardsTheBufferedEventsWithoutAReport() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());
    emit(1, 2);
    subscriber.subscription.cancel();
    assertBufferEmpty(subscriber);
    assertEquals(List.of(), failures);

    subscriber.request(2);
    assertEquals(List.of("subscribed"), subscriber.signals);
  }

  @Test
  void closingTheHubCompletesEachSubscriberOnceItsBufferIsDelivered() {
    Recorder idle = subscribe(PublisherOptions.defaults());
    Recorder behind = subscribe(PublisherOptions.defaults());
    emit(1, 2);
    idle.subscription.cancel();
    Recorder late = subscribe(PublisherOptions.defaults());

    hub.delivery.close();
    assertEquals(List.of("subscribed", "complete"), late.signals);
    assertEquals(List.of("subscribed"), behind.signals);

    behind.request(1);
    assertEquals(List.of("subscribed", "next 1"), behind.signals);
    behind.request(1);
    assertEquals(List.of("subscribed", "next 1", "next 2", "complete"), behind.signals);
    behind.request(1);
    assertEquals(List.of("subscribed", "next 1", "next 2", "complete"), behind.signals);
    assertEquals(List.of("subscribed"), idle.signals);
  }

  @Test
  void cancellingAfterTheHubClosedDiscardsTheBufferAndSkipsTheCompletion() {
    Recorder subscriber = subscribe(PublisherOptions.defaults());
    emit(1, 2);
    hub.delivery.close();

    subscriber.subscription.cancel();
    assertBufferEmpty(subscriber);
    subscriber.request(2);

    assertEquals(List.of("subscribed"), subscriber.signals);
  }

  @Test
  void aSubscriberOfAClosedHubIsStartedAndCompletedAtOnceWithoutAnException() {
    hub.delivery.close();

    Recorder subscriber = subscribe(PublisherOptions.defaults());

    assertEquals(List.of("subscribed", "complete"), subscriber.signals);
  }

  @Test
  void aSubscriptionRefusedForAnotherReasonThanAClosedHubThrows() {
    IllegalStateException refused = new IllegalStateException("not now");
    EventPublisher<Ping> publisher =
        new EventPublisher<>(
            hub.delivery,
            PublisherOptions.defaults(),
            ping -> Type.PING,
            (registration, listener) -> {
              throw refused;
            });
    Recorder subscriber = new Recorder();

    assertSame(
        refused, assertThrows(IllegalStateException.class, () -> publisher.subscribe(subscriber)));
    assertEquals(List.of(), subscriber.signals);
    assertFalse(hub.delivery.isClosed());
  }

  @Test
  void aMissingSubscriberOrPartIsRefusedByName() {
    EventPublisher<Ping> publisher = publisher(PublisherOptions.defaults());
    assertEquals(
        "subscriber",
        assertThrows(NullPointerException.class, () -> publisher.subscribe(null)).getMessage());
    assertEquals(
        "delivery",
        assertThrows(
                NullPointerException.class,
                () ->
                    new EventPublisher<Ping>(
                        null,
                        PublisherOptions.defaults(),
                        ping -> Type.PING,
                        (registration, listener) -> {}))
            .getMessage());
    assertEquals(
        "options",
        assertThrows(
                NullPointerException.class,
                () ->
                    new EventPublisher<Ping>(
                        hub.delivery, null, ping -> Type.PING, (registration, listener) -> {}))
            .getMessage());
    assertEquals(
        "typeOf",
        assertThrows(
                NullPointerException.class,
                () ->
                    new EventPublisher<Ping>(
                        hub.delivery,
                        PublisherOptions.defaults(),
                        null,
                        (registration, listener) -> {}))
            .getMessage());
    assertEquals(
        "attach",
        assertThrows(
                NullPointerException.class,
                () ->
                    new EventPublisher<Ping>(
                        hub.delivery, PublisherOptions.defaults(), ping -> Type.PING, null))
            .getMessage());
  }

  /** Before, the buffered events went unreported: 1 report for the 3 events not delivered. */
  @Test
  void aFullBufferUnderFailEndsTheSubscriberAndReportsEveryEventItWillNotReceive() {
    Recorder subscriber = subscribe(PublisherOptions.defaults().bufferSize(2));

    emit(1, 2, 3);

    String message =
        "A Flow subscriber fell behind: a ping event arrived while its buffer of 2"
            + " events was full; the subscriber is ended and receives neither this event nor"
            + " those it had buffered. Request more, or choose a larger"
            + " PublisherOptions.bufferSize or another OverflowPolicy";
    assertEquals(
        List.of("subscribed", "error PublisherOverflowException: " + message), subscriber.signals);
    assertEquals(3, failures.size());
    assertOverflowReported(failures.get(0), 3, 2, OverflowPolicy.FAIL, subscriber);
    assertOverflowReported(failures.get(1), 1, 2, OverflowPolicy.FAIL, subscriber);
    assertOverflowReported(failures.get(2), 2, 2, OverflowPolicy.FAIL, subscriber);
    assertFalse(hub.pings.hasListeners());

    assertBufferEmpty(subscriber);
    subscriber.request(5);
    assertEquals(2, subscriber.signals.size());
  }

  @Test
  void aFullBufferUnderDropNewestReportsTheNewEventAndKeepsTheOthers() {
    Recorder subscriber =
        subscribe(PublisherOptions.defaults().bufferSize(2).onOverflow(OverflowPolicy.DROP_NEWEST));

    emit(1, 2, 3);
    assertEquals(1, failures.size());
    assertOverflowReported(failures.get(0), 3, 2, OverflowPolicy.DROP_NEWEST, subscriber);
    assertEquals(
        "A Flow subscriber fell behind: a ping event arrived while its buffer of 2"
            + " events was full; the new event was dropped",
        failures.get(0).failure().getMessage());

    subscriber.request(5);
    emit(4);
    assertEquals(List.of("subscribed", "next 1", "next 2", "next 4"), subscriber.signals);
    assertEquals(1, failures.size(), "a dropped event frees its place in the buffer");
  }

  @Test
  void aFullBufferUnderDropOldestReportsTheOldestEventAndKeepsTheNewOne() {
    Recorder subscriber =
        subscribe(PublisherOptions.defaults().bufferSize(2).onOverflow(OverflowPolicy.DROP_OLDEST));

    emit(1, 2, 3);
    assertEquals(1, failures.size());
    assertOverflowReported(failures.get(0), 1, 2, OverflowPolicy.DROP_OLDEST, subscriber);
    assertEquals(
        "A Flow subscriber fell behind: a ping event arrived while its buffer of 2"
            + " events was full; the oldest buffered event was dropped",
        failures.get(0).failure().getMessage());

    subscriber.request(5);
    emit(4);
    assertEquals(List.of("subscribed", "next 2", "next 3", "next 4"), subscriber.signals);
    assertEquals(1, failures.size());
  }

  @Test
  void aSubscriberWhoseOnNextThrowsIsCancelledAndItsFailureReported() {
    RuntimeException boom = new IllegalStateException("boom");
    Recorder direct =
        subscribe(
            PublisherOptions.defaults(),
            ping -> {
              if (ping.number() == 2) {
                throw boom;
              }
            });
    direct.request(5);
    Recorder buffered =
        subscribe(
            PublisherOptions.defaults(),
            ping -> {
              if (ping.number() == 2) {
                throw boom;
              }
            });

    emit(1, 2, 3);
    buffered.request(5);

    assertEquals(List.of("subscribed", "next 1", "next 2"), direct.signals);
    assertEquals(List.of("subscribed", "next 1", "next 2"), buffered.signals);
    // Event 3 was still in the second subscriber's buffer: reported, not dropped unseen. The first
    // had ended before event 3 came, so that it is dropped as for any closed subscription.
    assertEquals(
        List.of(new Ping(2), new Ping(2), new Ping(3)),
        failures.stream().map(ListenerFailure::event).toList());
    for (ListenerFailure failure : failures) {
      assertEquals(Type.PING, failure.type());
      assertSame(boom, failure.failure());
      assertFalse(failure.subscription().isActive());
    }
    assertFalse(hub.pings.hasListeners());
  }

  @Test
  void aSubscriberThatThrowsFromOnSubscribeIsLoggedAndCancelled() {
    try (CapturedLog log = new CapturedLog()) {
      RuntimeException boom = new IllegalStateException("boom");
      Recorder subscriber =
          new Recorder() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              super.onSubscribe(subscription);
              subscription.request(1);
              throw boom;
            }
          };
      publisher(PublisherOptions.defaults()).subscribe(subscriber);

      emit(1);

      assertEquals(List.of("subscribed"), subscriber.signals);
      assertFalse(hub.pings.hasListeners());
      assertLogged(log, "A Flow subscriber threw from onSubscribe", boom);
    }
  }

  @Test
  void aSubscriberThatThrowsFromOnCompleteOrOnErrorIsLogged() {
    try (CapturedLog log = new CapturedLog()) {
      RuntimeException onError = new IllegalStateException("from onError");
      Recorder failing =
          new Recorder() {
            @Override
            public void onError(Throwable error) {
              super.onError(error);
              throw onError;
            }
          };
      publisher(PublisherOptions.defaults()).subscribe(failing);
      failing.request(0);
      assertLogged(log, "A Flow subscriber threw from onError", onError);
      log.records.clear();

      RuntimeException onComplete = new IllegalStateException("from onComplete");
      Recorder completing =
          new Recorder() {
            @Override
            public void onComplete() {
              super.onComplete();
              throw onComplete;
            }
          };
      publisher(PublisherOptions.defaults()).subscribe(completing);
      hub.delivery.close();
      assertEquals(List.of("subscribed", "complete"), completing.signals);
      assertLogged(log, "A Flow subscriber threw from onComplete", onComplete);
    }
  }

  @Test
  void aRequestFromInsideOnNextAddsDemandWithoutRecursion() {
    List<Integer> depths = new ArrayList<>();
    Recorder subscriber =
        new Recorder() {
          int depth;

          @Override
          public void onNext(Ping ping) {
            depths.add(++depth);
            super.onNext(ping);
            subscription.request(1);
            depth--;
          }
        };
    publisher(PublisherOptions.defaults()).subscribe(subscriber);
    emit(1, 2, 3);

    subscriber.request(1);
    emit(4);

    assertEquals(List.of("subscribed", "next 1", "next 2", "next 3", "next 4"), subscriber.signals);
    assertEquals(List.of(1, 1, 1, 1), depths);
  }

  @Test
  void onAnExecutorEverySignalButOnSubscribeRunsInTheExecutorsTask() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    Recorder subscriber = subscribe(PublisherOptions.defaults().executor(executor));
    subscriber.request(2);
    emit(1, 2, 3);
    assertEquals(List.of("subscribed"), subscriber.signals);

    executor.runAll();
    assertEquals(List.of("subscribed", "next 1", "next 2"), subscriber.signals);

    hub.delivery.close();
    subscriber.request(1);
    assertEquals(List.of("subscribed", "next 1", "next 2"), subscriber.signals);
    executor.runAll();
    assertEquals(
        List.of("subscribed", "next 1", "next 2", "next 3", "complete"), subscriber.signals);
  }

  @Test
  void onAnExecutorAnEventThatFindsDemandStillWaitsForTheExecutorsTask() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    Recorder subscriber = subscribe(PublisherOptions.defaults().executor(executor));
    subscriber.request(5);
    executor.runAll();

    emit(1);
    assertEquals(List.of("subscribed"), subscriber.signals);
    assertEquals(1, executor.pending());

    executor.runAll();
    assertEquals(List.of("subscribed", "next 1"), subscriber.signals);
  }

  @Test
  void anExecutorThatRefusesEndsTheSubscriberWithItsRefusal() {
    RejectedExecutionException refusal = new RejectedExecutionException("shut down");
    Recorder subscriber =
        subscribe(
            PublisherOptions.defaults()
                .executor(
                    task -> {
                      throw refusal;
                    }));

    emit(1);

    assertEquals(
        List.of("subscribed", "error RejectedExecutionException: shut down"), subscriber.signals);
    assertSame(refusal, subscriber.error);
    assertFalse(hub.pings.hasListeners());
  }

  @Test
  void optionsAreCopiedWithEachChangeAndRefuseABufferOfLessThanOne() {
    PublisherOptions defaults = PublisherOptions.defaults();
    assertEquals(Flow.defaultBufferSize(), defaults.bufferSize());
    assertEquals(OverflowPolicy.FAIL, defaults.overflowPolicy());
    assertTrue(defaults.executor().isEmpty());

    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    PublisherOptions changed =
        defaults.bufferSize(1).onOverflow(OverflowPolicy.DROP_OLDEST).executor(executor);
    assertEquals(1, changed.bufferSize());
    assertEquals(OverflowPolicy.DROP_OLDEST, changed.overflowPolicy());
    assertSame(executor, changed.executor().orElseThrow());
    assertEquals(Flow.defaultBufferSize(), defaults.bufferSize(), "defaults are unchanged");
    assertEquals(
        "PublisherOptions[bufferSize=1, overflowPolicy=DROP_OLDEST, executor=" + executor + "]",
        changed.toString());
    assertEquals(
        "EventPublisherPublisherOptions[bufferSize="
            + Flow.defaultBufferSize()
            + ", overflowPolicy=FAIL]",
        publisher(defaults).toString());

    assertEquals(
        "bufferSize must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> defaults.bufferSize(0)).getMessage());
    assertEquals(
        "overflowPolicy",
        assertThrows(NullPointerException.class, () -> defaults.onOverflow(null)).getMessage());
    assertEquals(
        "executor",
        assertThrows(NullPointerException.class, () -> defaults.executor(null)).getMessage());
  }

  @Test
  void anOverflowExceptionNamesTheTypeBufferAndPolicyAndCarriesNoStackTrace() {
    PublisherOverflowException overflow =
        new PublisherOverflowException(Type.PONG, 16, OverflowPolicy.DROP_NEWEST);

    assertEquals("pong", overflow.eventType());
    assertEquals(16, overflow.bufferSize());
    assertEquals(OverflowPolicy.DROP_NEWEST, overflow.policy());
    assertEquals(0, overflow.getStackTrace().length);
    assertEquals(
        "eventType",
        assertThrows(
                NullPointerException.class,
                () -> new PublisherOverflowException(null, 1, OverflowPolicy.FAIL))
            .getMessage());
    assertEquals(
        "policy",
        assertThrows(
                NullPointerException.class,
                () -> new PublisherOverflowException(Type.PING, 1, null))
            .getMessage());
  }

  private void assertOverflowReported(
      ListenerFailure failure,
      int number,
      int bufferSize,
      OverflowPolicy policy,
      Recorder subscriber) {
    assertEquals(Type.PING, failure.type());
    assertEquals(new Ping(number), failure.event());
    assertEquals(Recorder.class.getName(), failure.subscription().description());
    PublisherOverflowException overflow =
        assertInstanceOf(PublisherOverflowException.class, failure.failure());
    assertEquals("ping", overflow.eventType());
    assertEquals(bufferSize, overflow.bufferSize());
    assertEquals(policy, overflow.policy());
    if (policy == OverflowPolicy.FAIL) {
      assertSame(subscriber.error, overflow, "the subscriber ends with the reported exception");
    }
  }

  /** The subscription's description counts what its buffer holds. */
  private static void assertBufferEmpty(Recorder subscriber) {
    assertTrue(
        subscriber.subscription.toString().contains("buffered=0"),
        "the buffered events were discarded: " + subscriber.subscription);
  }

  private static void assertLogged(CapturedLog log, String message, Throwable thrown) {
    assertEquals(1, log.records.size());
    LogRecord record = log.records.get(0);
    assertEquals(Level.WARNING, record.getLevel());
    assertEquals(message, record.getMessage());
    assertSame(thrown, record.getThrown());
  }

  @Test
  void aVirtualMachineErrorFromOnNextGoesOnToTheEmittingThread() {
    OutOfMemoryError fatal = new OutOfMemoryError("a stand-in");
    Recorder subscriber =
        subscribe(
            PublisherOptions.defaults(),
            ping -> {
              throw fatal;
            });
    subscriber.request(1);

    assertSame(fatal, assertThrows(OutOfMemoryError.class, () -> emit(1)));
    assertEquals(List.of(), failures);
  }

  @Test
  void aVirtualMachineErrorFromOnSubscribeGoesOnToTheSubscribingThread() {
    OutOfMemoryError fatal = new OutOfMemoryError("a stand-in");
    Recorder subscriber =
        new Recorder() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            throw fatal;
          }
        };

    assertSame(
        fatal,
        assertThrows(
            OutOfMemoryError.class,
            () -> publisher(PublisherOptions.defaults()).subscribe(subscriber)));
  }

  @Test
  void aVirtualMachineErrorFromOnCompleteGoesOnToTheClosingThread() {
    OutOfMemoryError fatal = new OutOfMemoryError("a stand-in");
    Recorder subscriber =
        new Recorder() {
          @Override
          public void onComplete() {
            throw fatal;
          }
        };
    publisher(PublisherOptions.defaults()).subscribe(subscriber);

    assertSame(fatal, assertThrows(OutOfMemoryError.class, hub.delivery::close));
  }

  private EventPublisher<Ping> publisher(PublisherOptions options) {
    return new EventPublisher<>(
        hub.delivery,
        options,
        ping -> Type.PING,
        (registration, listener) -> registration.listen(hub.pings, listener));
  }

  private Recorder subscribe(PublisherOptions options) {
    return subscribe(options, ping -> {});
  }

  private Recorder subscribe(PublisherOptions options, Consumer<Ping> onNext) {
    Recorder subscriber = new Recorder(onNext);
    publisher(options).subscribe(subscriber);
    return subscriber;
  }

  private void emit(int... numbers) {
    for (int number : numbers) {
      hub.pings.deliver(new Ping(number));
    }
  }

  /** Writes down each signal it receives, then does what the test asks of {@code onNext}. */
  static class Recorder implements Flow.Subscriber<Ping> {
    final List<String> signals = new ArrayList<>();
    private final Consumer<Ping> onNext;
    Flow.Subscription subscription;
    Throwable error;

    Recorder() {
      this(ping -> {});
    }

    Recorder(Consumer<Ping> onNext) {
      this.onNext = onNext;
    }

    void request(long n) {
      subscription.request(n);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      signals.add("subscribed");
    }

    @Override
    public void onNext(Ping ping) {
      signals.add("next " + ping.number());
      onNext.accept(ping);
    }

    @Override
    public void onError(Throwable error) {
      this.error = error;
      signals.add("error " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    @Override
    public void onComplete() {
      signals.add("complete");
    }
  }
}
