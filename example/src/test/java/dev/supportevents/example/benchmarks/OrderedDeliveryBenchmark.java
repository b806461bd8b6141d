package dev.supportevents.example.benchmarks;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.greenrobot.eventbus.ThreadMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Delivery on a thread pool: one operation posts {@value #EVENTS} new {@link MessageSentEvent}s
 * from one thread to {@code subscribers} subscribers on a pool of 4 threads, and waits until each
 * subscriber has received all of them. Scores are per event.
 *
 * <ul>
 *   <li>{@code generatedHub}: {@link SupportEvents} built with {@code executor(pool)}; each
 *       subscription receives its events one at a time and in order, through an array ring with a
 *       capacity of {@value #EVENTS} events, the whole burst, as emit never blocks and would drop
 *       events beyond it;
 *   <li>{@code submissionPublisher}: the JDK's {@link SubmissionPublisher} on the pool, its default
 *       buffer of 256 per subscriber, the reference for ordered per-subscriber mailboxes; {@code
 *       submit} blocks while a buffer is full;
 *   <li>{@code guavaAsync}: Guava's {@code AsyncEventBus} on the pool; subscribers without
 *       {@code @AllowConcurrentEvents}, which Guava serializes, but not in order;
 *   <li>{@code greenrobotBackground}: greenrobot's {@code EventBus} with the pool as its executor
 *       service and {@code ThreadMode.BACKGROUND}: one queue that a single task drains, in order,
 *       for every subscriber;
 *   <li>{@code greenrobotAsync}: the same with {@code ThreadMode.ASYNC}: one task per event and
 *       subscriber, neither serial nor in order.
 * </ul>
 *
 * <p>Every subscriber counts with an {@link AtomicInteger}, as unordered buses call one subscriber
 * from several threads at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(OrderedDeliveryBenchmark.EVENTS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrderedDeliveryBenchmark {

  static final int EVENTS = 1_000_000;
  private static final int POOL_THREADS = 4;

  @Param({"1", "8"})
  public int subscribers;

  private String conversationId;
  private Message message;
  private ExecutorService pool;
  private SupportEvents hub;
  private SubmissionPublisher<MessageSentEvent> publisher;
  private com.google.common.eventbus.AsyncEventBus guava;
  private org.greenrobot.eventbus.EventBus greenrobotBackground;
  private org.greenrobot.eventbus.EventBus greenrobotAsync;
  private final List<Counter> hubCounters = new ArrayList<>();
  private final List<Counter> publisherCounters = new ArrayList<>();
  private final List<Counter> guavaCounters = new ArrayList<>();
  private final List<Counter> backgroundCounters = new ArrayList<>();
  private final List<Counter> asyncCounters = new ArrayList<>();

  @Setup
  public void setUp(Blackhole blackhole) {
    conversationId = Workload.CONVERSATION_ID;
    message = Workload.MESSAGE;
    pool = Executors.newFixedThreadPool(POOL_THREADS);
    hub = SupportEvents.builder().executor(pool).queueCapacity(EVENTS).build();
    publisher = new SubmissionPublisher<>(pool, Flow.defaultBufferSize());
    guava = new com.google.common.eventbus.AsyncEventBus("benchmark", pool);
    greenrobotBackground = greenrobot();
    greenrobotAsync = greenrobot();
    for (int i = 0; i < subscribers; i++) {
      hub.onMessageSent(counter(hubCounters, blackhole));
      publisher.subscribe(new FlowSubscriber(counter(publisherCounters, blackhole)));
      guava.register(new GuavaSubscriber(counter(guavaCounters, blackhole)));
      greenrobotBackground.register(
          new BackgroundSubscriber(counter(backgroundCounters, blackhole)));
      greenrobotAsync.register(new AsyncSubscriber(counter(asyncCounters, blackhole)));
    }
  }

  @TearDown
  public void tearDown() {
    hub.close();
    publisher.close();
    pool.shutdownNow();
  }

  @Benchmark
  public void generatedHub() throws InterruptedException {
    CountDownLatch done = start(hubCounters);
    for (int n = 0; n < EVENTS; n++) {
      hub.emitMessageSent(conversationId, message);
    }
    done.await();
  }

  @Benchmark
  public void submissionPublisher() throws InterruptedException {
    CountDownLatch done = start(publisherCounters);
    for (int n = 0; n < EVENTS; n++) {
      publisher.submit(new MessageSentEvent(conversationId, message));
    }
    done.await();
  }

  @Benchmark
  public void guavaAsync() throws InterruptedException {
    CountDownLatch done = start(guavaCounters);
    for (int n = 0; n < EVENTS; n++) {
      guava.post(new MessageSentEvent(conversationId, message));
    }
    done.await();
  }

  @Benchmark
  public void greenrobotBackground() throws InterruptedException {
    CountDownLatch done = start(backgroundCounters);
    for (int n = 0; n < EVENTS; n++) {
      greenrobotBackground.post(new MessageSentEvent(conversationId, message));
    }
    done.await();
  }

  @Benchmark
  public void greenrobotAsync() throws InterruptedException {
    CountDownLatch done = start(asyncCounters);
    for (int n = 0; n < EVENTS; n++) {
      greenrobotAsync.post(new MessageSentEvent(conversationId, message));
    }
    done.await();
  }

  private org.greenrobot.eventbus.EventBus greenrobot() {
    return org.greenrobot.eventbus.EventBus.builder()
        .executorService(pool)
        .logNoSubscriberMessages(false)
        .sendNoSubscriberEvent(false)
        .build();
  }

  private static Counter counter(List<Counter> counters, Blackhole blackhole) {
    Counter counter = new Counter(blackhole);
    counters.add(counter);
    return counter;
  }

  /** Starts one operation: every counter of the contender at zero, one latch they count down. */
  private static CountDownLatch start(List<Counter> counters) {
    CountDownLatch done = new CountDownLatch(counters.size());
    counters.forEach(counter -> counter.reset(done));
    return done;
  }

  /** Counts the events of one subscriber and tells the operation once all have arrived. */
  static final class Counter implements Consumer<MessageSentEvent> {
    private final Blackhole blackhole;
    private final AtomicInteger received = new AtomicInteger();
    private volatile CountDownLatch done;

    Counter(Blackhole blackhole) {
      this.blackhole = blackhole;
    }

    void reset(CountDownLatch done) {
      received.set(0);
      this.done = done;
    }

    @Override
    public void accept(MessageSentEvent event) {
      blackhole.consume(event);
      if (received.incrementAndGet() == EVENTS) {
        done.countDown();
      }
    }
  }

  /** A {@link Flow.Subscriber} that asks for everything. */
  static final class FlowSubscriber implements Flow.Subscriber<MessageSentEvent> {
    private final Counter counter;

    FlowSubscriber(Counter counter) {
      this.counter = counter;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(MessageSentEvent event) {
      counter.accept(event);
    }

    @Override
    public void onError(Throwable failure) {
      throw new AssertionError(failure);
    }

    @Override
    public void onComplete() {}
  }

  /** Guava's subscriber, serialized by Guava as it does not allow concurrent events. */
  public static final class GuavaSubscriber {
    private final Counter counter;

    GuavaSubscriber(Counter counter) {
      this.counter = counter;
    }

    @com.google.common.eventbus.Subscribe
    public void on(MessageSentEvent event) {
      counter.accept(event);
    }
  }

  /** greenrobot's subscriber in {@code BACKGROUND} mode. */
  public static final class BackgroundSubscriber {
    private final Counter counter;

    BackgroundSubscriber(Counter counter) {
      this.counter = counter;
    }

    @org.greenrobot.eventbus.Subscribe(threadMode = ThreadMode.BACKGROUND)
    public void on(MessageSentEvent event) {
      counter.accept(event);
    }
  }

  /** greenrobot's subscriber in {@code ASYNC} mode. */
  public static final class AsyncSubscriber {
    private final Counter counter;

    AsyncSubscriber(Counter counter) {
      this.counter = counter;
    }

    @org.greenrobot.eventbus.Subscribe(threadMode = ThreadMode.ASYNC)
    public void on(MessageSentEvent event) {
      counter.accept(event);
    }
  }
}
