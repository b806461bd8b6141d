package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The width of generated code: no line of a generated source is longer than {@value
 * CommentWrapper#WIDTH} columns, code as well as comments, as a hand-written file.
 */
final class GeneratedLines {

  private GeneratedLines() {}

  /** The lines too long of every source that {@code compilation} generated, as file:line: text. */
  static List<String> tooLong(Compilation compilation) {
    List<String> tooLong = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      tooLong.addAll(tooLong(file.getName(), text(file)));
    }
    return tooLong;
  }

  /** The lines of {@code source} longer than {@value CommentWrapper#WIDTH} columns. */
  static List<String> tooLong(String name, String source) {
    List<String> tooLong = new ArrayList<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.codePointCount(0, line.length()) > CommentWrapper.WIDTH) {
        tooLong.add(name.replaceFirst(".*/SOURCE_OUTPUT/", "") + ":" + (i + 1) + ": " + line);
      }
    }
    return tooLong;
  }

  /**
   * Fails if a source that {@code compilation} generated has a line that is too long. Nothing to
   * check if it failed, which leaves its generated files out of reach, nor while golden files are
   * rewritten, a run that fails anyway and must reach every golden check first.
   */
  static void assertWithinWidth(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS || GoldenFiles.UPDATE) {
      return;
    }
    assertWithMessage("generated lines longer than %s columns", CommentWrapper.WIDTH)
        .that(tooLong(compilation))
        .isEmpty();
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
