package dev.supportevents.processor;

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
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events declared in a named module, with the annotations and the runtime as the named modules
 * they are, and the {@code module-info.java} the README shows, read from the README itself: it
 * compiles with every lint warning an error.
 * {@code @Generated} lives in {@code java.compiler}, so the generated types carry it only when
 * the module reads that module, and compile either way.
 */
class NamedModuleTest {

  private static final String EVENT = """
      package com.acme.support;

      @dev.supportevents.annotations.SupportEvent
      public record PingEvent(String conversationId) {}
      """;

  @TempDir Path directory;

  @Test
  void aModuleThatReadsJavaCompilerGetsGeneratedAnnotations() throws Exception {
    String hub = compileModule("requires static java.compiler;");

    assertTrue(hub.contains("@Generated(\"dev.supportevents.processor.SupportEventProcessor\")"),
        hub);
  }

  @Test
  void aModuleThatDoesNotReadJavaCompilerStillCompilesWithoutThem() throws Exception {
    String hub = compileModule("");

    assertFalse(hub.contains("@Generated"), hub);
    assertFalse(hub.contains("javax.annotation.processing"), hub);
    assertTrue(hub.contains("public final class SupportEvents"), hub);
  }

  /** Compiles a module holding one event; returns the generated hub's source. */
  private String compileModule(String extraRequires) throws Exception {
    Path sources = Files.createDirectories(directory.resolve("src/com/acme/support"));
    Files.writeString(sources.resolve("PingEvent.java"), EVENT);
    String readmeModule = readmeModuleInfo();
    int body = readmeModule.indexOf('{') + 1;
    Path moduleInfo = Files.writeString(directory.resolve("src/module-info.java"),
        readmeModule.substring(0, body) + "\n  " + extraRequires + readmeModule.substring(body));
    Path modulePath = Files.createDirectories(directory.resolve("modules"));
    jarOf(SupportEvent.class, modulePath.resolve("a.jar"));
    jarOf(Subscription.class, modulePath.resolve("r.jar"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path generated = Files.createDirectories(directory.resolve("generated"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null,
          List.of("--module-path",
              modulePath.resolve("a.jar") + File.pathSeparator + modulePath.resolve("r.jar"),
              "-d", classes.toString(), "-s", generated.toString(),
              "-Xlint:all,-processing", "-Werror"),
          null,
          files.getJavaFileObjects(moduleInfo, sources.resolve("PingEvent.java")));
      task.setProcessors(List.of(new SupportEventProcessor()));
      assertTrue(task.call(), diagnostics::toString);
    }
    return Files.readString(generated.resolve("com/acme/support/SupportEvents.java"));
  }

  /** The README's {@code module com.acme.support} block, as a user would copy it. */
  private static String readmeModuleInfo() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```java\nmodule com.acme.support {");
    assertTrue(start >= 0, "README.md shows no module com.acme.support");
    start += "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  /** A jar of the classes next to {@code type}, their {@code module-info.class} included. */
  private static void jarOf(Class<?> type, Path jar)
      throws IOException, URISyntaxException {
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
