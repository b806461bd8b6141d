package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.BOOM;
import static dev.supportevents.example.Fixtures.INVOICE;
import static dev.supportevents.example.Fixtures.T0;
import static dev.supportevents.example.Fixtures.conversation;
import static dev.supportevents.example.Fixtures.fromAgent;
import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every public method of the generated hub, its builder, emitter and callbacks, in use. */
class SupportEventsHubTest {

  private static final Conversation OPEN = conversation("c-1");
  private static final Conversation RESOLVED = OPEN.resolve(T0);
  private static final Message SENT = fromVisitor("c-1", "m-2", "Hi", INVOICE);
  private static final Message REPLY = fromAgent("c-1", "m-3", "Hello");

  /** What a listener got: which listener, and the event. */
  private record Got(String listener, WidgetEvent event) {}

  private final List<ListenerFailure> failures = new ArrayList<>();
  private final SupportEvents events =
      SupportEvents.builder().failureHandler(failures::add).build();
  private final List<Got> received = new ArrayList<>();

  @AfterEach
  void noListenerFailed() {
    assertEquals(List.of(), failures);
  }

  @Test
  void createdHubDeliversOnTheEmittingThreadBeforeEmitReturns() {
    SupportEvents hub = SupportEvents.create();
    List<WidgetEvent> got = new ArrayList<>();
    hub.onMessageSent(got::add);
    MessageSentEvent event = new MessageSentEvent("c-1", SENT);

    hub.emit(event);

    assertEquals(List.of(event), got);
    assertSame(event, got.get(0));
  }

  @Test
  void eachTypedSubscriptionReceivesOnlyItsOwnEvents() {
    events.onConversationEnd(event -> received.add(new Got("onConversationEnd", event)));
    events.onConversationStart(event -> received.add(new Got("onConversationStart", event)));
    events.onError(event -> received.add(new Got("onError", event)));
    events.onMessageReceived(event -> received.add(new Got("onMessageReceived", event)));
    events.onMessageSent(event -> received.add(new Got("onMessageSent", event)));
    events.onRatingSubmitted(event -> received.add(new Got("onRatingSubmitted", event)));
    events.onWidgetClosed(event -> received.add(new Got("onWidgetClosed", event)));
    events.onWidgetOpened(event -> received.add(new Got("onWidgetOpened", event)));

    events.emitWidgetOpened("v-1", "/help");
    events.emitConversationStart("c-1", OPEN);
    events.emitMessageSent("c-1", SENT);
    events.emitMessageReceived("c-1", REPLY);
    events.emitError(BOOM, "test");
    events.emitConversationEnd("c-1", RESOLVED);
    events.emitRatingSubmitted("c-1", 4, "ok");
    events.emitWidgetClosed("v-1", "c-1");

    assertEquals(
        List.of(
            new Got("onWidgetOpened", new WidgetOpenedEvent("v-1", "/help")),
            new Got("onConversationStart", new ConversationStartEvent("c-1", OPEN)),
            new Got("onMessageSent", new MessageSentEvent("c-1", SENT)),
            new Got("onMessageReceived", new MessageReceivedEvent("c-1", REPLY)),
            new Got("onError", new ErrorEvent(BOOM, "test")),
            new Got("onConversationEnd", new ConversationEndEvent("c-1", RESOLVED)),
            new Got("onRatingSubmitted", new RatingSubmittedEvent("c-1", 4, "ok")),
            new Got("onWidgetClosed", new WidgetClosedEvent("v-1", "c-1"))),
        received);
  }

  @Test
  void shorterEmittersLeaveTheTrailingNullableComponentsNull() {
    List<WidgetEvent> got = new ArrayList<>();
    events.subscribeAll((type, event) -> got.add(event));

    events.emitWidgetOpened("v-1");
    events.emitConversationStart("c-1");
    events.emitError(BOOM);
    events.emitConversationEnd("c-1");
    events.emitRatingSubmitted("c-1", 5);
    events.emitWidgetClosed("v-1");

    assertEquals(
        List.of(
            new WidgetOpenedEvent("v-1", null),
            new ConversationStartEvent("c-1", null),
            new ErrorEvent(BOOM, null),
            new ConversationEndEvent("c-1", null),
            new RatingSubmittedEvent("c-1", 5, null),
            new WidgetClosedEvent("v-1", null)),
        got);
  }

