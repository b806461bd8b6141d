package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.annotations.SupportEvent;
import dev.supportevents.runtime.Subscription;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events declared in a named module, with the annotations and the runtime as the named modules they
 * are, and the {@code module-info.java} docs/java-modules.md shows, read from that page itself: it
 * compiles with every lint warning an error. {@code @Generated} lives in {@code java.compiler}, so
 * the generated types carry it only when the module reads that module, and compile either way.
 */
class NamedModuleTest {

  private static final String EVENT =
      """
      package com.acme.support;

      @dev.supportevents.annotations.SupportEvent
      public record PingEvent(String conversationId) {}
      """;

  @TempDir Path directory;

  @Test
  void aModuleThatReadsJavaCompilerGetsGeneratedAnnotations() throws Exception {
    String hub = compileModule("requires static java.compiler;");

    assertTrue(
        hub.contains("@Generated(\"dev.supportevents.processor.SupportEventProcessor\")"), hub);
  }

  @Test
  void aModuleThatDoesNotReadJavaCompilerStillCompilesWithoutThem() throws Exception {
    String hub = compileModule("");

    assertFalse(hub.contains("@Generated"), hub);
    assertFalse(hub.contains("javax.annotation.processing"), hub);
    assertTrue(hub.contains("public final class SupportEvents"), hub);
  }

  /**
   * A module that does not read the runtime gets one error, on its declaration, saying what to add,
   * instead of errors in every generated file; and nothing is written.
   */
  @Test
  void aModuleThatDoesNotReadTheRuntimeGetsOneErrorOnItsDeclaration() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        compile(
            """
        module com.acme.support {
          requires static dev.supportevents.annotations;
          exports com.acme.support;
        }
        """,
            diagnostics);

