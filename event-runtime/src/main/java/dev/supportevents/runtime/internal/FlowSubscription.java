package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.OverflowPolicy;
import dev.supportevents.runtime.PublisherOptions;
import dev.supportevents.runtime.PublisherOverflowException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One {@link Flow.Subscriber} of a hub: the listener the hub calls with each event, and the {@link
 * Flow.Subscription} the subscriber requests events from.
 *
 * <p>One mechanism keeps the subscriber's signals serial: the <em>drain</em>. Whatever changes the
 * state (an event, a request, a cancel, the hub closing, a failure) first records the change, then
 * increments {@link #wip}; the thread that moves it from zero runs the drain, which signals the
 * subscriber until no change is left unseen, and every other thread leaves the work to it. So
 * {@code onNext} is never called concurrently, a {@code request(n)} from inside {@code onNext} adds
 * demand without recursion (rule 3.3), and no lock is taken: no subscriber code ever runs under
 * one. The subscribing thread owns the drain from the start, so {@code onSubscribe} comes before
 * every other signal.
 *
 * <p>Events beyond the demand wait in a buffer of at most {@link PublisherOptions#bufferSize()};
 * what happens to one more is the {@link OverflowPolicy}. An event that finds the buffer empty and
 * demand waiting, with no executor, is handed to {@code onNext} at once by the emitting thread.
 *
 * @param <E> the type of the events delivered
 */
final class FlowSubscription<E> implements Flow.Subscription, Consumer<E> {

  private final Delivery delivery;
  private final Function<? super E, ? extends EventType> typeOf;
  private final int bufferSize;
  private final OverflowPolicy overflowPolicy;

  /** Where the drain runs, or {@code null} to run it on the thread that started it. */
  private final Executor executor;

  private final Runnable drainTask = () -> drain(1);
  private final Queue<E> buffer = new ConcurrentLinkedQueue<>();

  /** Read and cleared by the drain only; {@code null} once the subscription has ended. */
  private Flow.Subscriber<? super E> subscriber;

  /** Set while the subscription is created, before any other thread can reach this object. */
  private Registration registration;

  /**
   * Changes not yet seen by the drain; the thread that raises it from 0 drains. The subscribing
   * thread holds it from the start.
   */
  private final AtomicInteger wip = new AtomicInteger(1);

  /** The demand not yet served; {@link Long#MAX_VALUE} stands for unbounded (rule 3.17). */
  private final AtomicLong requested = new AtomicLong();

  /** How many events the buffer holds or is about to: counted before each is added. */
  private final AtomicInteger buffered = new AtomicInteger();

  /** The error to end the subscriber with, set once: overflow, a bad request, a refusal. */
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** The subscriber cancelled, or was ended: nothing more is delivered. */
  private volatile boolean cancelled;

  /** The hub closed the subscription: complete once the buffer is delivered. */
  private volatile boolean hubClosed;

  FlowSubscription(
      Flow.Subscriber<? super E> subscriber,
      Delivery delivery,
      PublisherOptions options,
      Function<? super E, ? extends EventType> typeOf) {
    this.subscriber = subscriber;
    this.delivery = delivery;
    this.typeOf = typeOf;
    this.bufferSize = options.bufferSize();
    this.overflowPolicy = options.overflowPolicy();
    this.executor = options.executor().orElse(null);
  }

  /** Takes the hub's subscription while it is created, before it can deliver any event. */
  void attached(Registration registration) {
    this.registration = registration;
    registration.onClose(this::subscriptionClosed);
  }

  /** Closes the hub's subscription, if the hub was still open when the subscriber came. */
  private void closeHubSubscription() {
    if (registration != null) {
      registration.close();
    }
  }

  /** Ends a subscriber of a hub closed before it subscribed: it completes once started. */
  void hubAlreadyClosed() {
    hubClosed = true;
  }

  /** Calls {@code onSubscribe}, then runs the drain this thread has owned since construction. */
  void start() {
    try {
      subscriber.onSubscribe(this);
    } catch (Throwable thrown) {
      Delivery.rethrowFatal(thrown);
      // Rule 2.13: the subscriber is broken; treat it as cancelled.
      cancelled = true;
      closeHubSubscription();
      FailureLog.subscriberFailed("onSubscribe", thrown);
    }
    runDrain();
  }

  /** Receives one event from the hub, on the emitting thread or the hub's executor. */
  @Override
  public void accept(E event) {
    if (cancelled || failure.get() != null) {
      // Ended, and closed on the hub: an event already on its way is not delivered, as for any
      // closed subscription.
      return;
    }
    if (executor == null && wip.get() == 0 && wip.compareAndSet(0, 1)) {
      // This thread owns the drain. Straight to onNext if nothing waits before the event.
      if (buffered.get() == 0 && requested.get() != 0 && failure.get() == null) {
        if (requested.get() != Long.MAX_VALUE) {
          requested.decrementAndGet();
        }
        onNext(subscriber, event);
      } else {
        enqueue(event);
      }
      int missed = wip.decrementAndGet();
      if (missed != 0) {
        drain(missed);
      }
      return;
    }
    enqueue(event);
    signal();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      fail(
          new IllegalArgumentException(
              "Rule 3.9: a non-positive subscription request is illegal, was " + n));
    } else {
      requested.accumulateAndGet(
          n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
    }
    signal();
  }

  @Override
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      closeHubSubscription();
      // The drain lets go of the subscriber and the buffer; it signals nothing now, so it may
      // run here whatever the executor.
      if (wip.getAndIncrement() == 0) {
        drain(1);
      }
    }
  }

  /** The close action of the hub subscription: closed by the hub, or by a cancel or failure. */
  private void subscriptionClosed() {
    hubClosed = true;
    signal();
  }

  /** Records the error to end the subscriber with; only the first one counts. */
  private void fail(Throwable error) {
    if (failure.compareAndSet(null, error)) {
      closeHubSubscription();
    }
  }

  private void enqueue(E event) {
    if (buffered.getAndIncrement() < bufferSize) {
      buffer.offer(event);
      return;
    }
    switch (overflowPolicy) {
      case FAIL -> {
        buffered.decrementAndGet();
        PublisherOverflowException overflow = overflow(event);
        fail(overflow);
        report(event, overflow);
      }
      case DROP_NEWEST -> {
        buffered.decrementAndGet();
        report(event, overflow(event));
      }
      case DROP_OLDEST -> {
        E oldest = buffer.poll();
        buffer.offer(event);
        if (oldest != null) {
          // Else the drain took the oldest meanwhile and counts it off itself.
          buffered.decrementAndGet();
          report(oldest, overflow(oldest));
        }
      }
    }
  }

  private PublisherOverflowException overflow(E event) {
    return new PublisherOverflowException(typeOf.apply(event), bufferSize, overflowPolicy);
  }

  private void report(E event, Throwable thrown) {
    // Every event is a record; E is wider only where it is a catalog's sealed interface.
    delivery.report(new ListenerFailure(typeOf.apply(event), (Record) event, registration, thrown));
  }

  /** Makes sure a drain sees the change just recorded. */
  private void signal() {
    if (wip.getAndIncrement() == 0) {
      runDrain();
    }
  }

  /** Runs the drain this thread owns, here or on the executor. */
  private void runDrain() {
    if (executor == null) {
      drain(1);
      return;
    }
    try {
      executor.execute(drainTask);
    } catch (RuntimeException refused) {
      // An executor that refuses (shut down, say) ends the subscriber, here: it has no other way.
      fail(refused);
      drain(1);
    }
  }

  /**
   * Signals the subscriber until every change counted in {@link #wip} has been seen. Only the
   * thread that owns the drain calls it.
   */
  private void drain(int missed) {
    for (; ; ) {
      Flow.Subscriber<? super E> target = subscriber;
      if (target != null) {
        if (cancelled) {
          end(null);
        } else if (failure.get() != null) {
          Throwable error = failure.get();
          end(error);
          signalEnd("onError", () -> target.onError(error));
        } else {
          deliverBuffered(target);
          if (cancelled || failure.get() != null) {
            continue;
          }
          if (hubClosed && buffered.get() == 0) {
            end(null);
            signalEnd("onComplete", target::onComplete);
          }
        }
      } else {
        // Ended: an event that slipped in after the end, as into any closed subscription, is let
        // go of.
        discardBuffer(null);
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Hands buffered events to {@code onNext} while there is demand. */
  private void deliverBuffered(Flow.Subscriber<? super E> target) {
    long demand = requested.get();
    long sent = 0;
    while (sent != demand && !cancelled && failure.get() == null) {
      E event = buffer.poll();
      if (event == null) {
        break;
      }
      buffered.decrementAndGet();
      sent++;
      onNext(target, event);
    }
    if (sent != 0 && demand != Long.MAX_VALUE) {
      requested.addAndGet(-sent);
    }
  }

  /**
   * Calls {@code onNext}. A subscriber that throws breaks rule 2.13: it is cancelled, and its
   * failure goes to the failure handler.
   */
  private void onNext(Flow.Subscriber<? super E> target, E event) {
    try {
      target.onNext(event);
    } catch (Throwable thrown) {
      Delivery.rethrowFatal(thrown);
      cancelled = true;
      closeHubSubscription();
      report(event, thrown);
      // Only the drain's owner calls onNext: the subscriber and its buffer are its to end here.
      end(thrown);
    }
  }

  /**
   * Ends the subscription: no more signals, and the subscriber and buffer are let go of.
   *
   * @param cause what ended the subscriber, with which each buffered event is reported, as it will
   *     not be delivered; {@code null} when it cancelled or completed, and nothing is reported
   */
  private void end(Throwable cause) {
    cancelled = true;
    subscriber = null;
    discardBuffer(cause);
  }

  private void discardBuffer(Throwable cause) {
    for (E event; (event = buffer.poll()) != null; ) {
      buffered.decrementAndGet();
      if (cause != null) {
        report(event, cause);
      }
    }
  }

  /** Sends a terminal signal; the subscriber is ended already, so what it throws is only logged. */
  private static void signalEnd(String signal, Runnable call) {
    try {
      call.run();
    } catch (Throwable thrown) {
      Delivery.rethrowFatal(thrown);
      FailureLog.subscriberFailed(signal, thrown);
    }
  }

  @Override
  public String toString() {
    return "FlowSubscription[requested="
        + requested
        + ", buffered="
        + buffered
        + (cancelled ? ", ended" : "")
        + "]";
  }
}
