package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.AI_AGENT;
import static dev.supportevents.example.Fixtures.HUMAN_AGENT;
import static dev.supportevents.example.Fixtures.INVOICE;
import static dev.supportevents.example.Fixtures.SCREENSHOT;
import static dev.supportevents.example.Fixtures.T0;
import static dev.supportevents.example.Fixtures.VISITOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The widget emits each event where a real widget would, and nothing when a call is refused. */
class SupportWidgetTest {

  private final TestClock clock = new TestClock(T0);
  private final List<Message> delivered = new ArrayList<>();

  /** What the transport throws next; {@code null} while the network works. */
  private final AtomicReference<Exception> transportFailure = new AtomicReference<>();

  private final SupportWidget widget =
      SupportWidget.builder("v-1", this::deliver)
          .visitorName("Alex")
          .clock(clock)
          .ids(IdGenerator.sequential())
          .build();
  private final List<String> wireNames = new ArrayList<>();
  private final List<WidgetEvent> events = new ArrayList<>();

  SupportWidgetTest() {
    widget
        .events()
        .subscribeAll(
            (type, event) -> {
              wireNames.add(type.wireName());
              events.add(event);
            });
  }

  private void deliver(Message message) throws Exception {
    Exception failure = transportFailure.get();
    if (failure != null) {
      throw failure;
    }
    delivered.add(message);
  }

  @Test
  void wholeConversationEmitsEachEventOnceInOrder() {
    widget.open("/billing");
    widget.startConversation();
    Instant sentAt = clock.advance(Duration.ofMinutes(1));
    widget.sendMessage("Hi, my invoice is wrong", INVOICE);
    Instant aiAt = clock.advance(Duration.ofSeconds(5));
    widget.receiveReply(AI_AGENT, "Let me look at it.");
    Instant agentAt = clock.advance(Duration.ofMinutes(3));
    widget.receiveReply(HUMAN_AGENT, "Fixed, here is the new total.", SCREENSHOT);
    Instant resolvedAt = clock.advance(Duration.ofMinutes(1));
    widget.resolve();
    Instant ratedAt = clock.advance(Duration.ofSeconds(30));
    widget.rate(5, "Great");
    widget.close();

    assertEquals(
        List.of(
            "widget.opened",
            "conversationStart",
            "messageSent",
            "messageReceived",
            "messageReceived",
            "conversationEnd",
            "ratingSubmitted",
            "widgetClosed"),
        wireNames);
    Conversation started =
        new Conversation("c-1", "v-1", Conversation.Status.OPEN, null, T0, null, null);
    Message sent =
        new Message("m-2", "c-1", VISITOR, "Hi, my invoice is wrong", List.of(INVOICE), sentAt);
    Message aiReply = new Message("m-3", "c-1", AI_AGENT, "Let me look at it.", List.of(), aiAt);
    Message agentReply =
        new Message(
            "m-4",
            "c-1",
            HUMAN_AGENT,
            "Fixed, here is the new total.",
            List.of(SCREENSHOT),
            agentAt);
    Conversation resolved =
        new Conversation(
            "c-1", "v-1", Conversation.Status.RESOLVED, null, T0, resolvedAt, resolvedAt);
    assertEquals(
        List.of(
            new WidgetOpenedEvent("v-1", "/billing"),
            new ConversationStartEvent("c-1", started),
            new MessageSentEvent("c-1", sent),
            new MessageReceivedEvent("c-1", aiReply),
            new MessageReceivedEvent("c-1", agentReply),
            new ConversationEndEvent("c-1", resolved),
            new RatingSubmittedEvent("c-1", 5, "Great"),
            new WidgetClosedEvent("v-1", "c-1")),
        events);
    assertEquals(List.of(sent), delivered);
    assertEquals(
        Optional.of(
            new Conversation(
                "c-1", "v-1", Conversation.Status.RESOLVED, 5, T0, ratedAt, resolvedAt)),
        widget.conversation());
    assertFalse(widget.isOpen());
  }