  @Test
  void emitterViewEmitsThroughItsHubButIsNotTheHub() {
    List<WidgetEvent> got = new ArrayList<>();
    events.subscribeAll((type, event) -> got.add(event));
    SupportEventEmitter emitter = events.emitter();

    assertNotSame(events, emitter);
    assertFalse(emitter instanceof SupportEvents, "the view must not lead back to the hub");
    assertSame(emitter, events.emitter());

    emitter.emitWidgetOpened("v-1", "/help");
    emitter.emitWidgetOpened("v-1");
    emitter.emitConversationStart("c-1", OPEN);
    emitter.emitConversationStart("c-1");
    emitter.emitMessageSent("c-1", SENT);
    emitter.emitMessageReceived("c-1", REPLY);
    emitter.emitError(BOOM, "test");
    emitter.emitError(BOOM);
    emitter.emitConversationEnd("c-1", RESOLVED);
    emitter.emitConversationEnd("c-1");
    emitter.emitRatingSubmitted("c-1", 4, "ok");
    emitter.emitRatingSubmitted("c-1", 5);
    emitter.emitWidgetClosed("v-1", "c-1");
    emitter.emitWidgetClosed("v-1");

    assertEquals(
        List.of(
            new WidgetOpenedEvent("v-1", "/help"),
            new WidgetOpenedEvent("v-1", null),
            new ConversationStartEvent("c-1", OPEN),
            new ConversationStartEvent("c-1", null),
            new MessageSentEvent("c-1", SENT),
            new MessageReceivedEvent("c-1", REPLY),
            new ErrorEvent(BOOM, "test"),
            new ErrorEvent(BOOM, null),
            new ConversationEndEvent("c-1", RESOLVED),
            new ConversationEndEvent("c-1", null),
            new RatingSubmittedEvent("c-1", 4, "ok"),
            new RatingSubmittedEvent("c-1", 5, null),
            new WidgetClosedEvent("v-1", "c-1"),
            new WidgetClosedEvent("v-1", null)),
        got);
  }

  /** Code that has only the emitter passes on events built elsewhere, such as received ones. */
  @Test
  void emitterAloneEmitsAnyEventOfTheCatalog() {
    List<WidgetEvent> got = new ArrayList<>();
    events.onMessageReceived(got::add);
    events.onWidgetClosed(got::add);
    SupportEventEmitter emitter = events.emitter();
    MessageReceivedEvent reply = new MessageReceivedEvent("c-1", REPLY);
    WidgetClosedEvent closed = new WidgetClosedEvent("v-1", "c-1");

    emitter.emit(reply);
    emitter.emit(closed);

    assertEquals(List.of(reply, closed), got);
    assertSame(reply, got.get(0), "emit(WidgetEvent) delivers the instance it is given");
  }

  @Test
  void emitRoutesAnyEventOfTheCatalogToTheListenersOfItsType() {
    List<Got> all = new ArrayList<>();
    List<WidgetEvent> errors = new ArrayList<>();
    events.subscribeAll((type, event) -> all.add(new Got(type.wireName(), event)));
    events.onError(errors::add);

    List<WidgetEvent> oneOfEach = Fixtures.oneOfEach();
    oneOfEach.forEach(events::emit);

    List<Got> expected = new ArrayList<>();
    for (int i = 0; i < oneOfEach.size(); i++) {
      expected.add(new Got(SupportEventType.values()[i].wireName(), oneOfEach.get(i)));
    }
    assertEquals(expected, all);
    assertEquals(List.of(oneOfEach.get(4)), errors);
    assertSame(
        oneOfEach.get(4), errors.get(0), "emit(WidgetEvent) delivers the instance it is given");
  }

  @Test
  void subscribedCallbacksReceiveEveryEventTheyOverride() {
    Subscription subscription = events.subscribe(recordingCallbacks("callbacks", received));

    Fixtures.oneOfEach().forEach(events::emit);

    assertEquals(
        List.of(
            new Got("callbacks.onConversationStart", Fixtures.oneOfEach().get(0)),
            new Got("callbacks.onConversationEnd", Fixtures.oneOfEach().get(1)),
            new Got("callbacks.onMessageSent", Fixtures.oneOfEach().get(2)),
            new Got("callbacks.onMessageReceived", Fixtures.oneOfEach().get(3)),
            new Got("callbacks.onError", Fixtures.oneOfEach().get(4)),
            new Got("callbacks.onRatingSubmitted", Fixtures.oneOfEach().get(5)),
            new Got("callbacks.onWidgetOpened", Fixtures.oneOfEach().get(6)),
            new Got("callbacks.onWidgetClosed", Fixtures.oneOfEach().get(7))),
        received);

    subscription.close();
    Fixtures.oneOfEach().forEach(events::emit);
    assertEquals(8, received.size(), "one close unsubscribes every method of the callbacks");
  }

