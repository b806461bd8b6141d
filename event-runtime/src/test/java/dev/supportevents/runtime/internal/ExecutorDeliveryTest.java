package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestHub.ManualExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorDeliveryTest {

  private final List<String> calls = new ArrayList<>();

  @Test
  void aHubExecutorRunsEachSubscriptionAsOneTaskThatDeliversItsEventsInOrder() {
    ManualExecutor executor = new ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    hub.pings.subscribe(ping -> calls.add("A " + ping.number()));
    hub.pings.subscribe(ping -> calls.add("B " + ping.number()));

    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));

    assertEquals(List.of(), calls, "nothing runs on the emitting thread");
    assertEquals(2, executor.pending(), "one task per subscription, however many events");
    executor.runAll();
    assertEquals(List.of("A 1", "A 2", "B 1", "B 2"), calls);
  }

  @Test
  void aSubscriptionClosedWhileTheHubsTaskWaitsReceivesNothingAndTheOthersStillDo() {
    ManualExecutor executor = new ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    hub.pings.subscribe(ping -> calls.add("A " + ping.number()));
    Subscription closed = hub.pings.subscribe(ping -> calls.add("B " + ping.number()));
    hub.pings.subscribe(ping -> calls.add("C " + ping.number()));

    hub.pings.deliver(new Ping(1));
    closed.close();
    executor.runAll();

    assertEquals(List.of("A 1", "C 1"), calls);
  }

  @Test
  void aLoneListenerClosedWhileTheHubsTaskWaitsReceivesNothing() {
    ManualExecutor executor = new ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    Subscription closed = hub.pings.subscribe(ping -> calls.add("A " + ping.number()));

    hub.pings.deliver(new Ping(1));
    closed.close();
    executor.runAll();

    assertEquals(List.of(), calls);
  }

  @Test
  void aListenerClosedDuringDeliveryAmongListenersOnTheirOwnExecutorsReceivesNothingMore() {
    ManualExecutor ui = new ManualExecutor();
    TestHub hub = new TestHub();
    List<Subscription> victims = new ArrayList<>();
    hub.pings.subscribe(
        ping -> {
          calls.add("closer " + ping.number());
          victims.forEach(Subscription::close);
        });
    victims.add(hub.pings.subscribe(ping -> calls.add("ui " + ping.number()), ui));
    victims.add(hub.pings.subscribe(ping -> calls.add("direct " + ping.number())));
    hub.pings.subscribe(ping -> calls.add("last " + ping.number()), ui);

    hub.pings.deliver(new Ping(1));
    hub.pings.deliver(new Ping(2));
    ui.runAll();

    assertEquals(List.of("closer 1", "closer 2", "last 1", "last 2"), calls);
  }

  @Test
  void aSubscriptionExecutorRunsOnlyThatListenerInEmitOrder() {
    ManualExecutor ui = new ManualExecutor();
    TestHub hub = new TestHub();
    hub.pings.subscribe(ping -> calls.add("ui " + ping.number()), ui);
    hub.pings.subscribe(ping -> calls.add("direct " + ping.number()));

    for (int i = 1; i <= 3; i++) {
      hub.pings.deliver(new Ping(i));
    }
    assertEquals(List.of("direct 1", "direct 2", "direct 3"), calls);

    ui.runAll();
    assertEquals(List.of("direct 1", "direct 2", "direct 3", "ui 1", "ui 2", "ui 3"), calls);
  }

  @Test
  void aSubscriptionClosedBeforeItsTaskRunsReceivesNothing() {
    ManualExecutor ui = new ManualExecutor();
    TestHub hub = new TestHub();
    Subscription subscription = hub.pings.subscribe(ping -> calls.add("ui " + ping.number()), ui);

    hub.pings.deliver(new Ping(1));
    subscription.close();
    ui.runAll();

    assertEquals(List.of(), calls);
  }

  @Test
  void aGroupSubscriptionRunsAllItsListenersOnItsExecutor() {
    ManualExecutor ui = new ManualExecutor();
    TestHub hub = new TestHub();
    hub.delivery.subscribe(
        ui,
        registration ->
            registration
                .listen(hub.pings, ping -> calls.add("ping " + ping.number()))
                .listen(hub.pongs, pong -> calls.add("pong " + pong.text())));

    hub.pings.deliver(new Ping(1));
    hub.pongs.deliver(new TestEvents.Pong("a"));
    assertEquals(List.of(), calls);

    ui.runAll();
    assertEquals(List.of("ping 1", "pong a"), calls);
  }
}