    assertFalse(compiled);
    Diagnostic<? extends JavaFileObject> error = onlyError(diagnostics);
    assertEquals(
        Message.RUNTIME_NOT_READ.format(
            Map.of(
                "module", "com.acme.support",
                "package", "com.acme.support",
                "runtimeModule", "dev.supportevents.runtime",
                "runtimeArtifact", "dev.supportevents:event-runtime")),
        error.getMessage(Locale.ROOT));
    assertTrue(error.getSource().getName().endsWith("module-info.java"), error::toString);
    assertEquals(1, error.getLineNumber(), error::toString);
    assertFalse(Files.exists(directory.resolve("generated/com/acme/support/SupportEvents.java")));
  }

  /**
   * A module that requires the runtime without {@code transitive} and exports its events: the
   * generated API names the runtime's types, which javac's {@code exports} lint reports (15
   * warnings, errors under {@code -Werror}). The generated types suppress exactly that warning, so
   * the module compiles cleanly; its readers need {@code requires dev.supportevents.runtime}
   * themselves, as the docs say.
   */
  @Test
  void aModuleThatRequiresTheRuntimeWithoutTransitiveCompilesCleanly() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        compile(
            """
        module com.acme.support {
          requires static dev.supportevents.annotations;
          requires dev.supportevents.runtime;
          exports com.acme.support;
        }
        """,
            diagnostics);

    assertTrue(compiled, () -> diagnostics.getDiagnostics().toString());
    assertEquals(List.of(), diagnostics.getDiagnostics());
    String hub =
        Files.readString(directory.resolve("generated/com/acme/support/SupportEvents.java"));
    assertTrue(
        hub.contains("@SuppressWarnings(\"exports\")\npublic final class SupportEvents"), hub);
  }

  /** Where the package is not exported, nothing is reported, and nothing is suppressed. */
  @Test
  void aModuleThatKeepsItsEventsToItselfSuppressesNothing() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        compile(
            """
        module com.acme.support {
          requires static dev.supportevents.annotations;
          requires dev.supportevents.runtime;
        }
        """,
            diagnostics);

    assertTrue(compiled, () -> diagnostics.getDiagnostics().toString());
    String hub =
        Files.readString(directory.resolve("generated/com/acme/support/SupportEvents.java"));
    assertFalse(hub.contains("@SuppressWarnings"), hub);
  }

  /**
   * Compiles the module of docs/java-modules.md, with {@code extraRequires} added, holding one
   * event; returns the generated hub's source.
   */
  private String compileModule(String extraRequires) throws Exception {
    String documentedModule = documentedModuleInfo();
    int body = documentedModule.indexOf('{') + 1;
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        compile(
            documentedModule.substring(0, body)
                + "\n  "
                + extraRequires
                + documentedModule.substring(body),
            diagnostics);
    assertTrue(compiled, () -> diagnostics.getDiagnostics().toString());
    return Files.readString(directory.resolve("generated/com/acme/support/SupportEvents.java"));
  }

  /**
   * A module may permit a type of another of its packages, but a union's events belong to the
   * catalog of its own package: the record of the other package is an error on the union.
   */
  @Test
  void aUnionThatPermitsARecordOfAnotherPackageOfItsModuleIsAnError() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        compile(
            """
        module com.acme.support {
          requires static dev.supportevents.annotations;
          requires transitive dev.supportevents.runtime;
          exports com.acme.support;
          exports com.acme.support.more;
        }
        """,
            Map.of(
                "com/acme/support/WidgetEvent.java",
                    """
                package com.acme.support;

                @dev.supportevents.annotations.SupportEvent
                public sealed interface WidgetEvent
                    permits PingEvent, com.acme.support.more.PongEvent {}
                """,
                "com/acme/support/PingEvent.java",
                    """
                package com.acme.support;

                @dev.supportevents.annotations.SupportEvent
                public record PingEvent(String conversationId) implements WidgetEvent {}
                """,
                "com/acme/support/more/PongEvent.java",
                    """
                package com.acme.support.more;

                public record PongEvent(String conversationId)
                    implements com.acme.support.WidgetEvent {}
                """),
            diagnostics);

    assertFalse(compiled);
    Diagnostic<? extends JavaFileObject> error = onlyError(diagnostics);
    assertEquals(
        Message.UNION_MEMBER_IN_OTHER_PACKAGE.format(
            Map.of(
                "union", "com.acme.support.WidgetEvent",
                "member", "com.acme.support.more.PongEvent",
                "memberPackage", "com.acme.support.more",
                "package", "com.acme.support",
                "memberSimpleName", "PongEvent")),
        error.getMessage(Locale.ROOT));
    assertTrue(error.getSource().getName().endsWith("WidgetEvent.java"), error::toString);
    assertEquals(3, error.getLineNumber(), error::toString);
    assertFalse(Files.exists(directory.resolve("generated/com/acme/support/SupportEvents.java")));
  }

  /**
   * The events of a group of the union belong to the union's catalog too: a record of another
   * package that the group permits is an error on the group, which names the union.
   */
  @Test
  void aGroupThatPermitsARecordOfAnotherPackageOfItsModuleIsAnError() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        compile(
            """
        module com.acme.support {
          requires static dev.supportevents.annotations;
          requires transitive dev.supportevents.runtime;
          exports com.acme.support;
          exports com.acme.support.more;
        }
        """,
            Map.of(
                "com/acme/support/WidgetEvent.java",
                    """
                package com.acme.support;

                @dev.supportevents.annotations.SupportEvent
                public sealed interface WidgetEvent permits PingEvent, ConversationEvent {}
                """,
                "com/acme/support/ConversationEvent.java",
                    """
                package com.acme.support;

                public sealed interface ConversationEvent extends WidgetEvent
                    permits com.acme.support.more.PongEvent {}
                """,
                "com/acme/support/PingEvent.java",
                    """
                package com.acme.support;

                @dev.supportevents.annotations.SupportEvent
                public record PingEvent(String conversationId) implements WidgetEvent {}
                """,
                "com/acme/support/more/PongEvent.java",
                    """
                package com.acme.support.more;

                public record PongEvent(String conversationId)
                    implements com.acme.support.ConversationEvent {}
                """),
            diagnostics);

    assertFalse(compiled);
    Diagnostic<? extends JavaFileObject> error = onlyError(diagnostics);
    assertEquals(
        Message.GROUP_MEMBER_IN_OTHER_PACKAGE.format(
            Map.of(
                "group", "com.acme.support.ConversationEvent",
                "union", "com.acme.support.WidgetEvent",
                "member", "com.acme.support.more.PongEvent",
                "memberPackage", "com.acme.support.more",
                "package", "com.acme.support",
                "memberSimpleName", "PongEvent",
                "groupSimpleName", "ConversationEvent")),
        error.getMessage(Locale.ROOT));
    assertTrue(error.getSource().getName().endsWith("ConversationEvent.java"), error::toString);
    assertEquals(3, error.getLineNumber(), error::toString);
    assertFalse(Files.exists(directory.resolve("generated/com/acme/support/SupportEvents.java")));
  }

  /** The one error among {@code diagnostics}; fails if there are more or none. */
  private static Diagnostic<? extends JavaFileObject> onlyError(
      DiagnosticCollector<JavaFileObject> diagnostics) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.getDiagnostics().stream()
            .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
            .toList();
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }

  /** Compiles the module {@code moduleDeclaration} holding one event, strictly. */
  private boolean compile(String moduleDeclaration, DiagnosticCollector<JavaFileObject> diagnostics)
      throws Exception {
    return compile(
        moduleDeclaration, Map.of("com/acme/support/PingEvent.java", EVENT), diagnostics);
  }

  /**
   * Compiles the module {@code moduleDeclaration} holding {@code sourceFiles} by path, strictly.
   */
  private boolean compile(
      String moduleDeclaration,
      Map<String, String> sourceFiles,
      DiagnosticCollector<JavaFileObject> diagnostics)
      throws Exception {
    List<Path> sources = new ArrayList<>();
    for (Map.Entry<String, String> file : new TreeMap<>(sourceFiles).entrySet()) {
      Path path = directory.resolve("src").resolve(file.getKey());
      Files.createDirectories(path.getParent());
      sources.add(Files.writeString(path, file.getValue()));
    }
    Path moduleInfo =
        Files.writeString(directory.resolve("src/module-info.java"), moduleDeclaration);
    Path modulePath = Files.createDirectories(directory.resolve("modules"));
    jarOf(SupportEvent.class, modulePath.resolve("a.jar"));
    jarOf(Subscription.class, modulePath.resolve("r.jar"));
    jarOf(org.jspecify.annotations.Nullable.class, modulePath.resolve("j.jar"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path generated = Files.createDirectories(directory.resolve("generated"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              new StringWriter(),
              files,
              diagnostics,
              List.of(
                  "--module-path",
                  modulePath.resolve("a.jar")
                      + File.pathSeparator
                      + modulePath.resolve("r.jar")
                      + File.pathSeparator
                      + modulePath.resolve("j.jar"),
                  "-d",
                  classes.toString(),
                  "-s",
                  generated.toString(),
                  "-Xlint:all,-processing",
                  "-Werror"),
              null,
              files.getJavaFileObjectsFromPaths(
                  Stream.concat(Stream.of(moduleInfo), sources.stream()).toList()));
      task.setProcessors(List.of(new SupportEventProcessor()));
      return task.call();
    }
  }

  /** The {@code module com.acme.support} block of docs/java-modules.md, as a user would copy it. */
  private static String documentedModuleInfo() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "java-modules.md"));
    int start = page.indexOf("```java\nmodule com.acme.support {");
    assertTrue(start >= 0, "docs/java-modules.md shows no module com.acme.support");
    start += "```java\n".length();
    return page.substring(start, page.indexOf("```", start));
  }

  /** A jar of the classes next to {@code type}, their {@code module-info.class} included. */
  private static void jarOf(Class<?> type, Path jar) throws IOException, URISyntaxException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(location)) {
      Files.copy(location, jar);
      return;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out, manifest);
        Stream<Path> walk = Files.walk(location)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = location.relativize(file).toString().replace('\\', '/');
        if (name.startsWith("META-INF/")) {
          continue;
        }
        entries.putNextEntry(new JarEntry(name));
        Files.copy(file, entries);
        entries.closeEntry();
      }
    }
  }
}