  @Test
  void failedSendEmitsAnErrorInsteadOfMessageSent() {
    widget.open();
    widget.startConversation();
    events.clear();
    IOException networkDown = new IOException("network unreachable");
    transportFailure.set(networkDown);

    Optional<Message> sent = widget.sendMessage("Are you there?");

    assertEquals(Optional.empty(), sent);
    assertEquals(List.of(new ErrorEvent(networkDown, "message_send_failed")), events);
    assertSame(networkDown, ((ErrorEvent) events.get(0)).error());
    assertEquals(List.of(), delivered);

    transportFailure.set(null);
    Message retried = widget.sendMessage("Are you there?").orElseThrow();
    assertEquals(
        List.of(
            new ErrorEvent(networkDown, ErrorEvent.MESSAGE_SEND_FAILED),
            new MessageSentEvent("c-1", retried)),
        events);
  }

  @Test
  void interruptedSendKeepsTheInterruptAndReportsTheError() {
    widget.open();
    widget.startConversation();
    InterruptedException interrupted = new InterruptedException("shutting down");
    transportFailure.set(interrupted);

    widget.sendMessage("Hello");

    assertTrue(Thread.interrupted(), "the interrupt flag is set again, and cleared here");
    assertEquals(new ErrorEvent(interrupted, "message_send_failed"), events.get(events.size() - 1));
  }

  @Test
  void propsRunBeforeListenersSubscribedToTheWidgetLater() {
    List<String> order = new ArrayList<>();
    SupportWidget withProps =
        SupportWidget.builder("v-1", message -> {})
            .callbacks(
                new SupportEventCallbacks() {
                  @Override
                  public void onWidgetOpened(WidgetOpenedEvent event) {
                    order.add("props");
                  }
                })
            .build();
    withProps.events().onWidgetOpened(event -> order.add("listener"));

    withProps.open();

    assertEquals(List.of("props", "listener"), order);
  }

  @Test
  void eachWidgetHasItsOwnEvents() {
    SupportWidget other = SupportWidget.builder("v-2", message -> {}).build();

    other.open();
    widget.open();

    assertEquals(List.of(new WidgetOpenedEvent("v-1", null)), events);
  }

  @Test
  void openingOrClosingTwiceEmitsOnce() {
    widget.open();
    widget.open();
    widget.close();
    widget.close();

    assertEquals(
        List.of(new WidgetOpenedEvent("v-1", null), new WidgetClosedEvent("v-1", null)), events);
  }

  @Test
  void repliesArriveWhileTheWidgetIsClosed() {
    widget.open();
    widget.startConversation();
    widget.close();

    Message reply = widget.receiveReply(HUMAN_AGENT, "Still need help?");

    assertEquals(new MessageReceivedEvent("c-1", reply), events.get(events.size() - 1));
  }

  @Test
  void newConversationMayStartOnceTheLastIsResolved() {
    widget.open();
    widget.startConversation();
    widget.resolve();

    Conversation next = widget.startConversation();

    assertEquals("c-2", next.id());
    assertEquals(new ConversationStartEvent("c-2", next), events.get(events.size() - 1));
  }

  @Test
  void refusedCallsEmitNothing() {
    assertThrows(IllegalStateException.class, widget::startConversation);
    assertThrows(IllegalStateException.class, () -> widget.sendMessage("Hi"));
    widget.open();
    assertThrows(IllegalStateException.class, () -> widget.sendMessage("Hi"));
    assertThrows(IllegalStateException.class, () -> widget.receiveReply(HUMAN_AGENT, "Hi"));
    assertThrows(IllegalStateException.class, widget::resolve);
    widget.startConversation();
    assertThrows(IllegalStateException.class, widget::startConversation);
    assertThrows(IllegalArgumentException.class, () -> widget.receiveReply(VISITOR, "Me again"));
    assertThrows(IllegalStateException.class, () -> widget.rate(5, null));
    widget.resolve();
    assertThrows(IllegalArgumentException.class, () -> widget.rate(0, null));
    widget.rate(4, null);
    assertThrows(IllegalStateException.class, () -> widget.rate(5, null));

    assertEquals(
        List.of("widget.opened", "conversationStart", "conversationEnd", "ratingSubmitted"),
        wireNames);
  }
}
