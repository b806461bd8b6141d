package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the comments of a generated source at {@value #WIDTH} columns, as they would be written by
 * hand: JavaPoet writes each javadoc paragraph on one line. A line breaks at a space, never inside
 * an inline tag such as {@code {@link Type#method(A, B)}}, and never inside {@code <pre>}; a block
 * tag's continuation lines are indented four more spaces. Code is left as JavaPoet writes it.
 */
final class CommentWrapper {

  static final int WIDTH = 100;

  private static final String TAG_CONTINUATION = "    ";

  private CommentWrapper() {}

  /** {@code source} with every comment line longer than {@link #WIDTH} wrapped. */
  static String wrap(String source) {
    StringBuilder out = new StringBuilder(source.length());
    boolean inPre = false;
    for (String line : source.split("\n", -1)) {
      String trimmed = line.stripLeading();
      boolean comment = trimmed.startsWith("* ") || trimmed.startsWith("// ");
      if (comment && line.contains("<pre>")) {
        inPre = true;
      }
      if (comment && !inPre && line.length() > WIDTH) {
        wrapLine(line, out);
      } else {
        out.append(line).append('\n');
      }
      if (line.contains("</pre>")) {
        inPre = false;
      }
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /** Appends {@code line}, a comment line, as lines of at most {@link #WIDTH} where it can. */
  private static void wrapLine(String line, StringBuilder out) {
    int textStart = line.indexOf(line.stripLeading().startsWith("*") ? "* " : "// ") + 2;
    if (line.stripLeading().startsWith("//")) {
      textStart++;
    }
    String prefix = line.substring(0, textStart);
    String text = line.substring(textStart);
    String continuation = prefix + (text.startsWith("@") ? TAG_CONTINUATION : "");
    List<String> words = words(text);
    StringBuilder current = new StringBuilder(prefix);
    boolean empty = true;
    for (String word : words) {
      if (!empty && current.length() + 1 + word.length() > WIDTH) {
        out.append(current).append('\n');
        current = new StringBuilder(continuation);
        empty = true;
      }
      if (!empty) {
        current.append(' ');
      }
      current.append(word);
      empty = false;
    }
    out.append(current).append('\n');
  }

  /** The text's words: split at spaces outside inline tags, which stay whole. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ' ' && depth == 0) {
        if (i > start) {
          words.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      words.add(text.substring(start));
    }
    return words;
  }
}
