package dev.supportevents.example.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.WidgetOpenedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each package is its own catalog: billing's events and the widget's never mix. */
class SeparateCatalogsTest {

  @Test
  void billingHasACatalogOfItsOwnEvents() {
    assertEquals(
        List.of(SupportEventType.INVOICE_PAID, SupportEventType.REFUND_ISSUED),
        List.of(SupportEventType.values()));
    assertEquals(
        List.of(InvoicePaidEvent.class, RefundIssuedEvent.class),
        List.of(SupportEventType.values()).stream().map(SupportEventType::eventClass).toList());

    SupportEvents billing = SupportEvents.create();
    List<Record> received = new ArrayList<>();
    billing.subscribeAll((type, event) -> received.add(event));
    billing.emitInvoicePaid("inv-1", 4_200);
    billing.emitRefundIssued("inv-1", 1_000);

    assertEquals(
        List.of(new InvoicePaidEvent("inv-1", 4_200), new RefundIssuedEvent("inv-1", 1_000, null)),
        received);
  }

  @Test
  void theWidgetCatalogHasNoBillingEvents() {
    for (dev.supportevents.example.SupportEventType type :
        dev.supportevents.example.SupportEventType.values()) {
      assertEquals(
          "dev.supportevents.example",
          type.eventClass().getPackageName(),
          () -> type + " comes from another package");
    }
    assertEquals(8, dev.supportevents.example.SupportEventType.values().length);
    assertEquals(Optional.empty(), dev.supportevents.example.SupportEventType.find("refundIssued"));
  }

  @Test
  void billingHubRejectsTheWidgetsEventsNamingItsOwn() {
    SupportEvents billing = SupportEvents.create();

    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> billing.emit(new WidgetOpenedEvent("v-1", null)))
            .getMessage();

    assertTrue(
        message.startsWith(
            "dev.supportevents.example.WidgetOpenedEvent is not an event of"
                + " dev.supportevents.example.billing"),
        message);
    assertTrue(
        message.endsWith("InvoicePaidEvent (invoicePaid), RefundIssuedEvent (refundIssued)"),
        message);
  }
}
