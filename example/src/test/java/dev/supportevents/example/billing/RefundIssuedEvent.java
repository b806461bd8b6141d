package dev.supportevents.example.billing;

import dev.supportevents.annotations.SupportEvent;
import org.jspecify.annotations.Nullable;

/**
 * An event of a second catalog, used to show that catalogs stay apart.
 *
 * @param invoiceId the refunded invoice
 * @param amountCents how much was refunded, in cents
 * @param reason why, or {@code null}
 */
@SupportEvent
public record RefundIssuedEvent(String invoiceId, long amountCents, @Nullable String reason) {}
