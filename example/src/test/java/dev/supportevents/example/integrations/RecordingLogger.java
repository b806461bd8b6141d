package dev.supportevents.example.integrations;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps what is logged to it, every level enabled. */
final class RecordingLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  /**
   * One logged line.
   *
   * @param level its level
   * @param message the message with its arguments put in
   * @param throwable what was logged with it, or {@code null}
   */
  record Line(Level level, String message, Throwable throwable) {

    @Override
    public String toString() {
      return level + " " + message + (throwable == null ? "" : " [" + throwable + "]");
    }
  }

  private final transient List<Line> lines = new CopyOnWriteArrayList<>();

  RecordingLogger(String name) {
    this.name = name;
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable));
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
