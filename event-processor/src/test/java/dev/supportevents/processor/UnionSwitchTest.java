package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From JDK 21, a {@code switch} over a catalog's union needs no {@code default}: javac knows every
 * record it permits. Compiled at {@code --release 21}, so it runs on JDK 21 and later only (the
 * tag; see the processor's POM).
 */
@Tag("jdk21")
class UnionSwitchTest {

  private static final String DESCRIBE =
      """
      package com.acme.widget;

      import java.util.ArrayList;
      import java.util.List;

      public final class Describe {
        private Describe() {}

        static String describe(WidgetEvent event) {
          return switch (event) {
            case ConversationStartEvent start -> "start " + start.conversationId();
            case MessageSentEvent sent -> "sent " + sent.text();
            %s
          };
        }

        public static List<String> run() {
          List<String> seen = new ArrayList<>();
          try (SupportEvents events = SupportEvents.create()) {
            events.subscribeAll((type, event) -> seen.add(type + ": " + describe(event)));
            events.emitConversationStart("c-1");
            events.emitMessageSent("c-1", "Hello");
            events.emitError(new IllegalStateException("offline"), "send");
          }
          return seen;
        }
      }
      """;

  @TempDir Path temp;

  @Test
  void anExhaustiveSwitchOverTheUnionCompilesWithoutDefaultAndRuns() throws Exception {
    Compilation compilation =
        compile(
            "case ErrorEvent error -> \"error \" + error.context() + \" \" + error.error().getMessage();");
    assertThat(compilation).succeededWithoutWarnings();

    Path classes = Libraries.writeClasses(compilation, temp.resolve("classes"));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, UnionSwitchTest.class.getClassLoader())) {
      Object seen = loader.loadClass("com.acme.widget.Describe").getMethod("run").invoke(null);
      assertThat(seen)
          .isEqualTo(
              List.of(
                  "CONVERSATION_START: start c-1",
                  "MESSAGE_SENT: sent Hello",
                  "ERROR: error send offline"));
    }
  }

  @Test
  void aSwitchThatLeavesOutARecordOfTheUnionDoesNotCompile() {
    Compilation compilation = compile("");
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("the switch expression does not cover all possible input values");
  }

  /**
   * The switch of docs/declaring-events.md over the example's {@code WidgetEvent}, compiled with
   * the example's own package, sources as they are, and run.
   */
  @Test
  void theDocumentedSwitchOverTheExamplesUnionCompilesAndRuns() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "declaring-events.md"));
    int start = page.indexOf("```java\nstatic String describe(WidgetEvent event) {");
    assertThat(start).isAtLeast(0);
    start += "```java\n".length();
    String describe = page.substring(start, page.indexOf("```", start));
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files =
        Files.list(
            Path.of("..", "example", "src", "main", "java", "dev", "supportevents", "example"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        sources.add(source("dev.supportevents.example." + name, Files.readString(file)));
      }
    }
    sources.add(
        source(
            "dev.supportevents.example.ReadmeSwitch",
            """
        package dev.supportevents.example;

        import java.io.IOException;
        import java.util.ArrayList;
        import java.util.List;

        public final class ReadmeSwitch {
          private ReadmeSwitch() {}

        %s
          public static List<String> run() {
            List<String> seen = new ArrayList<>();
            try (SupportEvents events = SupportEvents.create()) {
              events.subscribeAll((type, event) -> seen.add(describe(event)));
              events.emitWidgetOpened("v-1", "/help");
              events.emitConversationStart("c-1");
              events.emitError(new IOException("offline"), "message_send_failed");
              events.emitWidgetClosed("v-1", "c-1");
            }
            return seen;
          }
        }
        """
                .formatted(describe.indent(2))));

    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    Path classes = Libraries.writeClasses(compilation, temp.resolve("example"));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, UnionSwitchTest.class.getClassLoader())) {
      Object seen =
          loader.loadClass("dev.supportevents.example.ReadmeSwitch").getMethod("run").invoke(null);
      assertThat(seen)
          .isEqualTo(
              List.of(
                  "opened on /help",
                  "started c-1",
                  "failed: message_send_failed",
                  "closed by v-1"));
    }
  }

  private static Compilation compile(String lastCase) {
    List<JavaFileObject> sources = new ArrayList<>(UnionSources.topLevel());
    sources.add(source("com.acme.widget.Describe", DESCRIBE.formatted(lastCase)));
    return compile(sources);
  }

  /** Compiles {@code sources} with the processor at release 21, strictly. */
  private static Compilation compile(List<JavaFileObject> sources) {
    List<File> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    List<String> options = new ArrayList<>(List.of("--release", "21"));
    options.addAll(TestCompiler.STRICT);
    return Compiler.javac()
        .withProcessors(new SupportEventProcessor())
        .withOptions(options)
        .withClasspath(classPath)
        .compile(sources);
  }
}
