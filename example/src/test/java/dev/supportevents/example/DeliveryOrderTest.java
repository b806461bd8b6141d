package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** In which order listeners run, and what subscribing or closing during a delivery does. */
class DeliveryOrderTest {

  private static final MessageSentEvent SENT =
      new MessageSentEvent("c-1", fromVisitor("c-1", "m-2", "Hi"));
  private static final MessageSentEvent SENT_AGAIN =
      new MessageSentEvent("c-1", fromVisitor("c-1", "m-3", "Hello?"));
  private static final ErrorEvent ERROR = new ErrorEvent(new IllegalStateException("boom"), null);

  private final List<String> order = new ArrayList<>();

  @Test
  void builderCallbacksRunFirstThenListenersInSubscriptionOrderAcrossKinds() {
    SupportEvents events =
        SupportEvents.builder()
            .callbacks(recording("props-1"))
            .callbacks(recording("props-2"))
            .build();
    events.subscribeAll((type, event) -> order.add("all-1 " + type.wireName()));
    events.onMessageSent(event -> order.add("typed messageSent"));
    events.subscribe(recording("callbacks"));
    events.subscribe(MessageSentEvent.class, event -> order.add("class messageSent"));
    events.subscribe(SupportEventType.MESSAGE_SENT, event -> order.add("type messageSent"));
    events.subscribe(SupportEventType.ERROR, event -> order.add("type error"));
    events.subscribeAll((type, event) -> order.add("all-2 " + type.wireName()));

    events.emit(SENT);
    events.emit(ERROR);

    assertEquals(
        List.of(
            "props-1 messageSent",
            "props-2 messageSent",
            "all-1 messageSent",
            "typed messageSent",
            "callbacks messageSent",
            "class messageSent",
            "type messageSent",
            "all-2 messageSent",
            "props-1 error",
            "props-2 error",
            "all-1 error",
            "callbacks error",
            "type error",
            "all-2 error"),
        order);
  }

  @Test
  void subscribingAgainAfterClosePutsTheListenerLast() {
    SupportEvents events = SupportEvents.create();
    Subscription first = events.onMessageSent(event -> order.add("first"));
    events.onMessageSent(event -> order.add("second"));

    first.close();
    events.onMessageSent(event -> order.add("first"));
    events.emit(SENT);

    assertEquals(List.of("second", "first"), order);
  }

  @Test
  void listenerSubscribedDuringADeliveryReceivesOnlyLaterEvents() {
    SupportEvents events = SupportEvents.create();
    events.onMessageSent(
        event -> {
          order.add("subscriber " + event.message().id());
          if (event == SENT) {
            events.onMessageSent(later -> order.add("late " + later.message().id()));
          }
        });

    events.emit(SENT);
    events.emit(SENT_AGAIN);

    assertEquals(List.of("subscriber m-2", "subscriber m-3", "late m-3"), order);
  }

  @Test
  void subscriptionClosedDuringADeliveryMissesTheRestOfIt() {
    SupportEvents events = SupportEvents.create();
    AtomicReference<Subscription> second = new AtomicReference<>();
    events.onMessageSent(
        event -> {
          order.add("first " + event.message().id());
          second.get().close();
        });
    second.set(events.onMessageSent(event -> order.add("second " + event.message().id())));

    events.emit(SENT);
    events.emit(SENT_AGAIN);

    assertEquals(List.of("first m-2", "first m-3"), order);
  }

  @Test
  void listenerMayCloseItsOwnSubscription() {
    SupportEvents events = SupportEvents.create();
    AtomicReference<Subscription> once = new AtomicReference<>();
    once.set(
        events.onMessageSent(
            event -> {
              order.add("once " + event.message().id());
              once.get().close();
            }));

    events.emit(SENT);
    events.emit(SENT_AGAIN);

    assertEquals(List.of("once m-2"), order);
  }

  @Test
  void eventEmittedByAListenerIsDeliveredOnceTheCurrentEventReachedEveryListener() {
    SupportEvents events = SupportEvents.create();
    events.onMessageSent(
        event -> {
          order.add("first messageSent");
          events.emit(ERROR);
        });
    events.onError(event -> order.add("error"));
    events.onMessageSent(event -> order.add("second messageSent"));

    events.emit(SENT);

    assertEquals(List.of("first messageSent", "second messageSent", "error"), order);
  }

  @Test
  void withAnExecutorEventsAreDeliveredInEmitOrderWhenItRuns() {
    ManualExecutor executor = new ManualExecutor();
    SupportEvents events = SupportEvents.builder().executor(executor).build();
    events.subscribeAll((type, event) -> order.add(type.wireName()));

    events.emit(SENT);
    events.emit(ERROR);
    events.emit(SENT_AGAIN);

    assertEquals(List.of(), order);
    assertEquals(1, executor.runAll(), "one task drains the subscription's queue");
    assertEquals(List.of("messageSent", "error", "messageSent"), order);
  }

  @Test
  void withAnExecutorAnEventWithoutListenersQueuesNothing() {
    ManualExecutor executor = new ManualExecutor();
    SupportEvents events = SupportEvents.builder().executor(executor).build();
    events.onError(event -> order.add("error"));

    events.emit(SENT);

    assertEquals(0, executor.pending());
  }

  @Test
  void subscriptionClosedBeforeAQueuedDeliveryRunsIsNotCalled() {
    ManualExecutor executor = new ManualExecutor();
    SupportEvents events = SupportEvents.builder().executor(executor).build();
    Subscription closed = events.onMessageSent(event -> order.add("closed"));
    events.onMessageSent(event -> order.add("open"));

    events.emit(SENT);
    closed.close();
    executor.runAll();

    assertEquals(List.of("open"), order);
  }

  /** Callbacks for messageSent and error that record {@code name wireName}. */
  private SupportEventCallbacks recording(String name) {
    return new SupportEventCallbacks() {
      @Override
      public void onMessageSent(MessageSentEvent event) {
        order.add(name + " messageSent");
      }

      @Override
      public void onError(ErrorEvent event) {
        order.add(name + " error");
      }
    };
  }
}
