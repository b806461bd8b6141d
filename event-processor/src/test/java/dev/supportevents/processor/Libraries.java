package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compilations across module boundaries: a library compiled first, its class files written to a
 * directory, and an application compiled against that directory, as a build would.
 */
final class Libraries {

  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private Libraries() {}

  /**
   * Compiles {@code sources} with the processor against the test class path and {@code
   * classDirectories}, strictly.
   */
  static Compilation compile(List<Path> classDirectories, JavaFileObject... sources) {
    return compile(new SupportEventProcessor(), classDirectories, sources);
  }

  /** Like {@link #compile(List, JavaFileObject...)}, with {@code processor}. */
  static Compilation compile(
      Processor processor, List<Path> classDirectories, JavaFileObject... sources) {
    List<File> classPath = new ArrayList<>();
    classDirectories.forEach(directory -> classPath.add(directory.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    return Compiler.javac()
        .withProcessors(processor)
        .withOptions(TestCompiler.STRICT)
        .withClasspath(classPath)
        .compile(sources);
  }

  /** Writes the class files and resources of a successful compilation under {@code directory}. */
  static Path writeClasses(Compilation compilation, Path directory) {
    assertWithMessage("compilation of the library: %s", compilation.diagnostics())
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        String uri = file.toUri().getPath();
        int at = uri.indexOf(CLASS_OUTPUT);
        if (at < 0) {
          continue;
        }
        Path target = directory.resolve(uri.substring(at + CLASS_OUTPUT.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directory;
  }

  /**
   * Loads {@code className}, a {@code Supplier<List<String>>} compiled into one of {@code
   * classDirectories}, and runs it: the test's way to run generated code of another compilation.
   */
  @SuppressWarnings("unchecked") // the scenario's class is a Supplier<List<String>> by contract
  static List<String> run(String className, Path... classDirectories) {
    List<URL> urls = new ArrayList<>();
    try {
      for (Path directory : classDirectories) {
        urls.add(directory.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), Libraries.class.getClassLoader())) {
      Class<?> scenario = Class.forName(className, true, loader);
      return ((Supplier<List<String>>) scenario.getDeclaredConstructor().newInstance()).get();
    } catch (ReflectiveOperationException | IOException e) {
      throw new IllegalStateException("cannot run " + className, e);
    }
  }
}
