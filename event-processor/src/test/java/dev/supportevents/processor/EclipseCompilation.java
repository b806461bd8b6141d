package dev.supportevents.processor;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * A compilation by the Eclipse compiler (ecj) with the processor, through ecj's {@code javax.tools}
 * implementation, as IDE and build users run it. ecj reads sources from files only, so the sources
 * are written under a directory, and the generated files are read back from it.
 *
 * @param succeeded whether ecj reported no error
 * @param diagnostics every diagnostic ecj reported, as {@code kind path:line message}
 * @param generatedSources the generated sources' text, by path relative to the source output
 * @param resources the files written to the class output other than class files, by path
 */
record EclipseCompilation(
    boolean succeeded,
    List<String> diagnostics,
    Map<String, String> generatedSources,
    Map<String, String> resources) {

  /**
   * ecj's default warnings plus those of javac's {@code -Xlint:all} that ecj has, by ecj's names:
   * what a strict Eclipse user sees. {@code -enableJavadoc} reads javadoc as the IDE does by
   * default, so that a type named only in a {@code {@link}} counts as used.
   */
  private static final String WARNINGS =
      "-warn:+deprecation,+removal,+unchecked,+raw,+serial,"
          + "+static-access,+fallthrough,+dep-ann,+typeHiding,+unusedImport,+unusedPrivate,"
          + "+finally,+enumSwitch,+hashCode";

  /**
   * Compiles {@code sources} with ecj and the processor, against the test class path and {@code
   * classDirectories}, for Java 17; everything is written under {@code directory}.
   */
  static EclipseCompilation compile(
      Path directory, List<Path> classDirectories, List<JavaFileObject> sources) {
    Path sourceRoot = directory.resolve("src");
    Path sourceOutput = directory.resolve("generated");
    Path classOutput = classOutput(directory);
    try {
      Files.createDirectories(sourceOutput);
      Files.createDirectories(classOutput);
      List<File> files = new ArrayList<>();
      for (JavaFileObject source : sources) {
        Path file = sourceRoot.resolve(relativePath(source));
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getCharContent(true), StandardCharsets.UTF_8);
        files.add(file.toFile());
      }
      List<String> classPath = new ArrayList<>();
      classDirectories.forEach(classes -> classPath.add(classes.toString()));
      classPath.add(System.getProperty("java.class.path"));

      JavaCompiler ecj = new EclipseCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      List<String> options =
          List.of(
              "--release",
              "17",
              WARNINGS,
              "-enableJavadoc",
              "-d",
              classOutput.toString(),
              "-s",
              sourceOutput.toString(),
              "-classpath",
              String.join(File.pathSeparator, classPath));
      boolean succeeded;
      try (StandardJavaFileManager fileManager =
          ecj.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
        // ecj also prints each problem to this writer (to System.err without one): the collector
        // holds them already, and a build that passes shows no compiler's errors.
        JavaCompiler.CompilationTask task =
            ecj.getTask(
                new StringWriter(),
                fileManager,
                collector,
                options,
                null,
                fileManager.getJavaFileObjectsFromFiles(files));
        task.setProcessors(List.of(new SupportEventProcessor()));
        succeeded = task.call();
      }
      List<String> diagnostics =
          collector.getDiagnostics().stream()
              .map(diagnostic -> describe(diagnostic, directory))
              .toList();
      return new EclipseCompilation(
          succeeded,
          diagnostics,
          filesUnder(sourceOutput, path -> true),
          filesUnder(classOutput, path -> !path.toString().endsWith(".class")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@link #compile} writes the class files of a compilation under {@code directory}. */
  static Path classOutput(Path directory) {
    return directory.resolve("classes");
  }

  /** The diagnostics on generated sources. */
  List<String> problemsOfGeneratedCode() {
    return diagnostics.stream().filter(diagnostic -> diagnostic.contains(" generated/")).toList();
  }

  /** {@code p/Name.java} for a compile-testing source of {@code p.Name}. */
  private static String relativePath(JavaFileObject source) {
    String path = source.toUri().getSchemeSpecificPart();
    return path.replaceFirst("^/+", "");
  }

  private static String describe(Diagnostic<? extends JavaFileObject> diagnostic, Path root) {
    String file =
        diagnostic.getSource() == null
            ? "-"
            : root.relativize(Path.of(diagnostic.getSource().toUri())).toString();
    return diagnostic.getKind()
        + " "
        + file
        + ":"
        + diagnostic.getLineNumber()
        + " "
        + diagnostic.getMessage(Locale.ROOT);
  }

  private static Map<String, String> filesUnder(
      Path root, java.util.function.Predicate<Path> wanted) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        if (wanted.test(file)) {
          files.put(
              root.relativize(file).toString().replace(File.separatorChar, '/'),
              Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }
}
