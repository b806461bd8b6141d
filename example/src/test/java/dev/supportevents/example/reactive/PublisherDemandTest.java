package dev.supportevents.example.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.WidgetOpenedEvent;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.PublisherOptions;
import dev.supportevents.runtime.PublisherOverflowException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A hub's {@code Flow.Publisher}: demand, the bounded buffer and its overflow policies, cancel, hub
 * close, failing subscribers, threads and re-entrant emits.
 */
class PublisherDemandTest {

  private static final Instant T0 = Instant.parse("2025-03-04T10:15:30Z");

  private final List<ListenerFailure> failures = new CopyOnWriteArrayList<>();
  private final List<WidgetEvent> unhandled = new CopyOnWriteArrayList<>();
  private final SupportEvents hub =
      SupportEvents.builder()
          .failureHandler(failures::add)
          .unhandledEvents((type, event) -> unhandled.add(event))
          .build();

  private static MessageSentEvent sent(int number) {
    return new MessageSentEvent(
        "c-1",
        new Message(
            "m-" + number,
            "c-1",
            Sender.visitor("v-1", "Alex"),
            "message " + number,
            List.of(),
            T0));
  }

  private static List<MessageSentEvent> sent(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(PublisherDemandTest::sent).toList();
  }

  private RecordingSubscriber<MessageSentEvent> subscribe(PublisherOptions options) {
    RecordingSubscriber<MessageSentEvent> subscriber = new RecordingSubscriber<>();
    hub.publisher(MessageSentEvent.class, options).subscribe(subscriber);
    return subscriber;
  }

  private void emit(List<MessageSentEvent> events) {
    events.forEach(hub::emit);
  }

  @Test
  void aSlowSubscriberGetsEachEventOnlyWhenRequestedAndInOrder() {
    RecordingSubscriber<MessageSentEvent> subscriber = subscribe(PublisherOptions.defaults());

    emit(sent(1, 5));
    assertEquals(List.of(), subscriber.received);
    subscriber.request(2);
    assertEquals(sent(1, 2), subscriber.received);
    subscriber.request(1);
    emit(sent(6, 6));
    assertEquals(sent(1, 3), subscriber.received);
    subscriber.request(10);
    assertEquals(sent(1, 6), subscriber.received);
    emit(sent(7, 8));
    assertEquals(sent(1, 8), subscriber.received);
    subscriber.assertRulesKept();
    assertEquals(List.of(), failures);
  }

  @Test
  void theDefaultBufferHoldsFlowDefaultBufferSizeEvents() {
    RecordingSubscriber<MessageSentEvent> subscriber = subscribe(PublisherOptions.defaults());
    int size = java.util.concurrent.Flow.defaultBufferSize();

    emit(sent(1, size));
    assertNull(subscriber.error);
    emit(sent(size + 1, size + 1));

    PublisherOverflowException overflow =
        assertInstanceOf(PublisherOverflowException.class, subscriber.error);
    assertEquals(size, overflow.bufferSize());
  }

  @Test
  void anOverflowEndsTheSubscriberWithAnErrorNamingTheTypeAndTheBufferAndTellsTheHandler() {
    RecordingSubscriber<MessageSentEvent> subscriber =
        subscribe(PublisherOptions.defaults().bufferSize(2));

    emit(sent(1, 3)); // emit never blocks nor throws

    PublisherOverflowException overflow =
        assertInstanceOf(PublisherOverflowException.class, subscriber.error);
    assertEquals("messageSent", overflow.eventType());
    assertEquals(2, overflow.bufferSize());
    assertEquals(OverflowPolicy.FAIL, overflow.policy());
    assertTrue(
        overflow.getMessage().contains("messageSent")
            && overflow.getMessage().contains("buffer of 2 events"),
        overflow.getMessage());
    // The event that did not fit, then each buffered one, which the ended subscriber never gets.
    assertEquals(
        List.of(sent(3), sent(1), sent(2)), failures.stream().map(ListenerFailure::event).toList());
    for (ListenerFailure failure : failures) {
      assertEquals(SupportEventType.MESSAGE_SENT, failure.type());
      assertSame(overflow, failure.failure());
      assertFalse(failure.subscription().isActive());
    }

    // Ended and gone from the hub: later events go nowhere, and a request changes nothing.
    subscriber.request(10);
    emit(sent(4, 4));
    assertEquals(List.of(), subscriber.received);
    assertEquals(List.of(sent(4)), unhandled);
    subscriber.assertRulesKept();
  }

