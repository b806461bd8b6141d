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
import org.junit.jupiter.api.Test;

/**
 * Diagnostics at the edges of one compilation: a bad option value, a nested declaration, a package
 * that waits with no event of its own, and a tracking plan the Filer refuses.
 */
class ProcessorEdgesTest {

  private static final String PLAN = "META-INF/support-events/p.schema.json";

  private static final JavaFileObject PING =
      source(
          "p.PingEvent",
          """
      package p;

      @dev.supportevents.annotations.SupportEvent
      public record PingEvent(String from) {}
      """);

  /** The error names the option; the build still writes what the option's default says. */
  @Test
  void aBadOptionValueIsAnErrorAndTheDefaultStillApplies() {
    List<String> options = new ArrayList<>(TestCompiler.STRICT);
    options.add("-Asupportevents.recorder=maybe");
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation =
        Compiler.javac().withProcessors(processor).withOptions(options).compile(PING);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_OPTION.format(
                Map.of(
                    "option", "supportevents.recorder",
                    "value", "maybe",
                    "output", "recorder SupportEventRecorder")));
    assertThat(processor.originsBySource()).containsKey("p.SupportEventRecorder");
  }

  @Test
  void aDeclarationOnANestedTypeIsFoundAndChecked() {
    JavaFileObject outer =
        source(
            "p.Outer",
            """
        package p;

        final class Outer {
          @dev.supportevents.annotations.SupportEventCatalog
          static final class Events {}
        }
        """);

    Compilation compilation = TestCompiler.compile(outer);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EMPTY_CATALOG.format(
                Map.of(
                    "declaration", "p.Outer.Events",
                    "package", "p")))
        .inFile(outer)
        .onLineContaining("@dev.supportevents.annotations.SupportEventCatalog");
  }

  @Test
  void aDeclarationWithoutEventsWaitingForACatalogThatNeverAppearsIsNamed() {
    JavaFileObject declaration =
        source(
            "p.package-info",
            """
        @SupportEventCatalog(extend = gone.SupportEventType.class)
        package p;

        import dev.supportevents.annotations.SupportEventCatalog;
        """);

    Compilation compilation = TestCompiler.compile(declaration);

    assertThat(compilation)
        .hadErrorContaining(
            Message.EXTENDED_NEVER_RESOLVED.format(
                Map.of(
                    "declaration", "p",
                    "catalogs", "a class that does not resolve",
                    "package", "p")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
  }

  /**
   * The Filer refuses a resource another processor created first; the error names the plan's path.
   */
  @Test
  void aTrackingPlanAnotherProcessorWroteFirstIsReported() {
    GeneratingProcessor planFirst = new GeneratingProcessor(Map.of(), Map.of(PLAN, "{}"));
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation = TestCompiler.compile(List.of(planFirst, processor), List.of(PING));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.CANNOT_WRITE.format(Map.of("file", PLAN, "cause", "")))
        .inFile(PING)
        .onLineContaining("record PingEvent");
    assertThat(processor.originsBySource()).containsKey("p.SupportEvents");
  }
}