  @Test
  void callbacksThatOverrideNothingReceiveNothingAndDoNoHarm() {
    SupportEventCallbacks none = new SupportEventCallbacks() {};
    List<WidgetEvent> oneOfEach = Fixtures.oneOfEach();
    none.onConversationStart((ConversationStartEvent) oneOfEach.get(0));
    none.onConversationEnd((ConversationEndEvent) oneOfEach.get(1));
    none.onMessageSent((MessageSentEvent) oneOfEach.get(2));
    none.onMessageReceived((MessageReceivedEvent) oneOfEach.get(3));
    none.onError((ErrorEvent) oneOfEach.get(4));
    none.onRatingSubmitted((RatingSubmittedEvent) oneOfEach.get(5));
    none.onWidgetOpened((WidgetOpenedEvent) oneOfEach.get(6));
    none.onWidgetClosed((WidgetClosedEvent) oneOfEach.get(7));

    Subscription subscription = events.subscribe(none);
    List<WidgetEvent> later = new ArrayList<>();
    events.subscribeAll((type, event) -> later.add(event));
    oneOfEach.forEach(events::emit);

    assertTrue(subscription.isActive());
    assertEquals(oneOfEach, later);
  }

  @Test
  void subscribeByClassGivesTheListenerTheRecordType() {
    List<String> messageIds = new ArrayList<>();
    events.subscribe(MessageSentEvent.class, event -> messageIds.add(event.message().id()));

    Fixtures.oneOfEach().forEach(events::emit);

    assertEquals(List.of("m-2"), messageIds);
  }

  @Test
  void subscribeByTypeReceivesOnlyThatType() {
    List<WidgetEvent> got = new ArrayList<>();
    events.subscribe(SupportEventType.WIDGET_OPENED, got::add);

    Fixtures.oneOfEach().forEach(events::emit);

    assertEquals(List.of(new WidgetOpenedEvent("v-1", "/help")), got);
  }

  @Test
  void everyKindOfSubscriptionStopsOnCloseAndClosesIdempotently() {
    List<Subscription> subscriptions =
        List.of(
            events.onMessageSent(event -> received.add(new Got("typed", event))),
            events.subscribe(
                MessageSentEvent.class, event -> received.add(new Got("class", event))),
            events.subscribe(
                SupportEventType.MESSAGE_SENT, event -> received.add(new Got("type", event))),
            events.subscribeAll((type, event) -> received.add(new Got("all", event))),
            events.subscribe(recordingCallbacks("callbacks", received)));
    Subscription kept = events.onMessageSent(event -> received.add(new Got("kept", event)));
    MessageSentEvent event = new MessageSentEvent("c-1", SENT);

    for (Subscription subscription : subscriptions) {
      assertTrue(subscription.isActive());
      subscription.close();
      subscription.close();
      assertFalse(subscription.isActive());
    }
    events.emit(event);

    assertEquals(List.of(new Got("kept", event)), received);
    assertTrue(kept.isActive());
  }

  /** greenrobot's {@code hasSubscriberForEvent}: skip building an event nobody listens to. */
  @Test
  void hasListenersAndListenerCountFollowEverySubscription() {
    ManualExecutor executor = new ManualExecutor();
    SupportEvents hub = SupportEvents.builder().callbacks(new SupportEventCallbacks() {}).build();
    Map<SupportEventType, Integer> props = counts(hub);
    assertEquals(
        List.of(1),
        List.copyOf(new HashSet<>(props.values())),
        "builder callbacks listen to every type");

    Subscription typed = hub.onMessageSent(event -> {});
    Subscription onExecutor = hub.subscribe(SupportEventType.ERROR, event -> {}, executor);
    Subscription all = hub.subscribeAll((type, event) -> {});

    for (SupportEventType type : SupportEventType.values()) {
      int expected =
          2 + (type == SupportEventType.MESSAGE_SENT || type == SupportEventType.ERROR ? 1 : 0);
      assertEquals(expected, hub.listenerCount(type), type::toString);
      assertTrue(hub.hasListeners(type), type::toString);
    }
    Subscription.all(typed, onExecutor, all).close();
    assertEquals(props, counts(hub));

    hub.close();
    for (SupportEventType type : SupportEventType.values()) {
      assertEquals(0, hub.listenerCount(type), type::toString);
      assertFalse(hub.hasListeners(type), type::toString);
    }
  }

