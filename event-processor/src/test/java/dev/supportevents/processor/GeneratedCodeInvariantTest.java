package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The processor's promise for any input: a package of records either gets a catalog that compiles
 * under {@code -Xlint:all,-processing -Werror}, with a valid wire name for every event and no line
 * longer than 100 columns where its names allow, or one or more errors located on the input, and no
 * generated file at all. Checked on random packages ({@link RandomCatalogs}); each failing package
 * is shrunk before it is reported.
 *
 * <p>The normal build runs {@value #DEFAULT_TRIES} packages from a fixed seed. More, or others:
 * {@code mvn -pl event-processor -am verify -Dtest=GeneratedCodeInvariantTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dproperty.tries=5000 -Dproperty.seed=7}.
 */
@Tag("random-packages")
class GeneratedCodeInvariantTest {

  private static final int DEFAULT_TRIES = 100;
  private static final long DEFAULT_SEED = 20_261_201L;

  /**
   * The longest type name for which every generated line must fit 100 columns: a little longer than
   * the example's longest, {@code CheckoutHelpRequestedEvent}. With longer names some lines hold
   * more than 100 columns that no break can shorten, such as a field's declaration.
   */
  private static final int LONGEST_WRAPPABLE_NAME = 30;

  /** How many compilations the shrinking of all failures may take, to bound the run. */
  private static final int SHRINK_BUDGET = 80;

  /** The most packages compiled together. */
  private static final int BATCH = 6;

  private static final List<String> PROCESSING_ONLY =
      List.of("-proc:only", "-Xlint:all,-processing", "-Werror");

  private static final Pattern WIRE_NAME =
      Pattern.compile("^ {2}\\S+\\(\"((?:[^\"\\\\]|\\\\.)*)\",\\s", Pattern.MULTILINE);

  private static final List<File> CLASS_PATH =
      Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .filter(
              entry ->
                  entry.contains("event-annotations")
                      || entry.contains("event-runtime")
                      || entry.contains("jspecify"))
          .map(File::new)
          .toList();

  /** What is wrong with the outcome of one package: a kind to group by, and the details. */
  private record Violation(String kind, String details) {}

  @Test
  void everyPackageCompilesCleanlyOrGetsOnlyLocatedErrors() {
    int tries = Integer.getInteger("property.tries", DEFAULT_TRIES);
    long seed = Long.getLong("property.seed", DEFAULT_SEED);
    Map<Long, RandomCatalogs.Catalog> catalogs = new LinkedHashMap<>();
    for (long i = seed; i < seed + tries; i++) {
      catalogs.put(i, RandomCatalogs.of(i));
    }
    Map<Long, Violation> violations = new TreeMap<>();
    List<Long> accepted = new ArrayList<>();
    List<Long> rejected = new ArrayList<>();
    for (List<Long> batch : batchesOfDistinctPackages(List.copyOf(catalogs.keySet()), catalogs)) {
      processTogether(batch, catalogs, accepted, rejected, violations);
    }
    for (List<Long> batch : batchesOfDistinctPackages(rejected, catalogs)) {
      assertValidJava(sourcesOf(batch, catalogs), "seeds " + batch);
    }
    for (List<Long> batch : batchesOfDistinctPackages(accepted, catalogs)) {
      violations.putAll(compiledTogether(batch, catalogs));
    }
    if (!violations.isEmpty()) {
      fail(report(violations, catalogs, tries, seed));
    }
  }

  /**
   * Runs the processor alone, without compiling, on the packages of {@code batch} together: cheap,
   * and the same for each package as on its own. Sorts them into {@code accepted} and {@code
   * rejected} by whether they got errors, and notes what is wrong with the rejected ones. An error
   * of no package of the batch has each package processed on its own.
   */
  private static void processTogether(
      List<Long> batch,
      Map<Long, RandomCatalogs.Catalog> catalogs,
      List<Long> accepted,
      List<Long> rejected,
      Map<Long, Violation> violations) {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation processed =
        compiler(PROCESSING_ONLY).withProcessors(processor).compile(sourcesOf(batch, catalogs));
    Map<String, Long> owners = new LinkedHashMap<>();
    for (long each : batch) {
      catalogs.get(each).ownSources().forEach(source -> owners.put(uri(source), each));
    }
    boolean unowned =
        processed.errors().stream()
            .anyMatch(
                error -> error.getSource() == null || !owners.containsKey(uri(error.getSource())));
    if (unowned && batch.size() > 1) {
      batch.forEach(
          each -> processTogether(List.of(each), catalogs, accepted, rejected, violations));
      return;
    }
    for (long each : batch) {
      RandomCatalogs.Catalog catalog = catalogs.get(each);
      List<Diagnostic<? extends JavaFileObject>> errors =
          processed.errors().stream()
              .filter(error -> batch.size() == 1 || owners.get(uri(error.getSource())) == each)
              .collect(Collectors.toList());
      if (errors.isEmpty()) {
        accepted.add(each);
        continue;
      }
      rejected.add(each);
      List<String> written = writtenFor(catalog.name(), processor);
      rejectionViolation(catalog.sources(), errors, written, processed)
          .ifPresent(found -> violations.put(each, found));
    }
  }

  /** The files the processor wrote for package {@code packageName}. */
  private static List<String> writtenFor(String packageName, RecordingProcessor processor) {
    String plan =
        "META-INF/support-events/"
            + (packageName.isEmpty() ? "unnamed-package" : packageName)
            + ".schema.json";
    List<String> written = new ArrayList<>();
    for (String type : processor.originsBySource().keySet()) {
      int dot = type.lastIndexOf('.');
      if ((dot < 0 ? "" : type.substring(0, dot)).equals(packageName)) {
        written.add(type);
      }
    }
    if (processor.originsByResource().containsKey(plan)) {
      written.add(plan);
    }
    return written;
  }

  private static String uri(JavaFileObject file) {
    return file.toUri().toString();
  }

  /**
   * The violations of the packages of {@code batch}, compiled together with their catalogs; each
   * package alone again if they do not compile.
   */
  private static Map<Long, Violation> compiledTogether(
      List<Long> batch, Map<Long, RandomCatalogs.Catalog> catalogs) {
    Map<Long, Violation> violations = new TreeMap<>();
    Compilation compilation =
        compiler(TestCompiler.STRICT)
            .withProcessors(new SupportEventProcessor())
            .compile(sourcesOf(batch, catalogs));
    for (long each : batch) {
      Optional<Violation> violation =
          compilation.status() == Compilation.Status.SUCCESS
              ? successViolation(catalogs.get(each), compilation, 5 * batch.size())
              : violation(catalogs.get(each));
      violation.ifPresent(found -> violations.put(each, found));
    }
    return violations;
  }

  /** Checks that {@code sources} of {@code what} are valid Java: the generator's part. */
  private static void assertValidJava(List<JavaFileObject> sources, Object what) {
    Compilation alone = withoutProcessor(sources);
    if (alone.status() != Compilation.Status.SUCCESS) {
      throw new IllegalStateException(
          "The generator wrote invalid Java: " + alone.diagnostics() + "\n" + what);
    }
  }

  /** Whether {@code catalog} is valid Java: a shrunk one may name a type it lost. */
  private static boolean validJava(RandomCatalogs.Catalog catalog) {
    return withoutProcessor(catalog.sources()).status() == Compilation.Status.SUCCESS;
  }

  /**
   * javac with {@code options} and only the class path that the packages need: the annotations, the
   * runtime and JSpecify, which keeps each of the many compilations short.
   */
  private static Compiler compiler(List<String> options) {
    return Compiler.javac().withOptions(options).withClasspath(CLASS_PATH);
  }

  private static Compilation withoutProcessor(List<JavaFileObject> sources) {
    return compiler(TestCompiler.STRICT).compile(sources);
  }

  private static List<JavaFileObject> sourcesOf(
      List<Long> batch, Map<Long, RandomCatalogs.Catalog> catalogs) {
    Map<String, JavaFileObject> sources = new LinkedHashMap<>();
    for (long each : batch) {
      catalogs.get(each).sources().forEach(source -> sources.put(source.getName(), source));
    }
    return List.copyOf(sources.values());
  }

  /** Groups {@code seeds} so that no two packages of a group have the same name. */
  private static List<List<Long>> batchesOfDistinctPackages(
      List<Long> seeds, Map<Long, RandomCatalogs.Catalog> catalogs) {
    List<List<Long>> batches = new ArrayList<>();
    List<Set<String>> names = new ArrayList<>();
    for (long each : seeds) {
      String name = catalogs.get(each).name();
      int index = 0;
      while (index < batches.size()
          && (names.get(index).contains(name) || batches.get(index).size() >= BATCH)) {
        index++;
      }
      if (index == batches.size()) {
        batches.add(new ArrayList<>());
        names.add(new HashSet<>());
      }
      batches.get(index).add(each);
      names.get(index).add(name);
    }
    return batches;
  }

  /** The failures by kind; the first of each kind shrunk, within the budget. */
  private static String report(
      Map<Long, Violation> violations,
      Map<Long, RandomCatalogs.Catalog> catalogs,
      int tries,
      long seed) {
    Map<String, List<Long>> seedsByKind = new LinkedHashMap<>();
    violations.forEach(
        (each, violation) ->
            seedsByKind.computeIfAbsent(violation.kind(), unused -> new ArrayList<>()).add(each));
    StringBuilder report =
        new StringBuilder(
            violations.size()
                + " of "
                + tries
                + " packages broke the invariant (seeds from "
                + seed
                + "):\n");
    int[] budget = {SHRINK_BUDGET};
    seedsByKind.forEach(
        (kind, seeds) -> {
          long first = seeds.get(0);
          RandomCatalogs.Catalog shrunk =
              RandomCatalogs.shrink(
                  catalogs.get(first),
                  smaller ->
                      budget[0]-- > 0
                          && validJava(smaller)
                          && violation(smaller).filter(v -> v.kind().equals(kind)).isPresent());
          report
              .append("\n== ")
              .append(kind)
              .append(" (")
              .append(seeds.size())
              .append(")\n")
              .append("seed ")
              .append(first)
              .append(", shrunk: ")
              .append(violation(shrunk).map(Violation::details).orElse("?"))
              .append('\n')
              .append(shrunk.toString().indent(4));
          if (seeds.size() > 1) {
            report.append("    and seeds ").append(seeds.subList(1, seeds.size())).append('\n');
          }
        });
    return report.toString();
  }

  private static Optional<Violation> violation(RandomCatalogs.Catalog catalog) {
    List<JavaFileObject> sources = catalog.sources();
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation =
        compiler(TestCompiler.STRICT).withProcessors(processor).compile(sources);
    if (compilation.status() == Compilation.Status.SUCCESS) {
      return successViolation(catalog, compilation, 5);
    }
    assertValidJava(sources, catalog);
    List<String> written = new ArrayList<>(processor.originsBySource().keySet());
    written.addAll(processor.originsByResource().keySet());
    return rejectionViolation(sources, compilation.errors(), written, compilation);
  }

  /**
   * What is wrong with {@code errors}, reported on a package of {@code sources} in {@code
   * compilation}: an error outside the sources or without a position, a crash, or files {@code
   * written} beside the errors.
   */
  private static Optional<Violation> rejectionViolation(
      List<JavaFileObject> sources,
      List<Diagnostic<? extends JavaFileObject>> errors,
      List<String> written,
      Compilation compilation) {
    Set<String> inputs =
        sources.stream().map(GeneratedCodeInvariantTest::uri).collect(Collectors.toSet());
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      String message = error.getMessage(Locale.ROOT);
      if (error.getSource() == null || !inputs.contains(uri(error.getSource()))) {
        String where =
            error.getSource() == null
                ? "no file"
                : error.getSource().getName().replaceFirst(".*/SOURCE_OUTPUT/", "");
        return Optional.of(
            new Violation(
                "error outside the input: " + error.getCode(),
                where
                    + ":"
                    + error.getLineNumber()
                    + ": "
                    + firstLine(message)
                    + "; all diagnostics: "
                    + summary(compilation)));
      }
      if (error.getPosition() == Diagnostic.NOPOS) {
        return Optional.of(new Violation("error without a position", firstLine(message)));
      }
      if (message.contains("This is a bug in the processor")) {
        return Optional.of(new Violation("processor crash", firstLine(message)));
      }
    }
    if (!written.isEmpty()) {
      return Optional.of(
          new Violation("generated files beside an error", written + "; " + summary(compilation)));
    }
    return Optional.empty();
  }

  private static Optional<Violation> successViolation(
      RandomCatalogs.Catalog catalog, Compilation compilation, int generatedTypes) {
    String prefix = catalog.name().isEmpty() ? "" : catalog.name() + ".";
    String type = text(compilation.generatedSourceFile(prefix + "SupportEventType").orElse(null));
    if (type == null || compilation.generatedSourceFiles().size() != generatedTypes) {
      return Optional.of(
          new Violation(
              "catalog missing",
              "generated: "
                  + compilation.generatedSourceFiles().stream()
                      .map(JavaFileObject::getName)
                      .toList()));
    }
    String directory = catalog.name().replace('.', '/');
    List<String> tooLong =
        compilation.generatedSourceFiles().stream()
            .filter(file -> directoryOf(file).equals(directory))
            .flatMap(file -> GeneratedLines.tooLong(file.getName(), text(file)).stream())
            .toList();
    if (!tooLong.isEmpty() && longestName(catalog) <= LONGEST_WRAPPABLE_NAME) {
      return Optional.of(new Violation("line longer than 100 columns", tooLong.get(0)));
    }
    Matcher wireNames = WIRE_NAME.matcher(type);
    while (wireNames.find()) {
      if (!Names.isValidWireName(wireNames.group(1))) {
        return Optional.of(
            new Violation(
                "wire name against the rule",
                "\"" + wireNames.group(1) + "\" in " + wireNames.group()));
      }
    }
    return Optional.empty();
  }

  /** The longest name of a type of the package as generated code writes it, {@code Outer.Inner}. */
  private static int longestName(RandomCatalogs.Catalog catalog) {
    int longest = catalog.union() == null ? 0 : catalog.union().name().length();
    for (RandomCatalogs.Declaration declaration : catalog.declarations()) {
      String name =
          declaration.outer().isEmpty()
              ? declaration.name()
              : declaration.outer() + "." + declaration.name();
      longest = Math.max(longest, name.codePointCount(0, name.length()));
    }
    return longest;
  }

  /** The directory of a generated source under the source output, {@code com/acme}. */
  private static String directoryOf(JavaFileObject file) {
    String path = file.getName().replaceFirst(".*/SOURCE_OUTPUT/", "");
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String summary(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(
            d ->
                d.getKind()
                    + " "
                    + (d.getSource() == null
                        ? "-"
                        : d.getSource().getName().replaceFirst(".*/SOURCE_OUTPUT/", "generated "))
                    + ":"
                    + d.getLineNumber()
                    + " "
                    + firstLine(d.getMessage(Locale.ROOT)))
        .limit(6)
        .collect(Collectors.joining(" | "));
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static String text(JavaFileObject file) {
    if (file == null) {
      return null;
    }
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
