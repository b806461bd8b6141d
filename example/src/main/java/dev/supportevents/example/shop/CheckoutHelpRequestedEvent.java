package dev.supportevents.example.shop;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when a visitor asks for help during checkout, before any conversation exists.
 *
 * @param visitorId the visitor who asked
 * @param cartId the cart being checked out
 * @param step the checkout step, such as {@code "payment"}, or {@code null} if unknown
 */
@SupportEvent
public record CheckoutHelpRequestedEvent(String visitorId, String cartId, @Nullable String step) {

  /** Checks that the visitor and the cart are present. */
  public CheckoutHelpRequestedEvent {
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(cartId, "cartId");
  }
}
