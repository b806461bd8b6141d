package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, as strictly as users who turn every warning on. */
final class TestCompiler {

  /** The options of a strict user build: every lint warning, and warnings fail the build. */
  static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

  /**
   * The simple names of the types generated for every catalog, written out here rather than taken
   * from the processor, so that a type it stopped writing fails the tests that go through them.
   */
  static final List<String> GENERATED_TYPES =
      List.of(
          "SupportEventType",
          "SupportEventCallbacks",
          "SupportEventEmitter",
          "SupportEvents",
          "SupportEventRecorder");

  private TestCompiler() {}

  /** {@link #GENERATED_TYPES}, for {@code @MethodSource}. */
  static List<String> generatedTypes() {
    return GENERATED_TYPES;
  }

  /** A source file named after {@code qualifiedName}. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles {@code sources} with the processor and the strict options. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(new SupportEventProcessor()), List.of(sources));
  }

  /**
   * Compiles {@code sources} with {@code processors}, run in that order, and the strict options;
   * every generated source must also keep its lines within 100 columns.
   */
  static Compilation compile(List<Processor> processors, List<JavaFileObject> sources) {
    Compilation compilation =
        Compiler.javac().withProcessors(processors).withOptions(STRICT).compile(sources);
    GeneratedLines.assertWithinWidth(compilation);
    return compilation;
  }

  /** The text of the source file generated for {@code qualifiedName}. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName).orElse(null);
    assertWithMessage(
            "generated source %s; generated: %s", qualifiedName, generatedNames(compilation))
        .that(file)
        .isNotNull();
    return text(file);
  }

  /** Every generated source file's text, by the file's name. */
  static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      sources.put(file.getName(), text(file));
    }
    return sources;
  }

  private static List<String> generatedNames(Compilation compilation) {
    return compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).toList();
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
