package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.SubscriptionOverflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The hub builder's queue capacity and overflow policy, and every subscribe overload that takes
 * {@link SubscriptionOptions}: each such subscription runs on the options' executor with the
 * options' capacity, and each event beyond it is reported once.
 */
class SubscriptionOptionsTest {

  private final List<Runnable> tasks = new ArrayList<>();
  private final Executor queued = tasks::add;
  private final List<ListenerFailure> failures = new ArrayList<>();
  private final List<String> received = new ArrayList<>();

  @Test
  void everyOverloadWithOptionsQueuesOnItsExecutorAndReportsWhatItsQueueCannotHold() {
    SupportEvents events =
        SupportEvents.builder()
            .queueCapacity(1)
            .onOverflow(OverflowPolicy.DROP_NEWEST)
            .failureHandler(failures::add)
            .build();
    SubscriptionOptions options = SubscriptionOptions.defaults().executor(queued);
    List<Subscription> subscriptions =
        List.of(
            events.onMessageSent(
                event -> received.add("onMessageSent " + event.message().id()), options),
            events.subscribe(
                new SupportEventCallbacks() {
                  @Override
                  public void onMessageSent(MessageSentEvent event) {
                    received.add("callbacks " + event.message().id());
                  }
                },
                options),
            events.subscribe(
                MessageSentEvent.class,
                event -> received.add("class " + event.message().id()),
                options),
            events.subscribe(
                SupportEventType.MESSAGE_SENT,
                event -> received.add("type " + ((MessageSentEvent) event).message().id()),
                options),
            events.subscribeAll((type, event) -> received.add("all " + type.wireName()), options),
            events.onConversationStart(event -> received.add("start"), options),
            events.onConversationEnd(event -> received.add("end"), options),
            events.onMessageReceived(event -> received.add("received"), options),
            events.onError(event -> received.add("error"), options),
            events.onRatingSubmitted(event -> received.add("rating"), options),
            events.onWidgetOpened(event -> received.add("opened"), options),
            events.onWidgetClosed(event -> received.add("closed"), options));

    events.emitMessageSent("c-1", fromVisitor("c-1", "m-1", "Hi"));
    events.emitMessageSent("c-1", fromVisitor("c-1", "m-2", "Hello?"));

    assertEquals(List.of(), received, "nothing runs before the executor does");
    assertEquals(1, subscriptions.get(0).queuedEvents());
    tasks.forEach(Runnable::run);
    assertEquals(
        List.of("onMessageSent m-1", "callbacks m-1", "class m-1", "type m-1", "all messageSent"),
        received);
    assertEquals(5, failures.size(), "the second event, once for each of the five subscribed");
    for (ListenerFailure failure : failures) {
      SubscriptionOverflowException overflow =
          assertInstanceOf(SubscriptionOverflowException.class, failure.failure());
      assertEquals(1, overflow.capacity());
      assertEquals("messageSent", overflow.eventType());
    }
  }

  @Test
  void optionsOverrideTheHubsCapacityAndPolicy() {
    SupportEvents events =
        SupportEvents.builder()
            .executor(queued)
            .queueCapacity(1)
            .failureHandler(failures::add)
            .build();
    events.onWidgetOpened(
        event -> received.add(event.page()),
        SubscriptionOptions.defaults().queueCapacity(2).onOverflow(OverflowPolicy.DROP_OLDEST));

    events.emitWidgetOpened("w-1", "/a");
    events.emitWidgetOpened("w-1", "/b");
    events.emitWidgetOpened("w-1", "/c");
    tasks.forEach(Runnable::run);

    assertEquals(List.of("/b", "/c"), received);
    assertEquals(1, failures.size());
    assertEquals(
        OverflowPolicy.DROP_OLDEST,
        ((SubscriptionOverflowException) failures.get(0).failure()).policy());
  }
}
