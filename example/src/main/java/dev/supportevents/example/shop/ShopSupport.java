package dev.supportevents.example.shop;

import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.runtime.Subscription;
import org.jspecify.annotations.Nullable;

/**
 * The shop's side of support: one {@link SupportEvents} hub that carries the widget's events and
 * the shop's own, so that the shop's analytics and help desk subscribe in one place, with the same
 * typed methods for both ({@code onMessageSent}, {@code onCheckoutHelpRequested}).
 *
 * <pre>{@code
 * ShopSupport shop = ShopSupport.connect(widget);
 * shop.events().onMessageSent(event -> ...);          // an event of the widget
 * shop.events().onOrderIssueReported(event -> ...);   // an event of the shop
 * shop.requestCheckoutHelp("v-42", "cart-7", "payment");
 * }</pre>
 *
 * <p>The widget keeps emitting on its own hub, which knows nothing of the shop; every event it
 * emits is forwarded here as it is, a record of the widget's catalog.
 */
public final class ShopSupport implements AutoCloseable {

  private final SupportEvents events;
  private final Subscription forwarding;

  private ShopSupport(SupportWidget widget, SupportEvents events) {
    this.events = events;
    // The shop's catalog extends others, so it takes any Record; every WidgetEvent is one.
    this.forwarding = widget.events().subscribeAll((type, event) -> events.emit((Record) event));
  }

  /**
   * Forwards the events of {@code widget} to a new shop hub.
   *
   * @param widget the widget of the page
   * @return the shop's support, connected
   */
  public static ShopSupport connect(SupportWidget widget) {
    return connect(widget, SupportEvents.create());
  }

  /**
   * Forwards the events of {@code widget} to {@code events}.
   *
   * @param widget the widget of the page
   * @param events the shop's hub, configured as the shop likes
   * @return the shop's support, connected
   */
  public static ShopSupport connect(SupportWidget widget, SupportEvents events) {
    return new ShopSupport(widget, events);
  }

  /**
   * The shop's hub: the widget's events and the shop's.
   *
   * @return the hub, the same on every call
   */
  public SupportEvents events() {
    return events;
  }

  /**
   * Emits {@link CheckoutHelpRequestedEvent}.
   *
   * @param visitorId the visitor who asks
   * @param cartId the cart being checked out
   * @param step the checkout step, or {@code null} if unknown
   */
  public void requestCheckoutHelp(String visitorId, String cartId, @Nullable String step) {
    events.emitCheckoutHelpRequested(visitorId, cartId, step);
  }

  /**
   * Emits {@link OrderIssueReportedEvent}, in the latest conversation started if there is one: the
   * shop's hub keeps the latest {@code ConversationStartEvent}, as the widget's does.
   *
   * @param orderId the order
   * @param issue what is wrong with it
   */
  public void reportOrderIssue(String orderId, OrderIssueReportedEvent.Issue issue) {
    String conversationId =
        events.latestConversationStart().map(ConversationStartEvent::conversationId).orElse(null);
    events.emitOrderIssueReported(orderId, issue, conversationId);
  }

  /** Stops forwarding the widget's events; the shop's hub keeps its listeners. */
  @Override
  public void close() {
    forwarding.close();
  }
}
