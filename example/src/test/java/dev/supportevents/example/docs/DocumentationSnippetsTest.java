package dev.supportevents.example.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java code of the docs compiles, and their programs print what the page says they print. Each
 * page is a project of its own: the README Quick start's files plus the page's own, compiled with
 * the processor; its fragments then compile against that project and the example. {@link Snippet}
 * says how a block is read; CONTRIBUTING.md, "Code in the docs", says how to mark one.
 */
class DocumentationSnippetsTest {

  private static final Pattern GIVEN_PATH = Pattern.compile("^`([^`\\s]+\\.java)`:$");

  @TempDir Path temp;

  /** The classes of each project compiled so far: most pages add nothing to the Quick start. */
  private final Map<Map<String, String>, Path> projects = new java.util.HashMap<>();

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAndEveryProgramPrintsWhatItsPageSays() {
    Path root = MarkdownPage.repositoryRoot();
    List<Snippet> quickStart = quickStart(root);
    return MarkdownPage.all(root).stream()
        .filter(
            page -> page.codeBlocks().stream().anyMatch(block -> block.language().equals("java")))
        .map(
            page ->
                DynamicTest.dynamicTest(
                    page.toString(),
                    () -> check(root, page, quickStart, snippet -> snippet.release() <= 17)));
  }

  /** Blocks marked {@code release 21}: pattern matching over a union, run on JDK 21 and later. */
  @TestFactory
  @Tag("jdk21")
  Stream<DynamicTest> blocksOfRelease21Compile() {
    Path root = MarkdownPage.repositoryRoot();
    List<Snippet> quickStart = quickStart(root);
    return MarkdownPage.all(root).stream()
        .filter(page -> snippets(page).stream().anyMatch(snippet -> snippet.release() == 21))
        .map(
            page ->
                DynamicTest.dynamicTest(
                    page.toString(),
                    () -> check(root, page, quickStart, snippet -> snippet.release() == 21)));
  }

  @Test
  void aFragmentThatDoesNotCompileFailsTheCheck(@TempDir Path root) throws IOException {
    writeDocs(
        root,
        """
        # Page

        ```java
        SupportEvents events = SupportEvents.create();
        events.emitMessageSent("c-1", 42);
        ```
        """);

    AssertionError failure = failureOf(root);

    assertTrue(failure.getMessage().contains("docs/page.md:5: error: "), failure.getMessage());
  }

  @Test
  void aLineMarkedAsNotCompilingMustFailAndNoOtherMay(@TempDir Path root) throws IOException {
    writeDocs(
        root,
        """
        # Page

        ```java
        SupportEvents events = SupportEvents.create();
        events.emitMessageSent("c-1", "Hi");   // does not compile: the example's takes a Message
        ```

        ```java
        SupportEvents events = SupportEvents.create();
        events.emitMessageSent(conversationId, message);   // does not compile, it says
        ```
        """);

    AssertionError failure = failureOf(root);

    assertFalse(failure.getMessage().contains("docs/page.md:5"), failure.getMessage());
    assertTrue(
        failure
            .getMessage()
            .contains("docs/page.md:10 is marked \"does not compile\" but compiles"),
        failure.getMessage());
  }

  @Test
  void aProgramMustPrintWhatItsPageSays(@TempDir Path root) throws IOException {
    writeDocs(
        root,
        """
        # Page

        ```java
        package com.acme.support;

        public final class Hello {
          public static void main(String[] args) {
            System.out.println("sent: Hi");
          }
        }
        ```

        prints:

        ```text
        sent: Hello
        ```
        """);

    AssertionError failure = failureOf(root);

    assertTrue(
        failure.getMessage().contains("docs/page.md:3: com.acme.support.Hello prints"),
        failure.getMessage());
  }

  @Test
  void anExcerptMustMatchItsFile(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/Widget.java"), "class Widget {\n  int size;\n}\n");
    writeDocs(
        root,
        """
        # Page

        <!-- snippet: excerpt of src/Widget.java -->
        ```java
        class Widget {
          long size;
        }
        ```
        """);

    AssertionError failure = failureOf(root);

    assertTrue(
        failure.getMessage().contains("docs/page.md:4: not an excerpt of src/Widget.java"),
        failure.getMessage());
  }

