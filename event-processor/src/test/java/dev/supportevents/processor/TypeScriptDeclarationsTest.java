package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TypeScript declarations of the test catalogs, checked by the real TypeScript compiler under
 * {@code --strict}: the declarations themselves, and the files of {@code src/test/typescript},
 * which use them as a web page would. A line of those files that must not type-check ends with
 * {@code // expect TS<code>: <part of the message>}, and tsc must report exactly those errors, on
 * those lines; every other line must type-check.
 *
 * <p>Tagged {@code typescript}: the Maven profile {@code typescript} installs the compiler and runs
 * these tests (docs/typescript.md).
 */
@Tag("typescript")
class TypeScriptDeclarationsTest {

  private static final Path SOURCES =
      Path.of(System.getProperty("basedir", ""), "src", "test", "typescript");

  /** {@code // expect TS2322: Type 'null'} at the end of a line. */
  private static final Pattern EXPECTATION =
      Pattern.compile("//\\s*expect\\s+(TS\\d+):\\s*(.+?)\\s*$");

  @TempDir static Path project;

  private static List<TypeScriptCompiler.Diagnostic> diagnostics;

  @BeforeAll
  static void typeCheck() throws IOException {
    Map<String, Compilation> catalogs = new TreeMap<>();
    catalogs.put(ExampleSources.PACKAGE, GoldenOutputTest.compileExample());
    catalogs.put("com.acme.kinds", GoldenOutputTest.compileKinds());
    catalogs.put(
        PartsCatalog.PACKAGE,
        TestCompiler.compile(List.of(new SupportEventProcessor()), PartsCatalog.sources()));
    catalogs.put(
        NamesCatalog.PACKAGE,
        TestCompiler.compile(List.of(new SupportEventProcessor()), NamesCatalog.sources()));
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, Compilation> catalog : catalogs.entrySet()) {
      assertThat(catalog.getValue()).succeededWithoutWarnings();
      String declarations = catalog.getKey() + ".d.ts";
      Files.writeString(
          project.resolve(declarations),
          TrackingPlans.typeScriptOf(catalog.getValue(), catalog.getKey()));
      files.add(declarations);
    }
    for (String test : testFiles()) {
      Files.copy(SOURCES.resolve(test), project.resolve(test));
      files.add(test);
    }
    diagnostics = TypeScriptCompiler.check(project, files);
  }

  @Test
  void theDeclarationsTypeCheckUnderStrict() {
    assertThat(diagnostics.stream().filter(error -> error.file().endsWith(".d.ts")).toList())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.ts", "kinds.ts", "parts.ts", "names.ts"})
  void reportsExactlyTheErrorsThatTheFileExpects(String file) throws IOException {
    Map<Integer, String[]> expected = new TreeMap<>();
    List<String> lines = Files.readAllLines(SOURCES.resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      Matcher expectation = EXPECTATION.matcher(lines.get(i));
      if (expectation.find()) {
        expected.put(i + 1, new String[] {expectation.group(1), expectation.group(2)});
      }
    }
    Map<Integer, TypeScriptCompiler.Diagnostic> reported = new TreeMap<>();
    for (TypeScriptCompiler.Diagnostic error : diagnostics) {
      if (error.file().equals(file)) {
        assertWithMessage("two errors on line %s of %s", error.line(), file)
            .that(reported.put(error.line(), error))
            .isNull();
      }
    }

    assertWithMessage("the lines of %s with an error, expected and reported: %s", file, reported)
        .that(reported.keySet())
        .containsExactlyElementsIn(expected.keySet());
    assertWithMessage("%s expects no error", file).that(expected).isNotEmpty();
    expected.forEach(
        (line, expectation) -> {
          TypeScriptCompiler.Diagnostic error = reported.get(line);
          assertWithMessage("%s, line %s: %s", file, line, error.text())
              .that(error.code())
              .isEqualTo(expectation[0]);
          assertWithMessage("%s, line %s", file, line).that(error.text()).contains(expectation[1]);
        });
  }

  @Test
  void everyFileOfTheTypeScriptTestsIsChecked() {
    assertThat(testFiles()).containsExactly("example.ts", "kinds.ts", "names.ts", "parts.ts");
  }

  private static List<String> testFiles() {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
