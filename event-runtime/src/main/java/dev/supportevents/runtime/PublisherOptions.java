package dev.supportevents.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * How a hub's {@link Flow.Publisher} serves each of its subscribers: the size of the buffer that
 * holds events emitted beyond the subscriber's demand, what happens when it is full, and where
 * {@code onNext} runs. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Flow.Publisher<MessageSentEvent> sent = events.publisher(MessageSentEvent.class,
 *     PublisherOptions.defaults().bufferSize(1024).onOverflow(OverflowPolicy.DROP_OLDEST));
 * }</pre>
 */
public final class PublisherOptions {

  private static final PublisherOptions DEFAULTS =
      new PublisherOptions(Flow.defaultBufferSize(), OverflowPolicy.FAIL, null);

  private final int bufferSize;
  private final OverflowPolicy overflowPolicy;
  private final Executor executor;

  private PublisherOptions(int bufferSize, OverflowPolicy overflowPolicy, Executor executor) {
    this.bufferSize = bufferSize;
    this.overflowPolicy = overflowPolicy;
    this.executor = executor;
  }

  /**
   * The defaults: a buffer of {@link Flow#defaultBufferSize()} events per subscriber, {@link
   * OverflowPolicy#FAIL}, and delivery on the thread that emits or requests.
   *
   * @return the default options
   */
  public static PublisherOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Buffers up to {@code bufferSize} events per subscriber beyond what it requested.
   *
   * @param bufferSize at least 1
   * @return options with that buffer size
   * @throws IllegalArgumentException if {@code bufferSize} is less than 1
   */
  public PublisherOptions bufferSize(int bufferSize) {
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize);
    }
    return new PublisherOptions(bufferSize, overflowPolicy, executor);
  }

  /**
   * Chooses what happens to an event for a subscriber whose buffer is full.
   *
   * @param overflowPolicy {@link OverflowPolicy#FAIL} unless set
   * @return options with that policy
   */
  public PublisherOptions onOverflow(OverflowPolicy overflowPolicy) {
    return new PublisherOptions(
        bufferSize, Objects.requireNonNull(overflowPolicy, "overflowPolicy"), executor);
  }

  /**
   * Runs each subscriber's {@code onNext}, {@code onComplete} and {@code onError} on {@code
   * executor}, one drain task at a time per subscriber, never concurrently. Without it they run on
   * the thread that emits the event or that requests it.
   *
   * @param executor runs the subscribers' signals, a UI thread for example
   * @return options with that executor
   */
  public PublisherOptions executor(Executor executor) {
    return new PublisherOptions(
        bufferSize, overflowPolicy, Objects.requireNonNull(executor, "executor"));
  }

  /**
   * The buffer size per subscriber.
   *
   * @return how many events beyond its demand a subscriber's buffer holds
   */
  public int bufferSize() {
    return bufferSize;
  }

  /**
   * What happens when a subscriber's buffer is full.
   *
   * @return the overflow policy
   */
  public OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  /**
   * The executor of the subscribers' signals, if one was given.
   *
   * @return the executor, or empty to signal on the emitting or requesting thread
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  @Override
  public String toString() {
    return "PublisherOptions[bufferSize="
        + bufferSize
        + ", overflowPolicy="
        + overflowPolicy
        + (executor == null ? "" : ", executor=" + executor)
        + "]";
  }
}
