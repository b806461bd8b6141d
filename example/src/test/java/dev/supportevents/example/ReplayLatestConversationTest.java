package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.T0;
import static dev.supportevents.example.Fixtures.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ConversationStartEvent} is declared with {@code replayLatest = true}: the hub keeps the
 * latest one, hands it to each later listener at once, and reads it back.
 */
class ReplayLatestConversationTest {

  private final SupportWidget widget =
      SupportWidget.builder("v-1", message -> {})
          .ids(IdGenerator.sequential())
          .clock(new TestClock(T0))
          .build();

  @Test
  void aPanelOpenedMidConversationShowsItAtOnce() {
    widget.open();
    Conversation started = widget.startConversation();

    try (ConversationPanel panel = ConversationPanel.openOn(widget.events())) {
      assertEquals(Optional.of(started.id()), panel.conversationId());

      widget.resolve();
      Conversation next = widget.startConversation();
      assertEquals(Optional.of(next.id()), panel.conversationId());
    }
  }

  @Test
  void aPanelClearsWhenItsConversationEndsAndOneOpenedAfterTheEndShowsNothing() {
    widget.open();
    widget.startConversation();

    try (ConversationPanel open = ConversationPanel.openOn(widget.events())) {
      widget.resolve();
      assertEquals(Optional.empty(), open.conversationId());
    }
    try (ConversationPanel late = ConversationPanel.openOn(widget.events())) {
      assertEquals(Optional.empty(), late.conversationId());
      assertEquals(Optional.empty(), widget.events().latestConversationStart());
    }
  }

  @Test
  void aForgottenStartIsReplayedToNobodyUntilTheNextStart() {
    SupportEvents events = SupportEvents.create();
    events.emitConversationStart("c-1");
    List<String> got = new ArrayList<>();

    events.forgetLatestConversationStart();
    events.onConversationStart(event -> got.add(event.conversationId()));
    events.emitConversationStart("c-2");

    assertEquals(List.of("c-2"), got);
    assertEquals(
        Optional.of(new ConversationStartEvent("c-2", null)), events.latestConversationStart());
  }

  @Test
  void aPanelOpenedBeforeAnyConversationShowsNoneUntilOneStarts() {
    try (ConversationPanel panel = ConversationPanel.openOn(widget.events())) {
      assertEquals(Optional.empty(), panel.conversationId());
      widget.open();
      Conversation started = widget.startConversation();
      assertEquals(Optional.of(started.id()), panel.conversationId());
    }
  }

  @Test
  void theHubReadsTheLatestConversationStart() {
    SupportEvents events = SupportEvents.create();
    assertEquals(Optional.empty(), events.latestConversationStart());

    events.emitConversationStart("c-1", conversation("c-1"));
    events.emitConversationStart("c-2");

    assertEquals(
        Optional.of(new ConversationStartEvent("c-2", null)), events.latestConversationStart());
  }

  /**
   * Each listener gets the kept event once, whichever way it subscribes; other events are not kept.
   */
  @Test
  void everyKindOfLaterSubscriptionGetsTheKeptEventOnceAndNothingElse() {
    SupportEvents events = SupportEvents.create();
    ConversationStartEvent start = new ConversationStartEvent("c-1", conversation("c-1"));
    events.emit(start);
    events.emitWidgetOpened("v-1", "/help");
    List<String> got = new ArrayList<>();

    events.onConversationStart(event -> got.add("onConversationStart " + event.conversationId()));
    events.subscribe(ConversationStartEvent.class, event -> got.add("by class"));
    events.subscribe(SupportEventType.CONVERSATION_START, event -> got.add("by type"));
    events.subscribeAll((type, event) -> got.add("all " + type));
    events.subscribe(
        new SupportEventCallbacks() {
          @Override
          public void onConversationStart(ConversationStartEvent event) {
            got.add("callbacks");
          }
        });

    assertEquals(
        List.of(
            "onConversationStart c-1",
            "by class",
            "by type",
            "all CONVERSATION_START",
            "callbacks"),
        got);
  }

  /** A subscription with its own executor, a UI thread say, gets the replay there. */
  @Test
  void theReplayRunsOnTheSubscriptionsExecutor() {
    SupportEvents events = SupportEvents.create();
    events.emitConversationStart("c-1");
    ManualExecutor uiThread = new ManualExecutor();
    List<String> got = new ArrayList<>();

    events.onConversationStart(event -> got.add(event.conversationId()), uiThread);

    assertTrue(got.isEmpty(), "replayed on the subscribing thread");
    assertEquals(1, uiThread.runAll());
    assertEquals(List.of("c-1"), got);
  }
}
