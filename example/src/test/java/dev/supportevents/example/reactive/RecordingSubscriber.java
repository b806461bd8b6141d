package dev.supportevents.example.reactive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Flow.Subscriber} that records its signals, checks that they never overlap and that
 * {@code onNext} never exceeds what it requested, and requests only when told to.
 */
class RecordingSubscriber<T> implements Flow.Subscriber<T> {

  final List<T> received = Collections.synchronizedList(new ArrayList<>());
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  final CountDownLatch terminated = new CountDownLatch(1);
  volatile Flow.Subscription subscription;
  volatile boolean completed;
  volatile Throwable error;
  private final AtomicBoolean inSignal = new AtomicBoolean();
  private final AtomicInteger subscribed = new AtomicInteger();

  /** What was requested so far; counted before each request is made. */
  private final AtomicInteger requested = new AtomicInteger();

  /** Requests {@code n} more; {@code Integer.MAX_VALUE} stands for unbounded demand. */
  void request(int n) {
    if (n == Integer.MAX_VALUE) {
      requested.set(Integer.MAX_VALUE);
      subscription.request(Long.MAX_VALUE);
    } else {
      requested.addAndGet(n);
      subscription.request(n);
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    enter("onSubscribe");
    subscribed.incrementAndGet();
    this.subscription = subscription;
    exit();
  }

  @Override
  public void onNext(T item) {
    enter("onNext");
    received.add(item);
    if (received.size() > requested.get()) {
      violations.add("onNext beyond demand: " + received.size() + " > " + requested.get());
    }
    whenReceived(item);
    exit();
  }

  /** What a test's subscriber does in {@code onNext}, after recording the item. */
  void whenReceived(T item) {}

  @Override
  public void onError(Throwable throwable) {
    enter("onError");
    error = throwable;
    terminated.countDown();
    exit();
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    completed = true;
    terminated.countDown();
    exit();
  }

  private void enter(String signal) {
    if (!inSignal.compareAndSet(false, true)) {
      violations.add(signal + " while another signal ran");
    }
    if (subscription == null && !signal.equals("onSubscribe")) {
      violations.add(signal + " before onSubscribe");
    }
    if (terminated.getCount() == 0) {
      violations.add(signal + " after the end");
    }
  }

  private void exit() {
    inSignal.set(false);
  }

  void awaitTermination() throws InterruptedException {
    assertTrue(terminated.await(10, TimeUnit.SECONDS), "no onComplete or onError");
  }

  void assertRulesKept() {
    assertTrue(violations.isEmpty(), violations.toString());
    assertTrue(subscribed.get() == 1, "onSubscribe calls: " + subscribed.get());
  }
}
