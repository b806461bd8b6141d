package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stack trace in a processor-bug error: each exception cut to its first frames. */
class CrashReportTest {

  @Test
  void cutsEachTraceToItsFirstFramesAndCountsTheRest() {
    IllegalStateException cause = failure(new IllegalStateException("cause"), CrashReport.FRAMES);
    RuntimeException crash = failure(new RuntimeException("crash", cause), CrashReport.FRAMES + 3);

    StringBuilder expected = new StringBuilder("java.lang.RuntimeException: crash");
    frames(expected, CrashReport.FRAMES);
    expected.append("\n\t... 3 more");
    expected.append("\nCaused by: java.lang.IllegalStateException: cause");
    frames(expected, CrashReport.FRAMES);
    assertEquals(expected.toString(), CrashReport.of(crash));
  }

  @Test
  void endsAtACauseThatLoopsBack() {
    RuntimeException first = failure(new RuntimeException("first"), 1);
    RuntimeException second = failure(new RuntimeException("second", first), 1);
    first.initCause(second);

    assertEquals(
        "java.lang.RuntimeException: second\n\tat p.Frame.step(Frame.java:1)"
            + "\nCaused by: java.lang.RuntimeException: first\n\tat p.Frame.step(Frame.java:1)",
        CrashReport.of(second));
  }

  private static <T extends Throwable> T failure(T failure, int frames) {
    StackTraceElement[] trace = new StackTraceElement[frames];
    for (int i = 0; i < frames; i++) {
      trace[i] = new StackTraceElement("p.Frame", "step", "Frame.java", i + 1);
    }
    failure.setStackTrace(trace);
    return failure;
  }

  private static void frames(StringBuilder text, int count) {
    for (int i = 0; i < count; i++) {
      text.append("\n\tat p.Frame.step(Frame.java:").append(i + 1).append(')');
    }
  }
}