  @Test
  void dropOldestKeepsTheLatestEventsAndReportsEachDroppedOne() {
    RecordingSubscriber<MessageSentEvent> subscriber =
        subscribe(PublisherOptions.defaults().bufferSize(2).onOverflow(OverflowPolicy.DROP_OLDEST));

    emit(sent(1, 4));
    subscriber.request(10);
    emit(sent(5, 5));

    assertEquals(List.of(sent(3), sent(4), sent(5)), subscriber.received);
    assertEquals(List.of(sent(1), sent(2)), failures.stream().map(ListenerFailure::event).toList());
    PublisherOverflowException dropped =
        assertInstanceOf(PublisherOverflowException.class, failures.get(0).failure());
    assertEquals(OverflowPolicy.DROP_OLDEST, dropped.policy());
    assertNull(subscriber.error);
    subscriber.assertRulesKept();
  }

  @Test
  void dropNewestKeepsTheBufferedEventsAndReportsEachDroppedOne() {
    RecordingSubscriber<MessageSentEvent> subscriber =
        subscribe(PublisherOptions.defaults().bufferSize(2).onOverflow(OverflowPolicy.DROP_NEWEST));

    emit(sent(1, 4));
    subscriber.request(10);

    assertEquals(sent(1, 2), subscriber.received);
    assertEquals(List.of(sent(3), sent(4)), failures.stream().map(ListenerFailure::event).toList());
    assertNull(subscriber.error);
    subscriber.assertRulesKept();
  }

  @Test
  void cancelStopsDeliveryAndLeavesTheHub() {
    RecordingSubscriber<MessageSentEvent> subscriber = subscribe(PublisherOptions.defaults());
    subscriber.request(10);
    emit(sent(1, 1));

    subscriber.subscription.cancel();
    subscriber.subscription.cancel();
    emit(sent(2, 2));
    subscriber.request(1);

    assertEquals(List.of(sent(1)), subscriber.received);
    assertEquals(List.of(sent(2)), unhandled);
    assertEquals(1, subscriber.terminated.getCount(), "a cancelled subscriber is not signalled");
    subscriber.assertRulesKept();
  }

  @Test
  void closingTheHubCompletesEachSubscriberAfterItsBufferedEvents() throws Exception {
    RecordingSubscriber<MessageSentEvent> idle = subscribe(PublisherOptions.defaults());
    RecordingSubscriber<MessageSentEvent> behind = subscribe(PublisherOptions.defaults());
    idle.request(5);
    emit(sent(1, 2));
    behind.request(1);
    emit(sent(3, 3));

    hub.close();

    assertTrue(idle.completed);
    assertEquals(sent(1, 3), idle.received);
    assertFalse(behind.completed, "completed before its buffered events were requested");
    assertEquals(sent(1, 1), behind.received);
    behind.request(5);
    behind.awaitTermination();
    assertTrue(behind.completed);
    assertEquals(sent(1, 3), behind.received);
    idle.assertRulesKept();
    behind.assertRulesKept();
  }

  @Test
  void aSubscriberOfAClosedHubIsCompletedAtOnce() throws Exception {
    hub.close();

    RecordingSubscriber<MessageSentEvent> late = subscribe(PublisherOptions.defaults());

    late.awaitTermination();
    assertTrue(late.completed);
    late.assertRulesKept();
  }

