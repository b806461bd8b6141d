package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What build tools and javac rely on: versions, claims, metadata, originating elements, crashes.
 */
class ProcessorContractTest {

  @Test
  void supportsTheLatestSourceVersionAndOnlyItsAnnotations() {
    SupportEventProcessor processor = new SupportEventProcessor();
    assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    assertThat(processor.getSupportedAnnotationTypes())
        .containsExactly(
            "dev.supportevents.annotations.SupportEvent",
            "dev.supportevents.annotations.SupportEventCatalog");
  }

  @Test
  void neverClaimsTheAnnotation() {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation = TestCompiler.compile(List.of(processor), ExampleSources.all());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(processor.processResults()).isNotEmpty();
    assertThat(processor.processResults()).doesNotContain(true);
  }

  /** Gradle reads this to compile incrementally; one catalog gathers a package: aggregating. */
  @Test
  void declaresItselfToGradleAsAggregatingAndToJavacAsAService()
      throws IOException, URISyntaxException {
    Path classes =
        Path.of(
            SupportEventProcessor.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    assertThat(
            Files.readString(
                classes.resolve("META-INF/gradle/incremental.annotation.processors"),
                StandardCharsets.UTF_8))
        .isEqualTo("dev.supportevents.processor.SupportEventProcessor,aggregating\n");
    assertThat(
            Files.readAllLines(
                classes.resolve("META-INF/services/javax.annotation.processing.Processor"),
                StandardCharsets.UTF_8))
        .containsExactly("dev.supportevents.processor.SupportEventProcessor");
  }

  /** Each catalog file names the records of its own package, and only those, to the Filer. */
  @Test
  void givesTheFilerEachCatalogsRecordsAsOriginatingElements() {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    List<JavaFileObject> sources = new ArrayList<>(ExampleSources.all());
    sources.add(
        source(
            "com.acme.billing.InvoicePaidEvent",
            """
        package com.acme.billing;

        @dev.supportevents.annotations.SupportEvent
        public record InvoicePaidEvent(long invoiceId) {}
        """));
    Compilation compilation = TestCompiler.compile(List.of(processor), sources);
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, List<String>> origins = processor.originsBySource();
    assertThat(origins).hasSize(10);
    for (String type : TestCompiler.GENERATED_TYPES) {
      assertThat(origins.get(ExampleSources.PACKAGE + "." + type))
          .containsExactly(
              "dev.supportevents.example.ConversationEndEvent",
              "dev.supportevents.example.ConversationStartEvent",
              "dev.supportevents.example.ErrorEvent",
              "dev.supportevents.example.MessageReceivedEvent",
              "dev.supportevents.example.MessageSentEvent");
      assertThat(origins.get("com.acme.billing." + type))
          .containsExactly("com.acme.billing.InvoicePaidEvent");
    }
    for (String resource : List.of("schema.json", "d.ts")) {
      assertThat(
              processor
                  .originsByResource()
                  .get("META-INF/support-events/com.acme.billing." + resource))
          .containsExactly("com.acme.billing.InvoicePaidEvent");
    }
    assertThat(processor.originsByResource()).hasSize(4);
  }

  @Test
  void writesTheSameTextForTheSameSourcesInAnyOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(ExampleSources.all());
    Collections.reverse(reversed);
    Compilation inOrder =
        TestCompiler.compile(List.of(new SupportEventProcessor()), ExampleSources.all());
    Compilation inReverse = TestCompiler.compile(List.of(new SupportEventProcessor()), reversed);
    Map<String, String> first = TestCompiler.generatedSources(inOrder);
    assertThat(first).hasSize(5);
    assertThat(TestCompiler.generatedSources(inReverse)).isEqualTo(first);
    assertThat(TrackingPlans.of(inReverse, ExampleSources.PACKAGE))
        .isEqualTo(TrackingPlans.of(inOrder, ExampleSources.PACKAGE));
  }

  /** A failure inside the processor is one error on the element: a bug report, not a trace. */
  @Test
  void reportsAFailureOfTheProcessorAsOneErrorOnTheEvent() {
    JavaFileObject ping =
        source(
            "p.PingEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent public record PingEvent() {}
        """);
    RecordingProcessor processor =
        new RecordingProcessor(
            new SupportEventProcessor(
                catalog -> {
                  throw new IllegalStateException("injected failure");
                }));
    Compilation compilation = TestCompiler.compile(List.of(processor), List.of(ping));
    // The build fills these in from the POM: the project's version and its issue tracker.
    ProcessorBuild build = ProcessorBuild.current();
    assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(build.issues()).matches("https://\\S+/issues");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.PROCESSOR_BUG.format(
                Map.of(
                    "element", "p.PingEvent",
                    "issues", build.issues(),
                    "version", build.version(),
                    "jdk", Runtime.version(),
                    "crash", "")))
        .inFile(ping)
        .onLineContaining("record PingEvent");
    String message = compilation.errors().get(0).getMessage(null);
    // javac indents the lines after the first.
    assertThat(message)
        .containsMatch(
            "java.lang.IllegalStateException: injected failure\n\\s*at "
                + "dev\\.supportevents\\.processor\\.ProcessorContractTest");
    assertThat(processor.originsBySource()).isEmpty();
  }

  /** The report keeps each cause, with its type, message and first frames, as a bug needs. */
  @Test
  void reportsTheCauseChainOfAFailureCutToItsFirstFrames() {
    JavaFileObject ping =
        source(
            "p.PingEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent public record PingEvent() {}
        """);
    SupportEventProcessor failing =
        new SupportEventProcessor(
            catalog -> {
              throw new IllegalStateException(
                  "cannot write the hub",
                  new IllegalArgumentException("no such event", new ArithmeticException("deep")));
            });
    Compilation compilation = TestCompiler.compile(List.of(failing), List.of(ping));
    assertThat(compilation).hadErrorCount(1);
    String message = compilation.errors().get(0).getMessage(null);
    assertThat(message).containsMatch("IllegalStateException: cannot write the hub\n\\s*at ");
    assertThat(message)
        .containsMatch(
            "\n\\s*Caused by: java.lang.IllegalArgumentException: no such event\n\\s*at ");
    assertThat(message)
        .containsMatch("\n\\s*Caused by: java.lang.ArithmeticException: deep\n\\s*at ");
    assertThat(message).containsMatch("\n\\s*\\.\\.\\. [0-9]+ more");
    String firstTrace =
        message.substring(message.indexOf("cannot write the hub"), message.indexOf("Caused by"));
    assertThat(firstTrace.split("\n\\s*at ", -1)).hasLength(CrashReport.FRAMES + 1);
  }
}
