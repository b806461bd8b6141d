package dev.supportevents.example.billing;

import dev.supportevents.annotations.SupportEvent;

/**
 * An event of a second catalog, used to show that catalogs stay apart.
 *
 * @param invoiceId the paid invoice
 * @param amountCents how much was paid, in cents
 */
@SupportEvent
public record InvoicePaidEvent(String invoiceId, long amountCents) {}
