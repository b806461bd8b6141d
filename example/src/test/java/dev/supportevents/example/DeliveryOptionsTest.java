package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.conversation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.ListenerFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delivery options of the generated hub: subscriptions with an executor of their own, the
 * failure policy and the unhandled-events hook.
 */
class DeliveryOptionsTest {

  private final ManualExecutor ui = new ManualExecutor();
  private final List<String> received = new ArrayList<>();

  @Test
  void typedSubscriptionsWithTheirOwnExecutorReceiveNothingUntilItRunsThenEverythingInOrder() {
    SupportEvents events = SupportEvents.create();
    events.onConversationEnd(event -> received.add("onConversationEnd"), ui);
    events.onConversationStart(event -> received.add("onConversationStart"), ui);
    events.onError(event -> received.add("onError"), ui);
    events.onMessageReceived(event -> received.add("onMessageReceived"), ui);
    events.onMessageSent(event -> received.add("onMessageSent"), ui);
    events.onRatingSubmitted(event -> received.add("onRatingSubmitted"), ui);
    events.onWidgetClosed(event -> received.add("onWidgetClosed"), ui);
    events.onWidgetOpened(event -> received.add("onWidgetOpened"), ui);

    Fixtures.oneOfEach().forEach(events::emit);
    assertEquals(List.of(), received, "nothing runs on the emitting thread");
    assertEquals(8, ui.runAll());

    assertEquals(
        Fixtures.oneOfEach().stream()
            .map(
                event ->
                    "on"
                        + SupportEventType.of(event)
                            .eventClass()
                            .getSimpleName()
                            .replace("Event", ""))
            .toList(),
        received);
  }

  @Test
  void callbacksClassTypeAndAllSubscriptionsWithTheirOwnExecutorKeepEmitOrder() {
    SupportEvents events = SupportEvents.create();
    events.subscribe(
        new SupportEventCallbacks() {
          @Override
          public void onConversationStart(ConversationStartEvent event) {
            received.add("callbacks " + event.conversationId());
          }
        },
        ui);
    events.subscribe(
        ConversationStartEvent.class, event -> received.add("class " + event.conversationId()), ui);
    events.subscribe(
        SupportEventType.CONVERSATION_START,
        event -> received.add("type " + ((ConversationStartEvent) event).conversationId()),
        ui);
    events.subscribeAll((type, event) -> received.add("all " + type.wireName()), ui);

    events.emitConversationStart("c-1", conversation("c-1"));
    events.emitConversationStart("c-2");
    assertEquals(List.of(), received);
    ui.runAll();

    assertEquals(
        List.of(
            "callbacks c-1",
            "callbacks c-2",
            "class c-1",
            "class c-2",
            "type c-1",
            "type c-2",
            "all conversationStart",
            "all conversationStart"),
        received);
  }

  @Test
  void propagatePolicyThrowsTheFirstFailureFromEmitAfterEveryListenerRanAndReportsTheNext() {
    List<ListenerFailure> reported = new ArrayList<>();
    SupportEvents events =
        SupportEvents.builder()
            .failurePolicy(FailurePolicy.PROPAGATE)
            .failureHandler(reported::add)
            .build();
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second");
    events.onError(
        event -> {
          throw first;
        });
    events.onError(event -> received.add("still called"));
    events.onError(
        event -> {
          throw second;
        });

    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> events.emitError(Fixtures.BOOM));

    assertSame(first, thrown);
    assertArrayEquals(new Throwable[0], thrown.getSuppressed());
    assertEquals(List.of("still called"), received);
    assertEquals(List.of(second), reported.stream().map(ListenerFailure::failure).toList());
  }

  @Test
  void theUnhandledEventsHookIsToldOfEventsNoListenerTookWithTheirTypedType() {
    List<SupportEventType> unhandled = new ArrayList<>();
    SupportEvents events =
        SupportEvents.builder().unhandledEvents((type, event) -> unhandled.add(type)).build();
    events.onMessageSent(event -> received.add("sent"));

    events.emitWidgetOpened("v-1", "/help");
    events.emitMessageSent("c-1", Fixtures.fromVisitor("c-1", "m-1", "Hi"));
    events.emitWidgetClosed("v-1");

    assertEquals(
        List.of(SupportEventType.WIDGET_OPENED, SupportEventType.WIDGET_CLOSED), unhandled);
    assertEquals(List.of("sent"), received);
  }
}
