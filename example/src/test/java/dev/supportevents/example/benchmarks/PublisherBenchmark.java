package dev.supportevents.example.benchmarks;

import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEvents;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One pre-built {@link MessageSentEvent} per operation, handed on the emitting thread to one
 * consumer whose body gives it to a {@link Blackhole}:
 *
 * <ul>
 *   <li>{@code listener}: a plain {@code onMessageSent} listener of the hub, {@code emit(event)};
 *   <li>{@code publisher}: a {@link Flow.Subscriber} of {@code publisher(MessageSentEvent.class)}
 *       that requested {@code Long.MAX_VALUE}, {@code emit(event)};
 *   <li>{@code submissionPublisher}: the JDK's {@link SubmissionPublisher} with an executor that
 *       runs its tasks at once, so that it too delivers on the submitting thread, and the same
 *       subscriber, {@code submit(event)};
 *   <li>{@code drainOwnership}: no delivery, only the two atomic operations with which a
 *       subscriber's event takes and releases its serial drain, the floor of {@code publisher}'s
 *       cost over {@code listener}'s.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class PublisherBenchmark {

  private MessageSentEvent event;
  private SupportEvents listenerHub;
  private SupportEvents publisherHub;
  private SubmissionPublisher<MessageSentEvent> submissionPublisher;
  private final AtomicInteger drain = new AtomicInteger();

  @Setup
  public void setUp(Blackhole blackhole) {
    event = new MessageSentEvent(Workload.CONVERSATION_ID, Workload.MESSAGE);
    listenerHub = SupportEvents.create();
    listenerHub.onMessageSent(Workload.listener(blackhole));
    publisherHub = SupportEvents.create();
    publisherHub.publisher(MessageSentEvent.class).subscribe(new UnboundedSubscriber(blackhole));
    submissionPublisher = new SubmissionPublisher<>(Runnable::run, Flow.defaultBufferSize());
    submissionPublisher.subscribe(new UnboundedSubscriber(blackhole));
  }

  @TearDown
  public void tearDown() {
    publisherHub.close();
    submissionPublisher.close();
  }

  @Benchmark
  public void listener() {
    listenerHub.emit(event);
  }

  @Benchmark
  public void publisher() {
    publisherHub.emit(event);
  }

  @Benchmark
  public int submissionPublisher() {
    return submissionPublisher.submit(event);
  }

  @Benchmark
  public int drainOwnership() {
    drain.compareAndSet(0, 1);
    return drain.decrementAndGet();
  }

  /** Requests everything at once and hands each event to the blackhole. */
  private static final class UnboundedSubscriber implements Flow.Subscriber<MessageSentEvent> {

    private final Blackhole blackhole;

    UnboundedSubscriber(Blackhole blackhole) {
      this.blackhole = blackhole;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(MessageSentEvent item) {
      blackhole.consume(item);
    }

    @Override
    public void onError(Throwable throwable) {
      throw new AssertionError("the benchmark's subscriber failed", throwable);
    }

    @Override
    public void onComplete() {}
  }
}
