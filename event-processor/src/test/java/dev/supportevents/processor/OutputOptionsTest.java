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

/**
 * The {@code -A} options that leave out the recorder, the tracking plan, the TypeScript
 * declarations, or several of them.
 */
class OutputOptionsTest {

  private static final JavaFileObject PING =
      source(
          "p.PingEvent",
          """
      package p;

      @dev.supportevents.annotations.SupportEvent
      public record PingEvent(String from) {}
      """);

  private static final String PLAN = "META-INF/support-events/p.schema.json";

  private static final String DECLARATIONS = "META-INF/support-events/p.d.ts";

  @Test
  void declaresItsOptions() {
    assertThat(new SupportEventProcessor().getSupportedOptions())
        .containsExactly(
            "supportevents.recorder", "supportevents.trackingPlan", "supportevents.typeScript");
  }

  @ParameterizedTest
  @CsvSource({
    "'', true, true, true",
    "-Asupportevents.recorder=true, true, true, true",
    "-Asupportevents.recorder=false, false, true, true",
    "-Asupportevents.trackingPlan=false, true, false, true",
    "-Asupportevents.typeScript=false, true, true, false",
    "-Asupportevents.trackingPlan=false -Asupportevents.typeScript=False, true, false, false",
    "-Asupportevents.recorder=false -Asupportevents.trackingPlan=FALSE, false, false, true"
  })
  void writesWhatTheOptionsAskFor(
      String options, boolean recorder, boolean plan, boolean declarations) {
    Compilation compilation = compile(options);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("p.SupportEvents")).isPresent();
    assertThat(compilation.generatedSourceFile("p.SupportEventRecorder").isPresent())
        .isEqualTo(recorder);
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, PLAN).isPresent())
        .isEqualTo(plan);
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, DECLARATIONS).isPresent())
        .isEqualTo(declarations);
  }

  @Test
  void rejectsAValueOtherThanTrueOrFalse() {
    Compilation compilation = compile("-Asupportevents.trackingPlan=no");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_OPTION.format(
                Map.of(
                    "option", "supportevents.trackingPlan",
                    "value", "no",
                    "output", "tracking plan of each package")));
  }

  @Test
  void rejectsAValueOtherThanTrueOrFalseForTheTypeScriptDeclarations() {
    Compilation compilation = compile("-Asupportevents.typeScript=ts");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_OPTION.format(
                Map.of(
                    "option", "supportevents.typeScript",
                    "value", "ts",
                    "output", "TypeScript declarations of each package")));
  }

  private static Compilation compile(String options) {
    List<String> all = new ArrayList<>(TestCompiler.STRICT);
    for (String option : options.split(" ")) {
      if (!option.isEmpty()) {
        all.add(option);
      }
    }
    return Compiler.javac()
        .withProcessors(new SupportEventProcessor())
        .withOptions(all)
        .compile(PING);
  }
}
