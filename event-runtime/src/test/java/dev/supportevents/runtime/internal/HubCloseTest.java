package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Delivery#close()} and the close actions of a {@link Registration}. */
class HubCloseTest {

  private final TestHub hub = new TestHub();
  private final List<String> closed = new ArrayList<>();

  private Subscription subscribe(String name, List<Ping> received) {
    return hub.delivery.subscribe(
        registration ->
            registration.listen(hub.pings, received::add).onClose(() -> closed.add(name)));
  }

  @Test
  void aCloseActionRunsOnceWhoeverClosesTheSubscription() {
    Subscription byHolder = subscribe("holder", new ArrayList<>());
    subscribe("hub", new ArrayList<>());

    byHolder.close();
    byHolder.close();
    hub.delivery.close();
    hub.delivery.close();

    assertEquals(List.of("holder", "hub"), closed);
  }

  @Test
  void closingTheHubRunsTheCloseActionOfEverySubscriptionAndTakesNoLaterOne() {
    List<Ping> received = new ArrayList<>();
    Subscription first = subscribe("first", received);
    Subscription second = subscribe("second", received);

    hub.delivery.close();

    assertThrows(IllegalStateException.class, () -> subscribe("after", received));
    assertFalse(first.isActive());
    assertFalse(second.isActive());
    assertFalse(hub.pings.hasListeners());
    assertEquals(List.of("first", "second"), closed);
  }

  @Test
  void closeActionsAreAddedOnlyWhileSubscribing() {
    Registration[] created = new Registration[1];
    hub.delivery.subscribe(registration -> created[0] = registration.listen(hub.pings, ping -> {}));

    IllegalStateException late =
        assertThrows(IllegalStateException.class, () -> created[0].onClose(() -> {}));
    assertEquals("close actions can be added only while subscribing", late.getMessage());
  }
}
