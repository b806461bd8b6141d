package dev.supportevents.runtime.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the runtime writes to the {@code dev.supportevents} platform logger, which maps to
 * java.util.logging when no other logging backend is installed. It leaves out the counts that the
 * default handlers' shared timer logs: they belong to the hubs of earlier tests.
 */
final class CapturedLog extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger("dev.supportevents");
  private final boolean usedParentHandlers = logger.getUseParentHandlers();
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  CapturedLog() {
    logger.addHandler(this);
    logger.setUseParentHandlers(false);
  }

  @Override
  public void publish(LogRecord record) {
    if (Thread.currentThread().getName().equals("support-events-failure-log")) {
      return;
    }
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(usedParentHandlers);
  }
}
