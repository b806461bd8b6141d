package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.Labeled;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The text of each record the runtime logs: the event type and the listener, never the event. */
class FailureLogMessagesTest {

  private final RuntimeException boom = new IllegalStateException("boom");

  @Test
  void aHandlerThatThrowsIsLoggedAfterTheFailureItHandled() {
    RuntimeException handlerBug = new IllegalArgumentException("handler bug");
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failureHandler(
                    failure -> {
                      throw handlerBug;
                    }));
    hub.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));

    List<LogRecord> records = logged(() -> hub.pings.deliver(new Ping(1)));

    assertEquals(2, records.size());
    assertRecord(records.get(0), Level.WARNING, "A listener of ping failed: tracker", boom);
    assertRecord(
        records.get(1),
        Level.SEVERE,
        "The failure handler threw while handling a failed listener of ping: tracker",
        handlerBug);
  }

  @Test
  void aHandlerThatRethrowsTheFailureIsLoggedOnce() {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failureHandler(
                    failure -> {
                      throw (RuntimeException) failure.failure();
                    }));
    hub.pings.subscribe(
        Labeled.listener(
            "tracker",
            ping -> {
              throw boom;
            }));

    List<LogRecord> records = logged(() -> hub.pings.deliver(new Ping(1)));

    assertEquals(1, records.size());
    assertRecord(
        records.get(0),
        Level.SEVERE,
        "The failure handler rethrew the failure of a listener of ping: tracker",
        boom);
  }

  @Test
  void aThrowingUnhandledHookIsLoggedWithTheEventType() {
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .unhandledEvents(
                    (type, event) -> {
                      throw boom;
                    }));

    List<LogRecord> records = logged(() -> hub.pings.deliver(new Ping(1)));

    assertEquals(1, records.size());
    assertRecord(
        records.get(0), Level.SEVERE, "The unhandled-events hook threw on an event of ping", boom);
  }

  /**
   * An event that holds a visitor's e-mail address fails a listener of a hub with the default
   * handler: the report's {@code toString()} and the log name the type, the listener and the
   * exception, and neither holds the address.
   */
  @Test
  void neitherTheReportNorTheDefaultLogHoldsTheEventsContents() {
    String address = "visitor@example.com";
    List<ListenerFailure> reports = new ArrayList<>();
    TestHub hub =
        new TestHub(
            Delivery.builder()
                .failureHandler(
                    failure -> {
                      reports.add(failure);
                      FailureLog.rateLimited()
                          .handle(failure); // what the default handler does with it
                    }));
    hub.pongs.subscribe(
        Labeled.listener(
            "mailer",
            pong -> {
              throw boom;
            }));
    TestHub byDefault = new TestHub();
    byDefault.pongs.subscribe(
        Labeled.listener(
            "mailer",
            pong -> {
              throw boom;
            }));

    List<LogRecord> records =
        logged(
            () -> {
              hub.pongs.deliver(new Pong("Write to me at " + address));
              byDefault.pongs.deliver(new Pong("Write to me at " + address));
            });

    assertEquals(1, reports.size());
    String report = reports.get(0).toString();
    assertEquals(
        "ListenerFailure[type=pong, subscription=mailer,"
            + " failure=java.lang.IllegalStateException: boom]",
        report);
    assertEquals(2, records.size());
    SimpleFormatter formatter = new SimpleFormatter();
    for (LogRecord record : records) {
      assertRecord(record, Level.WARNING, "A listener of pong failed: mailer", boom);
      String written = formatter.format(record);
      assertTrue(written.contains("A listener of pong failed: mailer"), written);
      assertFalse(written.contains(address), written);
    }
  }

  private static List<LogRecord> logged(Runnable action) {
    try (CapturedLog log = new CapturedLog()) {
      action.run();
      return List.copyOf(log.records);
    }
  }

  private static void assertRecord(
      LogRecord record, Level level, String message, Throwable thrown) {
    assertEquals(level, record.getLevel());
    assertEquals(message, record.getMessage());
    assertSame(thrown, record.getThrown());
  }
}
