package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.EventType;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.ListenerFailureHandler;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The default failure handler: logs the first failure of a listener of an event type in full, then
 * counts that listener's failures of that type and logs one count per interval, so that a listener
 * that fails on every event, or a subscription that drops every event, writes one record in full
 * and then one count every {@link #INTERVAL_SECONDS} seconds, not one record per event. Each hub
 * also logs what its failure handler and its unhandled-events hook throw through one of these, so
 * that no storm of failures writes a record per event.
 *
 * <p>Per event type and listener, by the subscription's description (its label, or its class): a
 * failing listener does not hide the first failure of another, and a listener subscribed again and
 * again, failing each time, is counted as one. An interval starts with a failure logged in full.
 * When it ends, the failures counted in it are logged as one record, and the next interval counts
 * too; an interval that counted nothing ends the run, and the next failure is logged in full again.
 * A count is written by a timer when its interval ends, or by the next failure if that comes first,
 * so no count waits for another failure.
 *
 * <p>Records name the event type, the subscription and the exception, never the event.
 */
final class RateLimitedFailureLog implements ListenerFailureHandler {

  /** How long failures are counted before their count is logged. */
  static final long INTERVAL_SECONDS = 10;

  private static final System.Logger LOGGER = System.getLogger("dev.supportevents");

  private final long interval;
  private final LongSupplier clock;
  private final Timer timer;

  /** The listeners whose failures are counted, with their interval. Guarded by {@code this}. */
  private final Map<Key, Window> windows = new HashMap<>();

  /** Whether a flush is due on the timer. Guarded by {@code this}. */
  private boolean flushScheduled;

  /** A handler on {@link System#nanoTime()} whose counts a shared daemon thread logs. */
  RateLimitedFailureLog() {
    this(TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS), System::nanoTime, SharedTimer::schedule);
  }

  /**
   * A handler with its own clock and timer, for tests.
   *
   * @param interval the interval in nanoseconds of {@code clock}
   * @param clock the time in nanoseconds, as {@link System#nanoTime()} gives it
   * @param timer runs a flush after a delay in nanoseconds of {@code clock}
   */
  RateLimitedFailureLog(long interval, LongSupplier clock, Timer timer) {
    this.interval = interval;
    this.clock = clock;
    this.timer = timer;
  }

  @Override
  public void handle(ListenerFailure failure) {
    count(
        new Key(Kind.LISTENER, failure.type(), failure.subscription().description()),
        failure.failure(),
        () -> FailureLog.listenerFailed(failure));
  }

  /**
   * Logs what the failure handler threw while it handled {@code failure}: in full the first time
   * for the listener, then counted.
   */
  void handlerFailed(ListenerFailure failure, Throwable handlerFailure) {
    count(
        new Key(Kind.HANDLER, failure.type(), failure.subscription().description()),
        handlerFailure,
        () -> FailureLog.handlerFailed(failure, handlerFailure));
  }

  /**
   * Logs what the unhandled-events hook threw on an event of {@code type}: in full, then counted.
   */
  void unhandledHookFailed(EventType type, Throwable failure) {
    count(
        new Key(Kind.UNHANDLED_HOOK, type, ""),
        failure,
        () -> FailureLog.unhandledHookFailed(type, failure));
  }

  /** Logs {@code inFull} if it starts an interval of {@code key}, else counts {@code failure}. */
  private void count(Key key, Throwable failure, Runnable inFull) {
    Count ended = null;
    boolean logInFull;
    synchronized (this) {
      long now = clock.getAsLong();
      Window window = windows.get(key);
      if (window != null && now - window.start >= interval) {
        ended = end(key, window, now); // the timer is late: this failure ends the interval
        window = windows.get(key);
      }
      if (window == null) {
        windows.put(key, new Window(now));
        scheduleFlush(interval);
        logInFull = true;
      } else {
        window.count++;
        window.last = failure.getClass();
        logInFull = false;
      }
    }
    if (ended != null) {
      ended.log();
    }
    if (logInFull) {
      inFull.run();
    }
  }

  /** Logs the count of every interval that has ended, and schedules the next flush if need be. */
  void flush() {
    List<Count> counts = new ArrayList<>();
    synchronized (this) {
      flushScheduled = false;
      long now = clock.getAsLong();
      long nextEnd = Long.MAX_VALUE;
      for (Iterator<Map.Entry<Key, Window>> i = windows.entrySet().iterator(); i.hasNext(); ) {
        Map.Entry<Key, Window> entry = i.next();
        Window window = entry.getValue();
        long age = now - window.start;
        if (age < interval) {
          nextEnd = Math.min(nextEnd, interval - age);
          continue;
        }
        if (window.count == 0) {
          i.remove();
          continue;
        }
        counts.add(new Count(entry.getKey(), window.count, window.last, interval));
        window.restart(now);
        nextEnd = Math.min(nextEnd, interval);
      }
      if (nextEnd != Long.MAX_VALUE) {
        scheduleFlush(nextEnd);
      }
    }
    for (Count count : counts) {
      count.log();
    }
  }

  /**
   * The listeners whose failures are counted now, for tests: a listener is forgotten once an
   * interval passes without its failing.
   */
  synchronized int counted() {
    return windows.size();
  }

  /**
   * Ends the interval of {@code key}: returns its count to log, if any, and keeps counting in a new
   * interval from {@code now}; else forgets the key.
   */
  private Count end(Key key, Window window, long now) {
    if (window.count == 0) {
      windows.remove(key);
      return null;
    }
    Count count = new Count(key, window.count, window.last, interval);
    window.restart(now);
    return count;
  }

  private void scheduleFlush(long delay) {
    if (!flushScheduled) {
      flushScheduled = true;
      timer.schedule(this::flush, delay);
    }
  }

  /** Runs a task after a delay; the default is a daemon thread shared by every hub. */
  @FunctionalInterface
  interface Timer {

    /**
     * Runs {@code task} once, after {@code delay} nanoseconds.
     *
     * @param task the flush
     * @param delay in nanoseconds
     */
    void schedule(Runnable task, long delay);
  }

  /**
   * One daemon thread for the counts of every hub, started when a count is first due and ended when
   * it has been idle for an interval.
   */
  private static final class SharedTimer {

    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "support-events-failure-log");
                thread.setDaemon(true);
                return thread;
              });
      executor.setKeepAliveTime(INTERVAL_SECONDS, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }

    static void schedule(Runnable task, long delay) {
      EXECUTOR.schedule(task, delay, TimeUnit.NANOSECONDS);
    }
  }

  /** What failed: a listener, the failure handler, or the unhandled-events hook. */
  private enum Kind {
    LISTENER,
    HANDLER,
    UNHANDLED_HOOK
  }

  /**
   * What is counted: a kind of failure, the event type, and the failed listener's description, or
   * nothing for the hook.
   */
  private record Key(Kind kind, EventType type, String description) {}

  /** The interval of one key: when it started, and what it counted since. */
  private static final class Window {
    long start;
    long count;
    Class<?> last = Throwable.class;

    Window(long start) {
      this.start = start;
    }

    void restart(long now) {
      start = now;
      count = 0;
    }
  }

  /** The failures of one key that were counted in an interval, not logged. */
  private record Count(Key key, long count, Class<?> last, long interval) {

    void log() {
      LOGGER.log(key.kind() == Kind.LISTENER ? Level.WARNING : Level.ERROR, this::message);
    }

    private String message() {
      String type = key.type().wireName();
      String times =
          count + (count == 1 ? " more time" : " more times") + " in the last " + seconds(interval);
      String lastFailure = " (the last failure: " + last.getName() + ")";
      return switch (key.kind()) {
        case LISTENER ->
            "A listener of " + type + " failed " + times + ": " + key.description() + lastFailure;
        case HANDLER ->
            "The failure handler threw "
                + times
                + " while handling a failed listener of "
                + type
                + ": "
                + key.description()
                + lastFailure;
        case UNHANDLED_HOOK ->
            "The unhandled-events hook threw " + times + " on events of " + type + lastFailure;
      };
    }
  }

  private static String seconds(long nanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