  @Test
  void aSubscriberWhoseOnNextThrowsIsCancelledAndReported() {
    IllegalStateException boom = new IllegalStateException("boom");
    RecordingSubscriber<MessageSentEvent> failing =
        new RecordingSubscriber<>() {
          @Override
          void whenReceived(MessageSentEvent item) {
            throw boom;
          }
        };
    hub.publisher(MessageSentEvent.class).subscribe(failing);
    List<MessageSentEvent> others = new ArrayList<>();
    hub.onMessageSent(others::add);
    failing.request(10);

    emit(sent(1, 3));

    assertEquals(List.of(sent(1)), failing.received);
    assertEquals(sent(1, 3), others, "a failing subscriber stops no other listener");
    assertEquals(1, failures.size());
    assertSame(boom, failures.get(0).failure());
    assertEquals(sent(1), failures.get(0).event());
    assertFalse(failures.get(0).subscription().isActive());
    assertEquals(1, failing.terminated.getCount(), "cancelled, not signalled (rule 2.13)");
  }

  @Test
  void aNonPositiveRequestEndsTheSubscriberWithRule39() {
    RecordingSubscriber<MessageSentEvent> subscriber = subscribe(PublisherOptions.defaults());

    subscriber.subscription.request(0);

    IllegalArgumentException error =
        assertInstanceOf(IllegalArgumentException.class, subscriber.error);
    assertTrue(error.getMessage().startsWith("Rule 3.9"), error.getMessage());
    emit(sent(1, 1));
    assertEquals(List.of(sent(1)), unhandled);
  }

  @Test
  void reentrantEmitsFromOnNextWaitTheirTurnWithoutRecursion() {
    AtomicInteger depth = new AtomicInteger();
    AtomicInteger deepest = new AtomicInteger();
    RecordingSubscriber<MessageSentEvent> subscriber =
        new RecordingSubscriber<>() {
          @Override
          void whenReceived(MessageSentEvent item) {
            deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
            int number = received.size();
            if (number < 1_000) {
              hub.emit(sent(number + 1));
            }
            depth.decrementAndGet();
          }
        };
    hub.publisher(MessageSentEvent.class).subscribe(subscriber);
    subscriber.request(Integer.MAX_VALUE);

    emit(sent(1, 1));

    assertEquals(sent(1, 1_000), subscriber.received);
    assertEquals(1, deepest.get(), "onNext was called from inside onNext");
    subscriber.assertRulesKept();
  }

