package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From JDK 21, a {@code switch} over a catalog's union needs no {@code default}: javac knows
 * every record it permits. Compiled at {@code --release 21}, so it runs on JDK 21 and later only
 * (the tag; see the processor's POM).
 */
@Tag("jdk21")
class UnionSwitchTest {

  private static final String DESCRIBE = """
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
    Compilation compilation = compile(
        "case ErrorEvent error -> \"error \" + error.context() + \" \" + error.error().getMessage();");
    assertThat(compilation).succeededWithoutWarnings();

    Path classes = Libraries.writeClasses(compilation, temp.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        UnionSwitchTest.class.getClassLoader())) {
      Object seen = loader.loadClass("com.acme.widget.Describe").getMethod("run").invoke(null);
      assertThat(seen).isEqualTo(List.of("CONVERSATION_START: start c-1",
          "MESSAGE_SENT: sent Hello", "ERROR: error send offline"));
    }
  }

  @Test
  void aSwitchThatLeavesOutARecordOfTheUnionDoesNotCompile() {
    Compilation compilation = compile("");
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("the switch expression does not cover all possible input values");
  }

  private static Compilation compile(String lastCase) {
    List<JavaFileObject> sources = new ArrayList<>(UnionSources.topLevel());
    sources.add(source("com.acme.widget.Describe", DESCRIBE.formatted(lastCase)));
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
