package dev.supportevents.example.reactive;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.runtime.PublisherOptions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against {@code SupportEvents.publisher(MessageSentEvent.class)}.
 *
 * <p>The TCK asks for a publisher of exactly {@code n} elements that then completes; a hub
 * publishes whatever is emitted, for as long as it is open. So each subscriber of the TCK gets a
 * hub of its own and a {@link DemandDrivenEmitter}: it subscribes to the hub's publisher, then
 * emits one event for each one requested, up to {@code n}, and closes the hub, which completes the
 * subscriber once it has received them. Every signal the TCK sees comes from the hub's publisher;
 * the emitter only watches the requests on their way to it.
 *
 * <p>The failed publisher is the hub's own failure: a subscriber with a buffer of one event that
 * requests nothing while two are emitted ends with {@code onError}.
 */
public class PublisherTckTest extends FlowPublisherVerification<MessageSentEvent> {

  private static final long TIMEOUT_MILLIS = 1_000;
  private static final long NO_SIGNAL_TIMEOUT_MILLIS = 100;
  private static final long GC_TIMEOUT_MILLIS = 300;
  private static final Message MESSAGE =
      new Message(
          "m-1",
          "c-tck",
          Sender.visitor("v-1", "Alex"),
          "Hi",
          List.of(),
          Instant.parse("2025-03-04T10:15:30Z"));

  private final TestEnvironment env;

  public PublisherTckTest() {
    this(new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNAL_TIMEOUT_MILLIS));
  }

  private PublisherTckTest(TestEnvironment env) {
    super(env, GC_TIMEOUT_MILLIS);
    this.env = env;
  }

  @Override
  public Flow.Publisher<MessageSentEvent> createFlowPublisher(long elements) {
    return subscriber -> {
      // A failure report means the publisher failed a subscriber the TCK expects to be served.
      SupportEvents hub =
          SupportEvents.builder()
              .failureHandler(failure -> env.flop(failure.failure(), "The hub reported " + failure))
              .build();
      DemandDrivenEmitter emitter = new DemandDrivenEmitter(hub, elements);
      // A null subscriber goes to the hub's publisher as it is, which must reject it (rule 1.9).
      hub.publisher(MessageSentEvent.class)
          .subscribe(subscriber == null ? null : emitter.watching(subscriber));
      emitter.emitRequested();
    };
  }

  @Override
  public Flow.Publisher<MessageSentEvent> createFailedFlowPublisher() {
    return subscriber -> {
      SupportEvents hub = SupportEvents.builder().failureHandler(failure -> {}).build();
      hub.publisher(MessageSentEvent.class, PublisherOptions.defaults().bufferSize(1))
          .subscribe(subscriber);
      hub.emitMessageSent("c-tck", MESSAGE);
      hub.emitMessageSent("c-tck", MESSAGE);
    };
  }

  /**
   * Emits on one hub as many events as its subscriber requested, up to a total, then closes the
   * hub. A request made while it emits (from {@code onNext}, say) is added to what it still owes
   * rather than served by a nested loop, so requests never recurse through it.
   */
  private static final class DemandDrivenEmitter {

    private final SupportEvents hub;
    private final long total;
    private final AtomicLong owed = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private long emitted;
    private volatile boolean cancelled;

    DemandDrivenEmitter(SupportEvents hub, long total) {
      this.hub = hub;
      this.total = total;
    }

    /** {@code subscriber}, with its subscription's requests and cancel seen by this emitter. */
    Flow.Subscriber<MessageSentEvent> watching(
        Flow.Subscriber<? super MessageSentEvent> subscriber) {
      return new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
          subscriber.onSubscribe(
              new Flow.Subscription() {
                @Override
                public void request(long n) {
                  subscription.request(n);
                  if (n > 0) {
                    owed.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                  }
                  emitRequested();
                }

                @Override
                public void cancel() {
                  cancelled = true;
                  subscription.cancel();
                }
              });
        }

        @Override
        public void onNext(MessageSentEvent event) {
          subscriber.onNext(event);
        }

        @Override
        public void onError(Throwable failure) {
          subscriber.onError(failure);
        }

        @Override
        public void onComplete() {
          subscriber.onComplete();
        }
      };
    }

    void emitRequested() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      do {
        while (!cancelled && emitted < total && owed.get() > 0) {
          owed.decrementAndGet();
          emitted++;
          hub.emitMessageSent("c-tck", MESSAGE);
        }
        if (emitted == total) {
          hub.close();
        }
      } while (wip.decrementAndGet() != 0);
    }
  }
}
