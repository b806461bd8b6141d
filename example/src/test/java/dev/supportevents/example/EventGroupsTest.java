package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Groups of events: the sealed interfaces that the {@link WidgetEvent} union permits, {@link
 * ConversationEvent} and {@link MessageEvent}. A listener subscribes to a group by its class, as to
 * one record, and receives each of its events as one subscription, in the dispatch of each event
 * beside that event's other listeners; the union's own class is the group of every event. Guava
 * calls them supertype subscribers, greenrobot event inheritance.
 */
class EventGroupsTest {

  private final SupportEvents events = SupportEvents.create();
  private final List<String> got = new ArrayList<>();

  @AfterEach
  void closeHub() {
    events.close();
  }

  @Test
  void aListenerOfAGroupReceivesEachOfItsEventsInTheOrderEmitted() {
    Subscription conversations =
        events.subscribe(
            ConversationEvent.class, event -> got.add("conversation " + event.conversationId()));
    events.subscribe(MessageEvent.class, event -> got.add("message " + event.message().id()));

    Fixtures.oneOfEach().forEach(events::emit);
    events.emitConversationStart("c-2");

    assertEquals(
        List.of(
            "conversation c-1",
            "conversation c-1",
            "message m-2",
            "message m-3",
            "conversation c-2"),
        got);
    conversations.close();
    events.emitConversationEnd("c-2");
    assertEquals(5, got.size(), "one close ends the group's subscription to each of its events");
  }

  /** One subscription, listening to each type of the group, in turn with the type's others. */
  @Test
  void aGroupsSubscriptionIsOneSubscriptionInTheDispatchOfEachOfItsEvents() {
    events.onConversationEnd(event -> got.add("typed before"));
    events.subscribe(ConversationEvent.class, event -> got.add("group"));
    events.subscribeAll((type, event) -> got.add("all after"));

    events.emitConversationEnd("c-1");

    assertEquals(List.of("typed before", "group", "all after"), got);
    assertEquals("SupportEvents of dev.supportevents.example: 3 subscriptions", events.toString());
    assertEquals(2, events.listenerCount(SupportEventType.CONVERSATION_START));
    assertEquals(3, events.listenerCount(SupportEventType.CONVERSATION_END));
    assertEquals(1, events.listenerCount(SupportEventType.MESSAGE_SENT));
  }

  @Test
  void aListenerOfAGroupIsReplayedTheKeptEventOfItsTypesAndRunsOnItsExecutor() {
    ManualExecutor executor = new ManualExecutor();
    events.emitConversationStart("c-1", conversation("c-1"));

    events.subscribe(ConversationEvent.class, event -> got.add(event.toString()), executor);
    events.emitConversationEnd("c-1");

    assertEquals(List.of(), got, "nothing runs before the executor does");
    executor.runAll();
    assertEquals(
        List.of(
            new ConversationStartEvent("c-1", conversation("c-1")).toString(),
            new ConversationEndEvent("c-1", null).toString()),
        got);
  }

  @Test
  void theUnionsClassIsTheGroupOfEveryEvent() {
    List<WidgetEvent> all = new ArrayList<>();
    events.subscribe(WidgetEvent.class, all::add);

    Fixtures.oneOfEach().forEach(events::emit);

    assertEquals(Fixtures.oneOfEach(), all);
  }

  @Test
  void typesOfAGroupAreItsEventsInTheOrderOfTheCatalog() {
    assertEquals(
        List.of(SupportEventType.CONVERSATION_START, SupportEventType.CONVERSATION_END),
        SupportEventType.typesOf(ConversationEvent.class));
    assertEquals(
        List.of(SupportEventType.MESSAGE_SENT, SupportEventType.MESSAGE_RECEIVED),
        SupportEventType.typesOf(MessageEvent.class));
    assertEquals(List.of(SupportEventType.ERROR), SupportEventType.typesOf(ErrorEvent.class));
    assertEquals(List.of(SupportEventType.values()), SupportEventType.typesOf(WidgetEvent.class));
  }

  @Test
  void aClassThatIsNoEventOfTheCatalogFailsNamingItsEvents() {
    @SuppressWarnings("unchecked") // a class the compiler would refuse, as raw code passes it
    Class<? extends WidgetEvent> runnable =
        (Class<? extends WidgetEvent>) (Class<?>) Runnable.class;

    BadCallsTest.assertFails(
        IllegalArgumentException.class,
        () -> events.subscribe(runnable, event -> {}),
        "java.lang.Runnable is neither an event of dev.supportevents.example nor an interface of"
            + " its events",
        "ConversationStartEvent (conversationStart)");
    BadCallsTest.assertFails(
        IllegalArgumentException.class,
        () -> SupportEventType.typesOf(runnable),
        "java.lang.Runnable");
    BadCallsTest.assertFails(
        NullPointerException.class,
        () -> SupportEventType.typesOf(null),
        "The event class is null");
  }

  @Test
  void theRecorderReadsTheEventsOfAGroup() throws InterruptedException {
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(events)) {
      Fixtures.oneOfEach().forEach(events::emit);
      assertTrue(recorder.awaitDelivered(Duration.ofSeconds(5)));

      assertEquals(Fixtures.oneOfEach().subList(2, 4), recorder.of(MessageEvent.class));
      assertEquals(Fixtures.oneOfEach(), recorder.of(WidgetEvent.class));
    }
  }

  @Test
  void aPublisherOfAGroupPublishesEachOfItsEvents() {
    List<MessageEvent> published = new ArrayList<>();
    events
        .publisher(MessageEvent.class)
        .subscribe(
            new Flow.Subscriber<MessageEvent>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(MessageEvent item) {
                published.add(item);
              }

              @Override
              public void onError(Throwable throwable) {
                got.add("error " + throwable);
              }

              @Override
              public void onComplete() {
                got.add("complete");
              }
            });

    Fixtures.oneOfEach().forEach(events::emit);
    events.close();

    assertEquals(Fixtures.oneOfEach().subList(2, 4), published);
    assertEquals(List.of("complete"), got);
  }
}
