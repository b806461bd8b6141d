package dev.supportevents.example.web;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.integrations.kafka.WireMessages;
import dev.supportevents.runtime.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * One client of {@code GET /events}: its own subscription to every event of the hub, a bounded
 * queue, and the loop that writes the queue to the client as Server-Sent Events.
 *
 * <p>The listener runs on the emitting thread and never waits there: it adds the event to the
 * queue, or, when the queue is full because the client stopped reading, ends this stream and its
 * subscription, so that a stalled client holds neither the hub nor the other clients. The client's
 * own thread turns the events into JSON and writes them, in the order the hub delivered them.
 *
 * <p>Threads: {@link #accept} on emitting threads, {@link #writeTo} on the client's thread, {@link
 * #end} on any; the queue and {@code ending} are guarded by {@code lock}.
 */
final class EventStream {

  private static final System.Logger LOG = System.getLogger(EventStream.class.getName());

  private static final byte[] OPENED =
      ": stream of support events\n\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END_OF_MESSAGE = "\n\n".getBytes(StandardCharsets.UTF_8);

  /** Why a stream ends. */
  enum Ending {
    /** The client's queue was full: it stopped reading, or reads slower than events arrive. */
    FELL_BEHIND,
    /** The server is closing: what is queued is written first. */
    SERVER_CLOSING,
    /** A write failed: the client went away. */
    DISCONNECTED
  }

  private final String client;
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<WidgetEvent> queue = new ArrayDeque<>();
  private @Nullable Ending ending;
  private @Nullable Subscription subscription;

  /**
   * A stream that holds at most {@code capacity} events the client has not been sent yet.
   *
   * @param client names the client in logs, such as its address
   */
  EventStream(String client, int capacity) {
    this.client = client;
    this.capacity = capacity;
  }

  /** Names the client in logs and failure reports. */
  String client() {
    return client;
  }

  /** Sets the subscription that feeds this stream, which {@link #end} closes. */
  void feedBy(Subscription subscription) {
    boolean ended;
    lock.lock();
    try {
      this.subscription = subscription;
      ended = ending != null;
    } finally {
      lock.unlock();
    }
    if (ended) {
      subscription.close();
    }
  }

  /** The listener of the stream's subscription: queues the event, never waits. */
  void accept(SupportEventType type, WidgetEvent event) {
    lock.lock();
    try {
      if (ending != null) {
        return;
      }
      if (queue.size() < capacity) {
        queue.add(event);
        changed.signal();
        return;
      }
    } finally {
      lock.unlock();
    }
    LOG.log(
        Level.WARNING,
        () ->
            "Support events stream to "
                + client
                + " ended: "
                + capacity
                + " events were waiting for a client that stopped reading or reads too slowly;"
                + " "
                + type.wireName()
                + " and later events are not sent to it");
    end(Ending.FELL_BEHIND);
  }

  /**
   * Ends the stream and its subscription. The first reason counts; on {@link Ending#SERVER_CLOSING}
   * the events queued are still written, on the others they are dropped.
   */
  void end(Ending why) {
    Subscription feeding;
    lock.lock();
    try {
      if (ending == null) {
        ending = why;
        if (why != Ending.SERVER_CLOSING) {
          queue.clear();
        }
        changed.signal();
      }
      feeding = subscription;
    } finally {
      lock.unlock();
    }
    if (feeding != null) {
      feeding.close();
    }
  }

  /**
   * Writes the stream to the client until it ends: one {@code data:} message per event, and a
   * comment after every {@code keepAlive} without one, which keeps proxies from closing an idle
   * stream and tells a gone client from a quiet one.
   *
   * @param body the response's body, whose headers are sent
   * @return why the stream ended
   * @throws InterruptedException if the client's thread is interrupted while it waits
   */
  Ending writeTo(OutputStream body, Duration keepAlive) throws InterruptedException {
    try {
      body.write(OPENED);
      body.flush();
      for (List<WidgetEvent> events = next(keepAlive); events != null; events = next(keepAlive)) {
        if (events.isEmpty()) {
          body.write(KEEP_ALIVE);
        }
        for (WidgetEvent event : events) {
          write(event, body);
        }
        body.flush();
      }
    } catch (IOException gone) {
      end(Ending.DISCONNECTED);
    }
    lock.lock();
    try {
      return ending == null ? Ending.DISCONNECTED : ending;
    } finally {
      lock.unlock();
    }
  }

  private void write(WidgetEvent event, OutputStream body) throws IOException {
    byte[] json;
    try {
      json = WireMessages.write(event);
    } catch (JacksonException e) {
      LOG.log(
          Level.ERROR,
          "Cannot write a support event "
              + SupportEventType.of(event).wireName()
              + " as JSON for "
              + client
              + "; the stream goes on without it",
          e);
      return;
    }
    // Compact JSON is one line, so one data field carries it.
    body.write(DATA);
    body.write(json);
    body.write(END_OF_MESSAGE);
  }

  /**
   * The events queued, in order, once there are any; an empty list after {@code keepAlive} without
   * one; {@code null} once the stream has ended and nothing is left to write.
   */
  private @Nullable List<WidgetEvent> next(Duration keepAlive) throws InterruptedException {
    lock.lock();
    try {
      long nanos = keepAlive.toNanos();
      while (queue.isEmpty() && ending == null && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      if (!queue.isEmpty()) {
        List<WidgetEvent> events = List.copyOf(queue);
        queue.clear();
        return events;
      }
      return ending == null ? List.of() : null;
    } finally {
      lock.unlock();
    }
  }
}
