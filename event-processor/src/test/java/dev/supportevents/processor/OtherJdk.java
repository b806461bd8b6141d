package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * javac of the other installed JDK, run as a process with the processor, to compare what it
 * generates with what this JDK's javac generates: JDK 25 when the tests run on 17, JDK 17 when they
 * run on 25. The system property {@code other.jdk.home} names another.
 */
final class OtherJdk {

  private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private OtherJdk() {}

  /** The other JDK's home; fails the test if it is not installed. */
  static Path home() {
    String configured = System.getProperty("other.jdk.home", "");
    Path home =
        !configured.isEmpty()
            ? Path.of(configured)
            : Runtime.version().feature() >= 22 ? JDK_17 : JDK_25;
    assertWithMessage("javac of the other JDK (set -Dother.jdk.home to another)")
        .that(Files.isExecutable(home.resolve("bin/javac")))
        .isTrue();
    return home;
  }

  /** Its version, as {@code javac -version} says it. */
  static String version() {
    return run(List.of(home().resolve("bin/javac").toString(), "-version"), Path.of("."));
  }

  /**
   * Compiles {@code sources} in {@code directory} with the other JDK's javac and the processor,
   * against {@code classPath} and the test class path, as strictly as {@link TestCompiler}, for
   * Java 17, so that either JDK reads the other's class files.
   *
   * @return the directory of its class files and resources, {@code directory/classes}
   */
  static Path compile(Path directory, List<Path> classPath, List<JavaFileObject> sources) {
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  home().resolve("bin/javac").toString(),
                  "-processorpath",
                  System.getProperty("java.class.path"),
                  "-processor",
                  SupportEventProcessor.class.getName(),
                  "--release",
                  "17",
                  "-cp",
                  classPath(classPath),
                  "-d",
                  Files.createDirectories(directory.resolve("classes")).toString(),
                  "-s",
                  Files.createDirectories(directory.resolve("generated")).toString()));
      command.addAll(TestCompiler.STRICT);
      for (JavaFileObject source : sources) {
        String name = source.getName().replaceFirst("^/", "");
        Path file = directory.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getCharContent(true), StandardCharsets.UTF_8);
        command.add(file.toString());
      }
      run(command, directory);
      return directory.resolve("classes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The generated sources and tracking plans of a compilation in {@code directory}, by their path
   * relative to the source or class output, as {@link BuildOrderTest#outputs} gives them.
   */
  static Map<String, String> outputs(Path directory) {
    Map<String, String> outputs = new TreeMap<>();
    addFiles(directory.resolve("generated"), outputs);
    addFiles(directory.resolve("classes/META-INF/support-events"), outputs);
    return outputs;
  }

  private static void addFiles(Path root, Map<String, String> outputs) {
    if (!Files.isDirectory(root)) {
      return;
    }
    Path base = root.endsWith("support-events") ? root.getParent().getParent() : root;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        outputs.put(
            base.relativize(file).toString().replace(File.separatorChar, '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPath(List<Path> directories) {
    List<String> entries = new ArrayList<>();
    directories.forEach(directory -> entries.add(directory.toString()));
    entries.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, entries);
  }

  /** Runs {@code command}; fails with its output unless it exits with 0. Returns the output. */
  private static String run(List<String> command, Path directory) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean exited = process.waitFor(5, TimeUnit.MINUTES);
      assertWithMessage("%s\n%s", command, output)
          .that(exited && process.exitValue() == 0)
          .isTrue();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
