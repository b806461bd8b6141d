package dev.supportevents.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** How subscriptions and labeled listeners describe themselves. */
class SubscriptionDescriptionTest {

  @Test
  void aGroupPrintsItsSubscriptionsAndWhetherAnyIsActive() {
    Plain first = new Plain("first");
    Plain second = new Plain("second");
    Subscription group = Subscription.all(first, second);

    assertEquals("Subscription[all of [first, second], active]", group.toString());
    first.close();
    assertEquals("Subscription[all of [first, second], active]", group.toString());
    second.close();
    assertEquals("Subscription[all of [first, second], closed]", group.toString());
  }

  @Test
  void aSubscriptionWithoutADescriptionOfItsOwnIsDescribedByItsToString() {
    assertEquals("plain", new Plain("plain").description());
  }

  @Test
  void aLabeledListenerOfEveryEventCallsTheListenerWithTypeAndEvent() {
    List<String> calls = new ArrayList<>();
    BiConsumer<String, Integer> listener =
        Labeled.listener("audit", (String type, Integer event) -> calls.add(type + " " + event));

    listener.accept("ping", 1);

    assertEquals(List.of("ping 1"), calls);
    assertEquals("audit", ((Labeled) listener).label());
  }

  /** A subscription that leaves its description to the interface's default. */
  private static final class Plain implements Subscription {
    private final String name;
    private boolean active = true;

    Plain(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      active = false;
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
