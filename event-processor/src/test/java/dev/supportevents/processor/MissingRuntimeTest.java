package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.supportevents.runtime.Subscription;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A compilation without {@code event-runtime}: one error saying which dependency to add, not an
 * error in every generated file.
 */
class MissingRuntimeTest {

  @Test
  void reportsAMissingRuntimeOnceOnTheFirstEvent() throws URISyntaxException {
    JavaFileObject chat =
        source(
            "com.acme.chat.PingEvent",
            """
        package com.acme.chat;

        @dev.supportevents.annotations.SupportEvent
        public record PingEvent(String from) {}
        """);
    JavaFileObject billing =
        source(
            "com.acme.billing.InvoicePaidEvent",
            """
        package com.acme.billing;

        @dev.supportevents.annotations.SupportEvent
        public record InvoicePaidEvent(long invoiceId) {}
        """);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());

    Compilation compilation =
        Compiler.javac()
            .withProcessors(processor)
            .withOptions(TestCompiler.STRICT)
            .withClasspath(classPathWithoutRuntime())
            .compile(chat, billing);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.RUNTIME_MISSING.format(
                Map.of(
                    "package", "com.acme.billing",
                    "runtimeModule", "dev.supportevents.runtime",
                    "runtimeArtifact", "dev.supportevents:event-runtime")))
        .inFile(billing)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(processor.originsBySource()).isEmpty();
    assertThat(processor.originsByResource()).isEmpty();
  }

  /** The test class path, without the classes or jar that hold the runtime. */
  private static List<File> classPathWithoutRuntime() throws URISyntaxException {
    File runtime =
        new File(Subscription.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<File> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!new File(entry).getAbsoluteFile().equals(runtime.getAbsoluteFile())) {
        classPath.add(new File(entry));
      }
    }
    assertThat(classPath)
        .hasSize(System.getProperty("java.class.path").split(File.pathSeparator).length - 1);
    return classPath;
  }
}
