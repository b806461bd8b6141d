package dev.supportevents.example.docs;

import dev.supportevents.processor.SupportEventProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles the code of the docs with javac, against the example module's test class path (the
 * library, the example and its SDKs), strictly: {@code -Xlint:all,-processing -Werror}.
 */
final class SnippetCompiler {

  private static final Pattern REQUIRES =
      Pattern.compile("\\brequires\\s+(?:(?:static|transitive)\\s+)*([\\w.]+)\\s*;");

  /**
   * One diagnostic.
   *
   * @param path the source's path, as given to {@link #compile}
   * @param line its line, counted from 1
   * @param kind {@code ERROR}, {@code WARNING}, ...
   * @param message javac's message
   */
  record Problem(String path, long line, Diagnostic.Kind kind, String message) {}

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  /**
   * One file manager for every compilation: it keeps the jars of the class path open and indexed,
   * which a new one would read again each time.
   */
  private static final StandardJavaFileManager FILES =
      JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

  private SnippetCompiler() {}

  /**
   * Compiles {@code sources} (path under the source root to text) into {@code output}.
   *
   * @param extraClassPath directories searched before the test class path
   * @param process whether the processor runs
   * @param release the {@code --release}
   * @return every error and warning
   */
  static List<Problem> compile(
      Map<String, String> sources,
      List<Path> extraClassPath,
      boolean process,
      int release,
      Path output) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      Path classes = output.resolve("classes");
      Path generated = output.resolve("generated");
      Files.createDirectories(classes);
      Files.createDirectories(generated);
      List<String> options =
          new ArrayList<>(
              List.of(
                  "--release",
                  Integer.toString(release),
                  "-Xlint:all,-processing",
                  "-Werror",
                  "-d",
                  classes.toString(),
                  "-s",
                  generated.toString()));
      List<String> classPath = new ArrayList<>();
      extraClassPath.forEach(directory -> classPath.add(directory.toString()));
      classPath.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
      String moduleInfo = sources.get("module-info.java");
      if (moduleInfo != null) {
        options.addAll(
            List.of(
                "--module-path",
                String.join(File.pathSeparator, modulePath(moduleInfo, classPath))));
      } else {
        options.addAll(List.of("-classpath", String.join(File.pathSeparator, classPath)));
        // What a module compiled before put on the module path goes.
        FILES.setLocationFromPaths(StandardLocation.MODULE_PATH, List.of());
      }
      if (!process) {
        options.add("-proc:none");
      }
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach((path, text) -> units.add(new Source(path, text)));
      JavaCompiler.CompilationTask task =
          JAVAC.getTask(new StringWriter(), FILES, diagnostics, options, null, units);
      if (process) {
        task.setProcessors(List.of(new SupportEventProcessor()));
      }
      task.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Problem> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      String path =
          diagnostic.getSource() instanceof Source source
              ? source.path
              : diagnostic.getSource() == null ? "-" : diagnostic.getSource().getName();
      problems.add(
          new Problem(
              path,
              diagnostic.getLineNumber(),
              diagnostic.getKind(),
              diagnostic.getMessage(Locale.ROOT)));
    }
    return problems;
  }

  /** The entries of {@code classPath} that hold the modules {@code moduleInfo} requires. */
  private static Set<String> modulePath(String moduleInfo, List<String> classPath) {
    Set<String> required = new LinkedHashSet<>();
    Matcher requires = REQUIRES.matcher(moduleInfo);
    while (requires.find()) {
      required.add(requires.group(1));
    }
    Set<String> modulePath = new LinkedHashSet<>();
    for (String entry : classPath) {
      try {
        for (ModuleReference module : ModuleFinder.of(Path.of(entry)).findAll()) {
          if (required.contains(module.descriptor().name())) {
            modulePath.add(entry);
          }
        }
      } catch (FindException e) {
        // Not a module, nor a jar that could be one: never required.
      }
    }
    return modulePath;
  }

  /** A source held in memory, under its path. */
  private static final class Source extends SimpleJavaFileObject {
    private final String path;
    private final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.path = path;
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
