package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.Subscription;
import dev.supportevents.runtime.SubscriptionOptions;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Type;
import dev.supportevents.runtime.internal.TestHub.ManualExecutor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The heap stays bounded by the queue capacity, whatever a stalled listener is sent: each case runs
 * in a JVM of its own with {@code -Xmx128m}, which ran out of memory with the unbounded queues, and
 * prints its accounting.
 */
class BoundedHeapTest {

  private static final int EMITS = 5_000_000;

  @Test
  void aStalledListenerOnAnExecutorGets5MillionEmitsIn128Megabytes() throws Exception {
    assertEquals("emitted=5000000 accounted=5000000", runForked("executor"));
  }

  /**
   * With {@code DROP_OLDEST} at the default capacity, 65,536: each event that found the queue full
   * moved every queued one a place, and the 5 million emits had not ended after 10 minutes.
   */
  @Test
  void aStalledListenerOnAnExecutorDroppingTheOldestGets5MillionEmits() throws Exception {
    assertEquals("emitted=5000000 accounted=5000000", runForked("executor-dropping-oldest"));
  }

  /**
   * 10 million: the unbounded gate held 5 million events of 16 bytes in 128 MB, and ran out of
   * memory at 10 million.
   */
  @Test
  void theEventsHeldDuringAStalledReplayStayBoundedIn128Megabytes() throws Exception {
    assertEquals("emitted=10000000 accounted=10000000", runForked("replay"));
  }

  /**
   * 2,000 subscriptions, one after another, each filled to its capacity of 32,768 events on a
   * stalled executor until one more event ends it ({@code FAIL}): the hub kept each ended
   * subscription's ring, 256 KB, and ran out of memory after 376 of them.
   */
  @Test
  void subscriptionsEndedByAnOverflowLeaveNothingBehindOnceDrained() throws Exception {
    assertEquals("subscriptions=2000 mailboxes=0 accounted=65538000", runForked("failing"));
  }

  /**
   * 2,000 subscriptions kept open, each of a hub of its own, whose replay held back 32,768 events:
   * the gate kept its emptied queue, grown to hold them, for as long as the subscription lived, and
   * ran out of memory after 623 of them.
   */
  @Test
  void aReplayThatHeldManyEventsKeepsNothingOnceItEnded() throws Exception {
    assertEquals("subscriptions=2000 accounted=65538000", runForked("replays"));
  }

  private static String runForked(String mode)
      throws IOException, InterruptedException, URISyntaxException {
    String classPath =
        location(Delivery.class) + File.pathSeparator + location(BoundedHeapTest.class);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile("bounded-heap-" + mode, ".log");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx128m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    classPath,
                    Probe.class.getName(),
                    mode))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the probe did not end in 5 minutes");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertEquals(0, process.exitValue(), output);
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /**
   * Emits 5 million events at a stalled listener on an executor (whose hub drops the newest event
   * of a full queue, or the oldest), or 10 million during a stalled replay, and prints how many
   * were accounted for.
   */
  static final class Probe {

    private Probe() {}

    public static void main(String[] args) throws Exception {
      if (args[0].equals("failing")) {
        failing();
        return;
      }
      if (args[0].equals("replays")) {
        replays();
        return;
      }
      AtomicLong delivered = new AtomicLong();
      AtomicLong reported = new AtomicLong();
      Delivery.Builder builder =
          Delivery.builder().failureHandler(failure -> reported.incrementAndGet());
      CountDownLatch stalled = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      boolean replay = args[0].equals("replay");
      if (args[0].equals("executor-dropping-oldest")) {
        builder.onOverflow(OverflowPolicy.DROP_OLDEST);
      }
      Delivery delivery = (replay ? builder : builder.executor(pool)).build();
      Listeners<Ping> pings = delivery.listenersReplayingLatest(Type.PING);
      Thread subscriber = null;
      long emitted = 0;
      if (replay) {
        pings.deliver(new Ping(0));
        subscriber =
            new Thread(
                () ->
                    pings.subscribe(
                        ping -> {
                          delivered.incrementAndGet();
                          if (ping.number() == 0) {
                            stalled.countDown();
                            await(release);
                          }
                        }));
        subscriber.start();
        await(stalled);
      } else {
        pings.subscribe(
            ping -> {
              delivered.incrementAndGet();
              stalled.countDown();
              await(release);
            });
      }
      int emits = replay ? 2 * EMITS : EMITS;
      for (int n = 1; n <= emits; n++) {
        pings.deliver(new Ping(n));
        emitted++;
        if (n == 1) {
          await(stalled);
        }
      }
      release.countDown();
      if (subscriber != null) {
        subscriber.join();
        delivered.decrementAndGet(); // the replayed event, emitted before the count began
      }
      if (!delivery.awaitDelivered(Duration.ofMinutes(2))) {
        throw new AssertionError("not delivered");
      }
      pool.shutdown();
      System.out.println("emitted=" + emitted + " accounted=" + (delivered.get() + reported.get()));
    }

    private static void failing() throws InterruptedException {
      int subscriptions = 2_000;
      int capacity = 32_768;
      AtomicLong accounted = new AtomicLong();
      Delivery delivery =
          Delivery.builder().failureHandler(failure -> accounted.incrementAndGet()).build();
      Listeners<Ping> pings = delivery.listeners(Type.PING);
      for (int i = 0; i < subscriptions; i++) {
        ManualExecutor stalled = new ManualExecutor();
        Subscription subscription =
            pings.subscribe(
                ping -> accounted.incrementAndGet(),
                SubscriptionOptions.defaults()
                    .executor(stalled)
                    .queueCapacity(capacity)
                    .onOverflow(OverflowPolicy.FAIL));
        for (int n = 0; n <= capacity; n++) {
          pings.deliver(new Ping(n));
        }
        if (subscription.isActive()) {
          throw new AssertionError("the overflow did not end subscription " + i);
        }
        stalled.runAll();
      }
      if (!delivery.awaitDelivered(Duration.ofMinutes(1))) {
        throw new AssertionError("not delivered");
      }
      System.out.println(
          "subscriptions="
              + subscriptions
              + " mailboxes="
              + delivery.mailboxCount()
              + " accounted="
              + accounted.get());
    }

    private static void replays() throws InterruptedException {
      int subscriptions = 2_000;
      int held = 32_768;
      AtomicLong accounted = new AtomicLong();
      List<Subscription> open = new ArrayList<>();
      for (int i = 0; i < subscriptions; i++) {
        Listeners<Ping> pings =
            Delivery.builder()
                .failureHandler(failure -> accounted.incrementAndGet())
                .build()
                .listenersReplayingLatest(Type.PING);
        pings.deliver(new Ping(0));
        CountDownLatch replaying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread subscriber =
            new Thread(
                () ->
                    open.add(
                        pings.subscribe(
                            ping -> {
                              accounted.incrementAndGet();
                              if (ping.number() == 0) {
                                replaying.countDown();
                                await(release);
                              }
                            })));
        subscriber.start();
        await(replaying);
        for (int n = 1; n <= held; n++) {
          pings.deliver(new Ping(n));
        }
        release.countDown();
        subscriber.join();
      }
      System.out.println("subscriptions=" + open.size() + " accounted=" + accounted.get());
    }

    private static void await(CountDownLatch latch) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
