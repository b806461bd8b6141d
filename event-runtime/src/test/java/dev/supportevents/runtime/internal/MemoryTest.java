package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void aSubscriptionOnAnExecutorKeepsNoEventItDelivered() {
    TestHub.ManualExecutor executor = new TestHub.ManualExecutor();
    TestHub hub = new TestHub(Delivery.builder().executor(executor));
    hub.pings.subscribe(new CountingListener());
    List<WeakReference<Ping>> emitted = emit(hub, 1, 3);

    executor.runAll();

    for (WeakReference<Ping> event : emitted) {
      assertNull(afterCollection(event), "the subscription still holds a delivered event");
    }
  }

  @Test
  void aSubscriptionOnAnExecutorKeepsNoEventItReportedAsRefused() {
    TestHub.ManualExecutor pool = new TestHub.ManualExecutor();
    AtomicInteger reported = new AtomicInteger();
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .executor(pool)
                .failureHandler(failure -> reported.incrementAndGet()));
    hub.pings.subscribe(new CountingListener());
    emit(hub, 1, 256);
    List<WeakReference<Ping>> refused = emit(hub, 257, 259);

    // The task delivers 256 events, then hands its thread back to an executor shut down since,
    // which refuses it for the other 3.
    pool.shutdown();
    pool.runAll();

    assertEquals(3, reported.get());
    for (WeakReference<Ping> event : refused) {
      assertNull(afterCollection(event), "the subscription still holds a reported event");
    }
  }

  /** Emits the pings {@code first} to {@code last}, keeping only weak references to them. */
  private static List<WeakReference<Ping>> emit(TestHub hub, int first, int last) {
    List<WeakReference<Ping>> emitted = new ArrayList<>();
    for (int number = first; number <= last; number++) {
      Ping ping = new Ping(number);
      emitted.add(new WeakReference<>(ping));
      hub.pings.deliver(ping);
    }
    return emitted;
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
