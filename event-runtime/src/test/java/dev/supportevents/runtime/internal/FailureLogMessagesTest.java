package dev.supportevents.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.supportevents.runtime.Labeled;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The text of each record the runtime logs: the event type and the listener, never the event. */
class FailureLogMessagesTest {

  private final RuntimeException boom = new IllegalStateException("boom");

  @Test
  void aHandlerThatThrowsIsLoggedAfterTheFailureItHandled() {
    RuntimeException handlerBug = new IllegalArgumentException("handler bug");
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failure -> {
      throw handlerBug;
    }));
    hub.pings.subscribe(Labeled.listener("tracker", ping -> {
      throw boom;
    }));

    List<LogRecord> records = logged(() -> hub.pings.deliver(new Ping(1)));

    assertEquals(2, records.size());
    assertRecord(records.get(0), Level.WARNING, "A listener of ping failed: tracker", boom);
    assertRecord(records.get(1), Level.SEVERE,
        "The failure handler threw while handling a failed listener of ping: tracker",
        handlerBug);
  }

  @Test
  void aHandlerThatRethrowsTheFailureIsLoggedOnce() {
    TestHub hub = new TestHub(Delivery.builder().failureHandler(failure -> {
      throw (RuntimeException) failure.failure();
    }));
    hub.pings.subscribe(Labeled.listener("tracker", ping -> {
      throw boom;
    }));

    List<LogRecord> records = logged(() -> hub.pings.deliver(new Ping(1)));

    assertEquals(1, records.size());
    assertRecord(records.get(0), Level.SEVERE,
        "The failure handler rethrew the failure of a listener of ping: tracker", boom);
  }

  @Test
  void aThrowingUnhandledHookIsLoggedWithTheEventType() {
    TestHub hub = new TestHub(Delivery.builder().unhandledEvents((type, event) -> {
      throw boom;
    }));

    List<LogRecord> records = logged(() -> hub.pings.deliver(new Ping(1)));

    assertEquals(1, records.size());
    assertRecord(records.get(0), Level.SEVERE,
        "The unhandled-events hook threw on an event of ping", boom);
  }

  private static List<LogRecord> logged(Runnable action) {
    try (CapturedLog log = new CapturedLog()) {
      action.run();
      return List.copyOf(log.records);
    }
  }

  private static void assertRecord(LogRecord record, Level level, String message, Throwable thrown) {
    assertEquals(level, record.getLevel());
    assertEquals(message, record.getMessage());
    assertSame(thrown, record.getThrown());
  }
}
