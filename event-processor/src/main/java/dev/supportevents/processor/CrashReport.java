package dev.supportevents.processor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The part of a crash of the processor that a bug report needs: each exception of the cause chain
 * with its type and message, and its first stack frames.
 */
final class CrashReport {

  /** Frames kept of each exception: enough to find the failing code, short enough to read. */
  static final int FRAMES = 8;

  private CrashReport() {}

  /** {@code crash} and its causes, as a stack trace shows them, each cut to {@link #FRAMES}. */
  static String of(Throwable crash) {
    StringBuilder text = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable failure = crash;
        failure != null && seen.add(failure);
        failure = failure.getCause()) {
      text.append(failure == crash ? "" : "\nCaused by: ").append(failure);
      StackTraceElement[] trace = failure.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
        text.append("\n\tat ").append(trace[i]);
      }
      if (trace.length > FRAMES) {
        text.append("\n\t... ").append(trace.length - FRAMES).append(" more");
      }
    }
    return text.toString();
  }
}
