package dev.supportevents.example.benchmarks;

import dev.supportevents.processor.SupportEventProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the processor adds to a compilation: {@code events} generated {@code @SupportEvent} records,
 * {@code eventsPerPackage} to a package, compiled in process by the JDK's compiler with {@code
 * -proc:none} ({@code withoutProcessor}) and with {@link SupportEventProcessor} ({@code
 * withProcessor}, which also compiles what the processor writes). One operation is one whole
 * compilation. The compiler and the processor warm up slowly: the first ten compilations of 100
 * events with the processor still get faster, hence the long warmup.
 *
 * <p>By default a package holds 10 events, so the processor writes one small catalog per package;
 * {@code -p eventsPerPackage=10000} puts each size's events all in one package, one catalog of
 * {@code events} events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 30)
@Measurement(iterations = 10)
@Fork(1)
public class ProcessorCostBenchmark {

  @Param({"100", "1000", "10000"})
  public int events;

  /** At most this many events share a package; {@code events} or more means all in one. */
  @Param({"10"})
  public int eventsPerPackage;

  private JavaCompiler compiler;
  private List<JavaFileObject> sources;
  private String classPath;
  private Path root;
  private Path output;
  private int compilations;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    compiler = ToolProvider.getSystemJavaCompiler();
    sources = eventSources(events, eventsPerPackage);
    classPath = System.getProperty("java.class.path");
    root = Files.createTempDirectory("processor-cost");
  }

  /** Each compilation writes into a directory of its own. */
  @Setup(Level.Invocation)
  public void newOutput() throws IOException {
    output = Files.createDirectory(root.resolve("compilation-" + compilations++));
  }

  @TearDown(Level.Trial)
  public void deleteOutput() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(ProcessorCostBenchmark::delete);
    }
  }

  @Benchmark
  public int withoutProcessor() throws IOException {
    return compile(List.of("-proc:none"), List.of());
  }

  @Benchmark
  public int withProcessor() throws IOException {
    return compile(List.of(), List.of(new SupportEventProcessor()));
  }

  /** Compiles the sources and returns how many class files it wrote; fails on any error. */
  private int compile(List<String> extraOptions, List<Processor> processors) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        new ArrayList<>(
            List.of(
                "-classpath",
                classPath,
                "-d",
                output.resolve("classes").toString(),
                "-s",
                output.resolve("sources").toString()));
    options.addAll(extraOptions);
    Files.createDirectories(output.resolve("classes"));
    Files.createDirectories(output.resolve("sources"));
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task =
          compiler.getTask(null, files, diagnostics, options, null, sources);
      if (!processors.isEmpty()) {
        task.setProcessors(processors);
      }
      if (!task.call()) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
    }
    try (Stream<Path> classFiles = Files.walk(output.resolve("classes"))) {
      return (int) classFiles.filter(file -> file.toString().endsWith(".class")).count();
    }
  }

  /** {@code count} event records, {@code perPackage} to a package. */
  static List<JavaFileObject> eventSources(int count, int perPackage) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String packageName = String.format(Locale.ROOT, "bench.team%03d", i / perPackage);
      String name = String.format(Locale.ROOT, "Custom%04dEvent", i);
      String source =
          "package "
              + packageName
              + ";\n\n"
              + "import dev.supportevents.annotations.SupportEvent;\n"
              + "import org.jspecify.annotations.Nullable;\n\n"
              + "/** A custom event of a support widget. */\n"
              + "@SupportEvent\n"
              + "public record "
              + name
              + "(String conversationId, int stars, long at,\n"
              + "    @Nullable String comment) {}\n";
      sources.add(new Source(packageName.replace('.', '/') + "/" + name + ".java", source));
    }
    return sources;
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source file held in memory. */
  private static final class Source extends SimpleJavaFileObject {
    private final String content;

    Source(String path, String content) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.content = content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content;
    }
  }
}
