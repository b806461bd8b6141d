package dev.supportevents.example.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java block of the documentation, and how it is checked (CONTRIBUTING.md, "Code in the docs").
 *
 * <ul>
 *   <li>A <b>file</b> starts with a {@code package} clause, or is a {@code module} declaration; a
 *       README Quick start file is introduced by its path instead. The files of a page are compiled
 *       together, with the processor, into one project with the Quick start's files.
 *   <li>A <b>fragment</b> is anything else: its {@code import} lines are imports, and the rest is
 *       the body of a method, or the members of a class when it starts with a declaration, in a
 *       class of {@code dev.supportevents.example} that extends {@link SnippetFixture}.
 * </ul>
 *
 * <p>A comment {@code <!-- snippet: ... -->} on the line before the block changes that: {@code in
 * <package>} compiles a fragment in that package, without the fixture; {@code release 21} compiles
 * it at release 21; {@code excerpt of <path>} checks instead that the block's lines appear, in
 * order and together, in that file of the repository, which the build compiles (comments and blank
 * lines aside; a line {@code ...} stands for any lines). A line that ends with a comment saying
 * {@code does not compile} must be a compile error, and only such lines may be.
 *
 * @param page the page the block is on
 * @param block the block
 * @param kind what the block is
 * @param path for a file: its path under a source root ({@code com/acme/support/App.java})
 * @param packageName for a fragment: the package of the class it is compiled in
 * @param release the {@code --release} it is compiled at
 * @param excerptOf for an excerpt: the file of the repository it is taken from
 * @param failingLines the block's lines (from 0) that must not compile
 */
record Snippet(
    MarkdownPage page,
    MarkdownPage.CodeBlock block,
    Kind kind,
    String path,
    String packageName,
    int release,
    Optional<Path> excerptOf,
    List<Integer> failingLines) {

  /** What a block is. */
  enum Kind {
    FILE,
    STATEMENTS,
    MEMBERS,
    EXCERPT
  }

  /** The package of fragments, where the example's events and generated API are. */
  static final String FRAGMENT_PACKAGE = "dev.supportevents.example";

  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern MODULE =
      Pattern.compile("^(?:open\\s+)?module\\s+[\\w.]+\\s*\\{", Pattern.MULTILINE);
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "^(?:(?:public|abstract|final|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^(?:@\\w+|(?:public|protected|private|static|final|abstract|sealed|record|class|interface"
              + "|enum|void)\\b)");
  private static final Pattern SOURCE_ROOT = Pattern.compile("^(?:.*/)?src/\\w+/java/");

  /**
   * Reads a Java block of {@code page}.
   *
   * @param givenPath the path the page gives the file ({@code src/main/java/...}), if any
   * @throws IllegalArgumentException for a marker it does not know
   */
  static Snippet of(MarkdownPage page, MarkdownPage.CodeBlock block, Optional<String> givenPath) {
    int release = 17;
    Optional<Path> excerptOf = Optional.empty();
    String packageName = FRAGMENT_PACKAGE;
    if (block.marker().isPresent()) {
      for (String key : block.marker().get().split("\\s*;\\s*")) {
        if (key.equals("release 21")) {
          release = 21;
        } else if (key.startsWith("excerpt of ")) {
          excerptOf = Optional.of(Path.of(key.substring("excerpt of ".length()).strip()));
        } else if (key.startsWith("in ")) {
          packageName = key.substring("in ".length()).strip();
        } else {
          throw new IllegalArgumentException(
              page
                  + ":"
                  + block.line()
                  + ": unknown snippet marker \""
                  + key
                  + "\": use \"in <package>\", \"release 21\""
                  + " or \"excerpt of <path>\"");
        }
      }
    }
    String text = block.text();
    List<Integer> failing = failingLines(text);
    if (excerptOf.isPresent()) {
      return new Snippet(page, block, Kind.EXCERPT, "", "", release, excerptOf, failing);
    }
    String code = withoutComments(text);
    Matcher packageClause = PACKAGE.matcher(code);
    if (givenPath.isPresent()) {
      String path = SOURCE_ROOT.matcher(givenPath.get()).replaceFirst("");
      return new Snippet(page, block, Kind.FILE, path, "", release, excerptOf, failing);
    }
    if (MODULE.matcher(code).find()) {
      return new Snippet(
          page, block, Kind.FILE, "module-info.java", "", release, excerptOf, failing);
    }
    if (packageClause.find()) {
      Matcher type = TOP_LEVEL_TYPE.matcher(code);
      String directory = packageClause.group(1).replace('.', '/') + "/";
      String path = directory + (type.find() ? type.group(1) : "package-info") + ".java";
      return new Snippet(
          page, block, Kind.FILE, path, packageClause.group(1), release, excerptOf, failing);
    }
    String firstCode =
        code.lines()
            .filter(line -> !line.isBlank() && !line.startsWith("import "))
            .findFirst()
            .orElse("");
    Kind kind = DECLARATION.matcher(firstCode).find() ? Kind.MEMBERS : Kind.STATEMENTS;
    return new Snippet(page, block, kind, "", packageName, release, excerptOf, failing);
  }

  /** Where a line of the block is on its page, for messages. */
  String where(int index) {
    return page + ":" + block.pageLine(index);
  }

  /** Where the block starts. */
  String where() {
    return page + ":" + block.line();
  }

  /** Whether a fragment extends {@link SnippetFixture}: unless it names its own package. */
  boolean usesFixture() {
    return packageName.equals(FRAGMENT_PACKAGE);
  }

  /** For a fragment: the name of the class it is compiled in. */
  String className() {
    return "Snippet"
        + page.path().getFileName().toString().replaceAll("\\W", "_").replaceFirst("_md$", "")
        + "Line"
        + block.line();
  }

  /** The import lines of a fragment. */
  List<String> imports() {
    return block.text().lines().filter(line -> line.startsWith("import ")).toList();
  }

  /**
   * A fragment as a compilation unit. Its lines keep their order, each on a line of its own, so
   * that {@link #blockLine} maps a diagnostic back.
   */
  String compilationUnit() {
    StringBuilder unit = new StringBuilder("package " + packageName + ";\n");
    List<String> lines = block.text().lines().toList();
    for (String line : lines) {
      unit.append(line.startsWith("import ") ? line : "").append('\n');
    }
    unit.append("@SuppressWarnings(\"unused\") final class ")
        .append(className())
        .append(usesFixture() ? " extends " + SnippetFixture.class.getName() : "")
        .append(" {")
        .append(kind == Kind.STATEMENTS ? " void run() throws Exception {" : "")
        .append('\n');
    for (String line : lines) {
      unit.append(line.startsWith("import ") ? "" : line).append('\n');
    }
    unit.append(kind == Kind.STATEMENTS ? "}}\n" : "}\n");
    return unit.toString();
  }

  /** The line of the block (from 0) that line {@code unitLine} (from 1) of a unit shows. */
  int blockLine(long unitLine) {
    long offset = kind == Kind.FILE ? 1 : block.text().lines().count() + 3;
    return (int) (unitLine - offset);
  }

  private static List<Integer> failingLines(String text) {
    List<Integer> failing = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(".*//.*\\bdoes not compile\\b.*")) {
        failing.add(i);
      }
    }
    return failing;
  }

  /** The text with {@code //} and block comments blanked, lines kept. */
  static String withoutComments(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }
}