  @Test
  void requestsFromOneThreadAndEmitsFromTwoNeverOverlapNorExceedTheDemand() throws Exception {
    int perThread = 20_000;
    RecordingSubscriber<MessageSentEvent> subscriber =
        subscribe(PublisherOptions.defaults().bufferSize(2 * perThread));
    ExecutorService threads = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (String conversation : List.of("a", "b")) {
        tasks.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    hub.emitMessageSent(
                        conversation,
                        new Message(
                            "m-" + i,
                            conversation,
                            Sender.visitor("v-1", "Alex"),
                            "",
                            List.of(),
                            T0));
                  }
                  return null;
                }));
      }
      tasks.add(
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < 2 * perThread; i++) {
                  subscriber.request(1);
                }
                return null;
              }));
      start.countDown();
      for (Future<?> task : tasks) {
        task.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(2 * perThread, subscriber.received.size());
    for (String conversation : List.of("a", "b")) {
      List<String> ids =
          subscriber.received.stream()
              .filter(event -> event.conversationId().equals(conversation))
              .map(event -> event.message().id())
              .toList();
      assertEquals(
          IntStream.range(0, perThread).mapToObj(i -> "m-" + i).toList(),
          ids,
          "the events of one emitting thread arrive in its order");
    }
    subscriber.assertRulesKept();
    assertEquals(List.of(), failures);
  }

  @Test
  void withAnExecutorEverySignalRunsThereEvenWhenRequestedFromElsewhere() {
    ManualExecutor executor = new ManualExecutor();
    RecordingSubscriber<MessageSentEvent> subscriber =
        subscribe(PublisherOptions.defaults().executor(executor));
    executor.runAll();

    emit(sent(1, 2));
    subscriber.request(5);
    assertEquals(List.of(), subscriber.received, "delivered outside the executor");
    assertEquals(1, executor.pending(), "one drain task at a time");
    executor.runAll();
    assertEquals(sent(1, 2), subscriber.received);

    hub.close();
    assertFalse(subscriber.completed);
    executor.runAll();
    assertTrue(subscriber.completed);
    subscriber.assertRulesKept();
  }

  @Test
  void anExecutorThatRefusesEndsTheSubscriberWithItsRefusal() {
    RuntimeException refused = new java.util.concurrent.RejectedExecutionException("shut down");
    RecordingSubscriber<MessageSentEvent> subscriber = new RecordingSubscriber<>();
    AtomicInteger calls = new AtomicInteger();
    Executor refusingAfterSubscribe =
        task -> {
          if (calls.incrementAndGet() > 1) {
            throw refused;
          }
          task.run();
        };
    hub.publisher(
            MessageSentEvent.class, PublisherOptions.defaults().executor(refusingAfterSubscribe))
        .subscribe(subscriber);

    emit(sent(1, 1));

    assertSame(refused, subscriber.error);
    subscriber.assertRulesKept();
  }

  @Test
  void everyEventPublisherDeliversEachTypeInEmitOrder() {
    RecordingSubscriber<WidgetEvent> subscriber = new RecordingSubscriber<>();
    hub.publisherAll().subscribe(subscriber);
    subscriber.request(Integer.MAX_VALUE);
    WidgetOpenedEvent opened = new WidgetOpenedEvent("v-1", "/help");
    ConversationStartEvent started = new ConversationStartEvent("c-1", null);

    hub.emit(opened);
    hub.emit(started);
    hub.emit(sent(1));

    assertEquals(List.of(opened, started, sent(1)), subscriber.received);
    subscriber.assertRulesKept();
  }

  @Test
  void anOverflowOfTheEveryEventPublisherNamesTheOverflowingType() {
    RecordingSubscriber<WidgetEvent> subscriber = new RecordingSubscriber<>();
    hub.publisherAll(PublisherOptions.defaults().bufferSize(1)).subscribe(subscriber);

    hub.emit(sent(1));
    hub.emit(new WidgetOpenedEvent("v-1", "/help"));

    PublisherOverflowException overflow =
        assertInstanceOf(PublisherOverflowException.class, subscriber.error);
    assertEquals(SupportEventType.WIDGET_OPENED.wireName(), overflow.eventType());
    assertEquals(SupportEventType.WIDGET_OPENED, failures.get(0).type());
  }

  @Test
  void theKeptLatestEventIsTheFirstOneRequested() {
    ConversationStartEvent kept = new ConversationStartEvent("c-1", null);
    ConversationStartEvent next = new ConversationStartEvent("c-2", null);
    hub.emit(kept);
    RecordingSubscriber<ConversationStartEvent> subscriber = new RecordingSubscriber<>();
    hub.publisher(ConversationStartEvent.class).subscribe(subscriber);

    hub.emit(next);
    assertEquals(List.of(), subscriber.received);
    subscriber.request(2);

    assertEquals(List.of(kept, next), subscriber.received);
  }

  @Test
  void badArgumentsFailAtOnce() {
    assertThrows(
        NullPointerException.class, () -> hub.publisher(MessageSentEvent.class).subscribe(null));
    // The widget's hub takes only classes of its union; a catalog without one checks at run time.
    assertThrows(
        IllegalArgumentException.class,
        () -> dev.supportevents.example.billing.SupportEvents.create().publisher(Sample.class));
    assertThrows(NullPointerException.class, () -> hub.publisher(MessageSentEvent.class, null));
    IllegalArgumentException size =
        assertThrows(
            IllegalArgumentException.class, () -> PublisherOptions.defaults().bufferSize(0));
    assertEquals("bufferSize must be at least 1, was 0", size.getMessage());
  }

  /** A record of no catalog. */
  private record Sample(int value) {}

  /** Runs tasks only when the test says so, in order. */
  private static final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    synchronized int pending() {
      return tasks.size();
    }

    void runAll() {
      for (Runnable task; (task = poll()) != null; ) {
        task.run();
      }
    }

    private synchronized Runnable poll() {
      return tasks.poll();
    }
  }
}
