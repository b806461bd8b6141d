package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MemoryTest {

  @Test
  void aClosedSubscriptionReleasesItsListener() {
    TestHub hub = new TestHub();
    Consumer<Ping> listener = new CountingListener();
    WeakReference<Consumer<Ping>> released = new WeakReference<>(listener);
    Subscription subscription = hub.pings.subscribe(listener);
    hub.pings.deliver(new Ping(1));

    listener = null;
    subscription.close();

    assertNull(afterCollection(released), "the hub still holds a closed listener");
  }

  @Test
  void anActiveSubscriptionKeepsItsListener() {
    TestHub hub = new TestHub();
    WeakReference<Consumer<Ping>> held = new WeakReference<>(new CountingListener());
    Subscription subscription = hub.pings.subscribe(held.get());

    assertNotNull(afterCollection(held), "the hub must keep an active listener");
    subscription.close();
  }

  @Test
  void emittingKeepsNothingPerEvent() {
    TestHub hub = new TestHub();
    hub.pings.subscribe(new CountingListener());
    Ping ping = new Ping(1);
    WeakReference<Ping> emitted = new WeakReference<>(ping);
    hub.pings.deliver(ping);

    ping = null;

    assertNull(afterCollection(emitted), "the hub still holds an emitted event");
  }

  /** Collects garbage until {@code reference} clears, for a bounded number of tries. */
  private static <T> T afterCollection(WeakReference<T> reference) {
    for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
      System.gc();
      byte[] pressure = new byte[1 << 20];
      pressure[0] = 1;
    }
    return reference.get();
  }

  private static final class CountingListener implements Consumer<Ping> {
    private int count;

    @Override
    public void accept(Ping ping) {
      count += ping.number();
    }
  }
}