  @Test
  void aHubWithoutListenersHasNoneOfAnyType() {
    SupportEvents hub = SupportEvents.create();
    for (SupportEventType type : SupportEventType.values()) {
      assertFalse(hub.hasListeners(type), type::toString);
      assertEquals(0, hub.listenerCount(type), type::toString);
    }
    hub.onConversationEnd(event -> {});
    assertTrue(hub.hasListeners(SupportEventType.CONVERSATION_END));
    assertFalse(hub.hasListeners(SupportEventType.CONVERSATION_START));
  }

  @Test
  void toStringNamesTheCatalogAndCountsSubscriptions() {
    SupportEvents hub = SupportEvents.create();
    assertEquals("SupportEvents of dev.supportevents.example: 0 subscriptions", hub.toString());

    Subscription first = hub.onMessageSent(event -> {});
    assertEquals("SupportEvents of dev.supportevents.example: 1 subscription", hub.toString());
    hub.subscribe(recordingCallbacks("callbacks", received));
    hub.subscribeAll((type, event) -> {});
    assertEquals("SupportEvents of dev.supportevents.example: 3 subscriptions", hub.toString());

    first.close();
    assertEquals("SupportEvents of dev.supportevents.example: 2 subscriptions", hub.toString());
    hub.close();
    assertEquals("SupportEvents of dev.supportevents.example: closed", hub.toString());
  }

  private static Map<SupportEventType, Integer> counts(SupportEvents hub) {
    Map<SupportEventType, Integer> counts = new EnumMap<>(SupportEventType.class);
    for (SupportEventType type : SupportEventType.values()) {
      counts.put(type, hub.listenerCount(type));
    }
    return counts;
  }

  @Test
  void builderSetsCallbacksExecutorAndFailureHandler() {
    ManualExecutor executor = new ManualExecutor();
    List<ListenerFailure> failed = new ArrayList<>();
    IllegalStateException broken = new IllegalStateException("listener broke");
    SupportEvents hub =
        SupportEvents.builder()
            .callbacks(recordingCallbacks("props", received))
            .executor(executor)
            .failureHandler(failed::add)
            .build();
    hub.onMessageSent(event -> received.add(new Got("listener", event)));
    hub.onMessageSent(
        event -> {
          throw broken;
        });
    MessageSentEvent first = new MessageSentEvent("c-1", SENT);
    MessageSentEvent second =
        new MessageSentEvent("c-1", fromVisitor("c-1", "m-4", "Still there?"));

    hub.emit(first);
    hub.emit(second);

    assertEquals(List.of(), received, "nothing runs before the executor does");
    assertEquals(List.of(), failed);
    assertEquals(3, executor.pending(), "one task per subscription");

    executor.runAll();

    assertEquals(
        List.of(
            new Got("props.onMessageSent", first), new Got("props.onMessageSent", second),
            new Got("listener", first), new Got("listener", second)),
        received);
    assertEquals(List.of(first, second), failed.stream().map(ListenerFailure::event).toList());
    assertEquals(List.of(broken, broken), failed.stream().map(ListenerFailure::failure).toList());
  }

  /** Callbacks that record every event as {@code name.onX}. */
  static SupportEventCallbacks recordingCallbacks(String name, List<Got> into) {
    return new SupportEventCallbacks() {
      @Override
      public void onConversationEnd(ConversationEndEvent event) {
        into.add(new Got(name + ".onConversationEnd", event));
      }

      @Override
      public void onConversationStart(ConversationStartEvent event) {
        into.add(new Got(name + ".onConversationStart", event));
      }

      @Override
      public void onError(ErrorEvent event) {
        into.add(new Got(name + ".onError", event));
      }

      @Override
      public void onMessageReceived(MessageReceivedEvent event) {
        into.add(new Got(name + ".onMessageReceived", event));
      }

      @Override
      public void onMessageSent(MessageSentEvent event) {
        into.add(new Got(name + ".onMessageSent", event));
      }

      @Override
      public void onRatingSubmitted(RatingSubmittedEvent event) {
        into.add(new Got(name + ".onRatingSubmitted", event));
      }

      @Override
      public void onWidgetClosed(WidgetClosedEvent event) {
        into.add(new Got(name + ".onWidgetClosed", event));
      }

      @Override
      public void onWidgetOpened(WidgetOpenedEvent event) {
        into.add(new Got(name + ".onWidgetOpened", event));
      }
    };
  }
}
