package dev.supportevents.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.IdGenerator;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.WidgetOpenedEvent;
import dev.supportevents.example.shop.OrderIssueReportedEvent.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shop's catalog extends the widget's: its hub dispatches the widget's events and the shop's
 * alike, while the widget's own hub goes on alone.
 */
class ShopCatalogTest {

  private final SupportWidget widget =
      SupportWidget.builder("v-1", message -> {}).ids(IdGenerator.sequential()).build();

  @Test
  void holdsTheWidgetsEventsFirstThenTheShopsOwn() {
    assertEquals(
        List.of(
            SupportEventType.CONVERSATION_START, SupportEventType.CONVERSATION_END,
            SupportEventType.MESSAGE_SENT, SupportEventType.MESSAGE_RECEIVED,
            SupportEventType.ERROR, SupportEventType.RATING_SUBMITTED,
            SupportEventType.WIDGET_OPENED, SupportEventType.WIDGET_CLOSED,
            SupportEventType.CHECKOUT_HELP_REQUESTED, SupportEventType.ORDER_ISSUE_REPORTED),
        List.of(SupportEventType.values()));
    assertEquals(
        WidgetOpenedEvent.class, SupportEventType.fromWireName("widget.opened").eventClass());
    assertEquals(
        SupportEventType.CHECKOUT_HELP_REQUESTED,
        SupportEventType.forClass(CheckoutHelpRequestedEvent.class));
  }

  @Test
  void theShopsHubGetsTheWidgetsEventsAndItsOwnWithTypedListeners() {
    List<String> got = new ArrayList<>();
    try (ShopSupport shop = ShopSupport.connect(widget)) {
      shop.events().onMessageSent(event -> got.add("sent " + event.message().text()));
      shop.events().onCheckoutHelpRequested(event -> got.add("help " + event.cartId()));
      shop.events().subscribeAll((type, event) -> got.add("all " + type.wireName()));

      widget.open("/checkout");
      shop.requestCheckoutHelp("v-1", "cart-7", "payment");
      widget.startConversation();
      widget.sendMessage("My card is declined");
      shop.reportOrderIssue("o-9", Issue.LATE);
    }

    assertEquals(
        List.of(
            "all widget.opened",
            "help cart-7",
            "all checkoutHelpRequested",
            "all conversationStart",
            "sent My card is declined",
            "all messageSent",
            "all orderIssueReported"),
        got);
  }

  @Test
  void anOrderIssueIsReportedInTheLatestConversation() {
    try (ShopSupport shop = ShopSupport.connect(widget);
        SupportEventRecorder recorder = SupportEventRecorder.attach(shop.events())) {
      shop.reportOrderIssue("o-1", Issue.DAMAGED);
      widget.open();
      String conversationId = widget.startConversation().id();
      shop.reportOrderIssue("o-2", Issue.WRONG_ITEM);

      assertEquals(
          List.of(
              new OrderIssueReportedEvent("o-1", Issue.DAMAGED, null),
              new OrderIssueReportedEvent("o-2", Issue.WRONG_ITEM, conversationId)),
          recorder.of(OrderIssueReportedEvent.class));
      assertEquals(
          Optional.of(conversationId),
          shop.events().latestConversationStart().map(ConversationStartEvent::conversationId));
    }
  }

  @Test
  void theWidgetsHubGoesOnAloneAndKnowsNoneOfTheShopsEvents() {
    List<WidgetEvent> widgetGot = new ArrayList<>();
    widget.events().subscribeAll((type, event) -> widgetGot.add(event));
    try (ShopSupport shop = ShopSupport.connect(widget)) {
      shop.requestCheckoutHelp("v-1", "cart-7", null);
      widget.open();
    }

    assertEquals(List.of(new WidgetOpenedEvent("v-1", null)), widgetGot);
    // The widget's hub takes only a WidgetEvent: emitting a shop event to it does not compile.
    assertEquals(
        Optional.empty(), dev.supportevents.example.SupportEventType.find("checkoutHelpRequested"));
    assertEquals(
        Optional.of(SupportEventType.CHECKOUT_HELP_REQUESTED),
        SupportEventType.find("checkoutHelpRequested"));
  }

  /** A catalog that extends others has no union: its event type is {@code Record}. */
  @Test
  void theShopsHubTakesAnyRecordAndRejectsTheOnesOfNoCatalogAtRunTime() {
    SupportEvents events = SupportEvents.create();
    Record widgetEvent = new WidgetOpenedEvent("v-1", null);
    List<Record> got = new ArrayList<>();
    events.subscribeAll((type, event) -> got.add(event));
    events.emit(widgetEvent);
    assertEquals(List.of(widgetEvent), got);
    String message =
        assertThrows(IllegalArgumentException.class, () -> events.emit(new Sample("s-1")))
            .getMessage();
    assertTrue(
        message.startsWith(
            "dev.supportevents.example.shop.ShopCatalogTest$Sample is not"
                + " an event of dev.supportevents.example.shop;"),
        message);
  }

  private record Sample(String id) {}

  @Test
  void stopsForwardingOnceClosed() {
    SupportEvents events = SupportEvents.create();
    ShopSupport shop = ShopSupport.connect(widget, events);
    List<Record> got = new ArrayList<>();
    events.subscribeAll((type, event) -> got.add(event));

    shop.close();
    widget.open();

    assertEquals(List.of(), got);
  }
}
