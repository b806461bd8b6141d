package dev.supportevents.example.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Markdown page of the documentation, read the way GitHub renders it: its fenced code blocks,
 * its links, and the anchors its headings give.
 *
 * @param root the root of the repository
 * @param path the page, relative to {@code root}
 * @param lines the page's lines
 */
record MarkdownPage(Path root, Path path, List<String> lines) {

  private static final Pattern FENCE = Pattern.compile("^( *)(```+|~~~+)\\s*([\\w+-]*)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*(.*?)\\s*-->\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern LINK =
      Pattern.compile(
          "!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]"
              + "\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE =
      Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s.*)?$");
  private static final Pattern HTML_LINK =
      Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  /**
   * A fenced code block.
   *
   * @param language what follows the opening fence: {@code java}, {@code sh}, ...
   * @param line the line of the opening fence, counted from 1
   * @param text the block's lines, without the fences and the fences' indentation
   * @param marker what a {@code <!-- snippet: ... -->} comment on the line before says, if any
   * @param introduction the last line of prose before the block
   */
  record CodeBlock(
      String language, int line, String text, Optional<String> marker, String introduction) {

    /** The line of the page that holds line {@code index} (from 0) of the block. */
    int pageLine(int index) {
      return line + 1 + index;
    }
  }

  /**
   * A link to a file or an anchor of the repository.
   *
   * @param target as written: {@code ../README.md#quick-start}, {@code #the-union-type}
   * @param line where it is, counted from 1
   */
  record Link(String target, int line) {}

  /** Every page of the documentation: the Markdown files at the root and under {@code docs/}. */
  static List<MarkdownPage> all(Path root) {
    List<MarkdownPage> pages = new ArrayList<>();
    try (Stream<Path> top = Files.list(root);
        Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      Stream.concat(top, docs)
          .filter(
              file -> file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file))
          .sorted()
          .forEach(file -> pages.add(read(root, root.relativize(file))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** The page at {@code path}, relative to {@code root}. */
  static MarkdownPage read(Path root, Path path) {
    try {
      return new MarkdownPage(
          root,
          path,
          Files.readString(root.resolve(path), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The root of the repository: the nearest directory above the working one with a README. */
  static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(directory.resolve("README.md"))
        || !Files.isDirectory(directory.resolve("docs"))) {
      directory = directory.getParent();
      if (directory == null) {
        throw new IllegalStateException(
            "no README.md and docs/ above " + Path.of("").toAbsolutePath());
      }
    }
    return directory;
  }

  /** Every fenced code block, in order. */
  List<CodeBlock> codeBlocks() {
    List<CodeBlock> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      int start = i;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !isClosing(lines.get(i), fence); i++) {
        String line = lines.get(i);
        text.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
            .append('\n');
      }
      String before = previousNonBlank(start);
      Matcher marker = MARKER.matcher(before);
      String introduction = marker.matches() ? previousNonBlank(lineIndex(before, start)) : before;
      blocks.add(
          new CodeBlock(
              open.group(3).toLowerCase(Locale.ROOT),
              start + 1,
              text.toString(),
              marker.matches() ? Optional.of(marker.group(1)) : Optional.empty(),
              introduction.strip()));
    }
    return blocks;
  }

  /** Every link of the page outside code, in order. */
  List<Link> links() {
    List<Link> links = new ArrayList<>();
    List<String> prose = prose();
    for (int i = 0; i < prose.size(); i++) {
      String line = INLINE_CODE.matcher(prose.get(i)).replaceAll("");
      for (Pattern pattern : List.of(LINK, HTML_LINK)) {
        Matcher link = pattern.matcher(line);
        while (link.find()) {
          links.add(new Link(link.group(1), i + 1));
        }
      }
      Matcher reference = REFERENCE.matcher(line);
      if (reference.matches()) {
        links.add(new Link(reference.group(1), i + 1));
      }
    }
    return links;
  }

  /**
   * The anchors a link may name: each heading's, as GitHub derives it (lower case, punctuation
   * dropped, spaces as hyphens, {@code -1}, {@code -2} for repeats), and each {@code <a id>}.
   */
  Set<String> anchors() {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose()) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int repeats = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
    }
    return anchors;
  }

  /** GitHub's anchor of a heading's text. */
  static String slug(String heading) {
    String text =
        heading
            .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replaceAll("<[^>]+>", "")
            .replace("`", "");
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("(?U)[^\\w\\- ]", "").replace(' ', '-');
  }

  @Override
  public String toString() {
    return path.toString().replace('\\', '/');
  }

  /** The page's lines with those of code blocks blanked out, so that line numbers stay. */
  private List<String> prose() {
    List<String> prose = new ArrayList<>(lines);
    for (int i = 0; i < prose.size(); i++) {
      Matcher open = FENCE.matcher(prose.get(i));
      if (open.matches()) {
        String fence = open.group(2);
        prose.set(i, "");
        for (i++; i < prose.size() && !isClosing(prose.get(i), fence); i++) {
          prose.set(i, "");
        }
        if (i < prose.size()) {
          prose.set(i, "");
        }
      }
    }
    return prose;
  }

  private static boolean isClosing(String line, String fence) {
    String stripped = line.strip();
    return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
  }

  private String previousNonBlank(int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "";
  }

  private int lineIndex(String line, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (lines.get(i).equals(line)) {
        return i;
      }
    }
    return 0;
  }
}
