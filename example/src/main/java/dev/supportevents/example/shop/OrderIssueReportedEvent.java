package dev.supportevents.example.shop;

import dev.supportevents.annotations.SupportEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fires when a visitor reports a problem with an order.
 *
 * @param orderId the order
 * @param issue what is wrong with it
 * @param conversationId the support conversation it was reported in, or {@code null}
 */
@SupportEvent
public record OrderIssueReportedEvent(
    String orderId, Issue issue, @Nullable String conversationId) {

  /** What can be wrong with an order. */
  public enum Issue {
    /** It has not arrived when promised. */
    LATE,
    /** It arrived broken. */
    DAMAGED,
    /** It is not what was ordered. */
    WRONG_ITEM
  }

  /** Checks that the order and the issue are present. */
  public OrderIssueReportedEvent {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(issue, "issue");
  }
}
