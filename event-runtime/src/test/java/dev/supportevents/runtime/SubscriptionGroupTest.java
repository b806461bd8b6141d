package dev.supportevents.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionGroupTest {

  private final List<String> closed = new ArrayList<>();

  @Test
  void closingTheGroupClosesEachSubscriptionInOrderOnce() {
    Subscription first = new Named("first");
    Subscription second = new Named("second");
    Subscription group = Subscription.all(first, second);

    assertTrue(group.isActive());
    group.close();
    group.close();

    assertEquals(List.of("first", "second"), closed);
    assertFalse(first.isActive());
    assertFalse(group.isActive());
  }

  @Test
  void theGroupCountsTheEventsQueuedForAllOfItsSubscriptions() {
    Subscription queuing =
        new Subscription() {
          @Override
          public void close() {}

          @Override
          public boolean isActive() {
            return true;
          }

          @Override
          public int queuedEvents() {
            return 3;
          }
        };
    Subscription group = Subscription.all(queuing, new Named("direct"), queuing);

    assertEquals(0, new Named("direct").queuedEvents());
    assertEquals(6, group.queuedEvents());
  }

  @Test
  void theGroupIsActiveWhileAnyOfItsSubscriptionsIs() {
    Named first = new Named("first");
    Subscription group = Subscription.all(List.of(first, new Named("second")));

    first.close();

    assertTrue(group.isActive());
    assertEquals("all of [first, second]", group.description());
  }

  @Test
  void aMissingSubscriptionIsRefusedAtOnceByItsPlace() {
    assertEquals(
        "subscriptions[1] is null: Subscription.all takes the handles that subscribing returned",
        assertThrows(NullPointerException.class, () -> Subscription.all(new Named("a"), null))
            .getMessage());
    assertEquals(
        "subscriptions[0] is null: Subscription.all takes the handles that subscribing returned",
        assertThrows(
                NullPointerException.class,
                () -> Subscription.all(Arrays.asList(null, new Named("b"))))
            .getMessage());
  }

  @Test
  void noArrayOrCollectionIsRefusedAtOnceByName() {
    assertEquals(
        "subscriptions",
        assertThrows(NullPointerException.class, () -> Subscription.all((Subscription[]) null))
            .getMessage());
    assertEquals(
        "subscriptions",
        assertThrows(
                NullPointerException.class, () -> Subscription.all((Collection<Subscription>) null))
            .getMessage());
  }

  private final class Named implements Subscription {
    private final String name;
    private boolean active = true;

    Named(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      if (active) {
        active = false;
        closed.add(name);
      }
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public String description() {
      return name;
    }
  }
}