  private AssertionError failureOf(Path root) {
    MarkdownPage page = MarkdownPage.read(root, Path.of("docs/page.md"));
    List<Snippet> quickStart = quickStart(MarkdownPage.repositoryRoot());
    try {
      check(root, page, quickStart, snippet -> true);
    } catch (AssertionError expected) {
      return expected;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the check passed");
  }

  private static void writeDocs(Path root, String page) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("README.md"), "# Project\n");
    Files.writeString(root.resolve("docs/page.md"), page);
  }

  /** The files of the README's Quick start: each block introduced by its path. */
  private static List<Snippet> quickStart(Path root) {
    MarkdownPage readme = MarkdownPage.read(root, Path.of("README.md"));
    List<Snippet> files =
        snippets(readme).stream()
            .filter(
                snippet ->
                    snippet.kind() == Snippet.Kind.FILE
                        && GIVEN_PATH.matcher(snippet.block().introduction()).matches())
            .toList();
    assertFalse(files.isEmpty(), "README.md: its Quick start shows no Java file");
    return files;
  }

  private static List<Snippet> snippets(MarkdownPage page) {
    List<Snippet> snippets = new ArrayList<>();
    for (MarkdownPage.CodeBlock block : page.codeBlocks()) {
      if (block.language().equals("java")) {
        Matcher given = GIVEN_PATH.matcher(block.introduction());
        snippets.add(
            Snippet.of(
                page, block, given.matches() ? Optional.of(given.group(1)) : Optional.empty()));
      }
    }
    return snippets;
  }

  private void check(
      Path root, MarkdownPage page, List<Snippet> quickStart, Predicate<Snippet> selected)
      throws IOException {
    List<String> problems = new ArrayList<>();
    List<Snippet> snippets = snippets(page).stream().filter(selected).toList();

    Map<String, Snippet> files = new LinkedHashMap<>();
    List<Snippet> own = snippets.stream().filter(s -> s.kind() == Snippet.Kind.FILE).toList();
    boolean modular = own.stream().anyMatch(s -> s.path().equals("module-info.java"));
    for (Snippet file : quickStart) {
      boolean test = file.block().introduction().contains("src/test/");
      if (!(modular && test)) {
        files.put(file.path(), file);
      }
    }
    for (Snippet file : own) {
      Snippet shown = files.get(file.path());
      if (shown != null
          && !shown.page().equals(file.page())
          && !shown.block().text().equals(file.block().text())) {
        problems.add(
            file.where()
                + ": "
                + file.path()
                + " differs from the one at "
                + shown.where()
                + ": a file shown twice is the same file");
      }
      files.put(file.path(), file);
    }

    Map<String, String> sources = new LinkedHashMap<>();
    files.forEach((path, file) -> sources.put(path, file.block().text()));
    Path classes = projects.get(sources);
    if (classes == null) {
      Path project = Files.createTempDirectory(temp, "project");
      int release = snippets.stream().mapToInt(Snippet::release).max().orElse(17);
      report(SnippetCompiler.compile(sources, List.of(), true, release, project), files, problems);
      classes = project.resolve("classes");
      if (problems.isEmpty()) {
        projects.put(sources, classes);
      }
    }

    List<Snippet> fragments =
        snippets.stream()
            .filter(s -> s.kind() == Snippet.Kind.STATEMENTS || s.kind() == Snippet.Kind.MEMBERS)
            .toList();
    if (problems.isEmpty()) {
      compileFragments(fragments, classes, problems);
      checkExcerpts(root, snippets, problems);
      runPrograms(page, own, classes, problems);
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  private void compileFragments(List<Snippet> fragments, Path project, List<String> problems)
      throws IOException {
    Map<String, Snippet> compiling = new LinkedHashMap<>();
    for (Snippet fragment : fragments) {
      if (fragment.failingLines().isEmpty()) {
        compiling.put(unitPath(fragment), fragment);
      }
    }
    if (!compiling.isEmpty()) {
      Map<String, String> sources = new LinkedHashMap<>();
      compiling.forEach((path, fragment) -> sources.put(path, fragment.compilationUnit()));
      int release = fragments.stream().mapToInt(Snippet::release).max().orElse(17);
      Path output = Files.createTempDirectory(temp, "fragments");
      report(
          SnippetCompiler.compile(sources, List.of(project), false, release, output),
          compiling,
          problems);
    }
    for (Snippet fragment : fragments) {
      if (fragment.failingLines().isEmpty()) {
        continue;
      }
      Path output = Files.createTempDirectory(temp, "failing");
      List<SnippetCompiler.Problem> found =
          SnippetCompiler.compile(
              Map.of(unitPath(fragment), fragment.compilationUnit()),
              List.of(project),
              false,
              fragment.release(),
              output);
      List<Integer> failedLines = new ArrayList<>();
      for (SnippetCompiler.Problem problem : found) {
        int line = fragment.blockLine(problem.line());
        if (fragment.failingLines().contains(line)) {
          failedLines.add(line);
        } else {
          problems.add(describe(fragment, line, problem));
        }
      }
      for (int line : fragment.failingLines()) {
        if (!failedLines.contains(line)) {
          problems.add(fragment.where(line) + " is marked \"does not compile\" but compiles");
        }
      }
    }
  }

  private static String unitPath(Snippet fragment) {
    return fragment.packageName().replace('.', '/') + "/" + fragment.className() + ".java";
  }

  private static void report(
      List<SnippetCompiler.Problem> found, Map<String, Snippet> byPath, List<String> problems) {
    for (SnippetCompiler.Problem problem : found) {
      Snippet snippet = byPath.get(problem.path());
      if (snippet == null) {
        problems.add(
            problem.path()
                + ":"
                + problem.line()
                + ": "
                + problem.kind().toString().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + problem.message());
      } else {
        problems.add(describe(snippet, snippet.blockLine(problem.line()), problem));
      }
    }
  }

  private static String describe(Snippet snippet, int line, SnippetCompiler.Problem problem) {
    return snippet.where(line)
        + ": "
        + problem.kind().toString().toLowerCase(java.util.Locale.ROOT).replace("mandatory_", "")
        + ": "
        + problem.message();
  }

  private static void checkExcerpts(Path root, List<Snippet> snippets, List<String> problems) {
    for (Snippet excerpt : snippets) {
      if (excerpt.kind() != Snippet.Kind.EXCERPT) {
        continue;
      }
      Path file = root.resolve(excerpt.excerptOf().orElseThrow());
      List<String> fileLines;
      try {
        fileLines =
            significant(Snippet.withoutComments(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        problems.add(excerpt.where() + ": no file " + excerpt.excerptOf().orElseThrow());
        continue;
      }
      List<String> lines = significant(Snippet.withoutComments(excerpt.block().text()));
      boolean found = false;
      for (int start = 0; start < fileLines.size() && !found; start++) {
        found = matches(lines, 0, fileLines, start);
      }
      if (!found) {
        problems.add(
            excerpt.where()
                + ": not an excerpt of "
                + excerpt.excerptOf().orElseThrow().toString().replace('\\', '/')
                + ": its lines do not appear in that file, in order and together");
      }
    }
  }

  /**
   * Whether {@code excerpt} from {@code e} matches {@code file} from {@code f}; {@code ...} any
   * lines.
   */
  private static boolean matches(List<String> excerpt, int e, List<String> file, int f) {
    if (e == excerpt.size()) {
      return true;
    }
    if (excerpt.get(e).equals("...")) {
      for (int skip = f; skip <= file.size(); skip++) {
        if (matches(excerpt, e + 1, file, skip)) {
          return true;
        }
      }
      return false;
    }
    return f < file.size()
        && excerpt.get(e).equals(file.get(f))
        && matches(excerpt, e + 1, file, f + 1);
  }

  /** A text's non-blank lines, stripped. */
  private static List<String> significant(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /**
   * Runs each file with a {@code main} that a {@code text} block introduced by "prints:" follows
   * (the nearest such file before it), and compares what it prints.
   */
  private static void runPrograms(
      MarkdownPage page, List<Snippet> files, Path classes, List<String> problems) {
    Snippet program = null;
    for (MarkdownPage.CodeBlock block : page.codeBlocks()) {
      Optional<Snippet> file = files.stream().filter(s -> s.block().equals(block)).findFirst();
      if (file.isPresent() && file.get().block().text().contains("static void main(")) {
        program = file.get();
      }
      if (block.language().equals("text")
          && block.introduction().endsWith("prints:")
          && program != null) {
        String className = program.path().replaceFirst("\\.java$", "").replace('/', '.');
        String printed = run(classes, className);
        if (!printed.strip().equals(block.text().strip())) {
          problems.add(
              program.where()
                  + ": "
                  + className
                  + " prints\n"
                  + printed
                  + "but "
                  + page
                  + ":"
                  + block.line()
                  + " says\n"
                  + block.text());
        }
      }
    }
  }

  private static String run(Path classes, String className) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader =
            new URLClassLoader(
                new URL[] {classes.toUri().toURL()},
                DocumentationSnippetsTest.class.getClassLoader());
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(out);
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw new AssertionError(className + ".main threw", e.getCause());
    } catch (MalformedURLException | ReflectiveOperationException e) {
      throw new AssertionError(className, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  @Test
  void readsTheKindOfEachBlock() {
    assertEquals(
        Snippet.Kind.STATEMENTS, kindOf("events.emitMessageSent(conversationId, message);"));
    assertEquals(Snippet.Kind.MEMBERS, kindOf("static String describe(WidgetEvent event) {\n}"));
    assertEquals(Snippet.Kind.MEMBERS, kindOf("@Override\npublic void onError(ErrorEvent e) {}"));
    assertEquals(Snippet.Kind.FILE, kindOf("package com.acme;\n\nrecord A() {}"));
    assertEquals(Snippet.Kind.FILE, kindOf("module com.acme {\n}"));
  }

  private static Snippet.Kind kindOf(String text) {
    MarkdownPage page =
        new MarkdownPage(
            Path.of("."), Path.of("page.md"), ("```java\n" + text + "\n```\n").lines().toList());
    return Snippet.of(page, page.codeBlocks().get(0), Optional.empty()).kind();
  }
}
