package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code -A} options that leave out the recorder, the tracking plan, or both. */
class OutputOptionsTest {

  private static final JavaFileObject PING = source("p.PingEvent", """
      package p;

      @dev.supportevents.annotations.SupportEvent
      public record PingEvent(String from) {}
      """);

  private static final String PLAN = "META-INF/support-events/p.schema.json";

  @Test
  void declaresItsOptions() {
    assertThat(new SupportEventProcessor().getSupportedOptions())
        .containsExactly("supportevents.recorder", "supportevents.trackingPlan");
  }

  @ParameterizedTest
  @CsvSource({
      "'', true, true",
      "-Asupportevents.recorder=true, true, true",
      "-Asupportevents.recorder=false, false, true",
      "-Asupportevents.trackingPlan=false, true, false",
      "-Asupportevents.recorder=false -Asupportevents.trackingPlan=FALSE, false, false"})
  void writesWhatTheOptionsAskFor(String options, boolean recorder, boolean plan) {
    Compilation compilation = compile(options);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("p.SupportEvents")).isPresent();
    assertThat(compilation.generatedSourceFile("p.SupportEventRecorder").isPresent())
        .isEqualTo(recorder);
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, PLAN).isPresent())
        .isEqualTo(plan);
  }

  @Test
  void rejectsAValueOtherThanTrueOrFalse() {
    Compilation compilation = compile("-Asupportevents.trackingPlan=no");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Message.INVALID_OPTION.format(Map.of(
        "option", "supportevents.trackingPlan",
        "value", "no",
        "output", "tracking plan of each package")));
  }

  private static Compilation compile(String options) {
    List<String> all = new ArrayList<>(TestCompiler.STRICT);
    for (String option : options.split(" ")) {
      if (!option.isEmpty()) {
        all.add(option);
      }
    }
    return Compiler.javac().withProcessors(new SupportEventProcessor()).withOptions(all)
        .compile(PING);
  }
}
