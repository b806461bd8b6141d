package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What generated code does with a subscription while it creates it, and what it gets back. */
class RegistrationApiTest {

  private final List<String> calls = new ArrayList<>();
  private final TestHub hub = new TestHub();

  @Test
  void theSubscriptionReturnedClosesEveryListenerAddedAndRunsEachCloseActionInOrder() {
    Registration[] created = new Registration[1];
    Subscription subscription =
        hub.delivery.subscribe(
            registration -> {
              created[0] = registration;
              registration
                  .listen(hub.pings, ping -> calls.add("ping " + ping.number()))
                  .listen(hub.pongs, pong -> calls.add("pong " + pong.text()))
                  .onClose(() -> calls.add("first close action"))
                  .onClose(() -> calls.add("second close action"));
            });
    assertSame(created[0], subscription);

    hub.pings.deliver(new Ping(1));
    hub.pongs.deliver(new Pong("a"));
    subscription.close();
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of("ping 1", "pong a", "first close action", "second close action"), calls);
    assertFalse(hub.pings.hasListeners());
    assertFalse(hub.pongs.hasListeners());
  }

  @Test
  void aSubscriptionOnAnExecutorIsReturnedAndItsListenersRunInTheExecutorsTask() {
    TestHub.ManualExecutor ui = new TestHub.ManualExecutor();
    Subscription subscription =
        hub.delivery.subscribe(
            ui,
            registration ->
                registration.listen(hub.pings, ping -> calls.add("ui " + ping.number())));

    hub.pings.deliver(new Ping(1));
    ui.runAll();
    subscription.close();
    hub.pings.deliver(new Ping(2));
    ui.runAll();

    assertEquals(List.of("ui 1"), calls);
    assertFalse(subscription.isActive());
  }

  @Test
  void anEventNobodyListensToOnAHubWithoutAHookIsDroppedQuietly() {
    try (CapturedLog log = new CapturedLog()) {
      hub.pings.deliver(new Ping(1));

      assertEquals(List.of(), log.records);
    }
  }
}
