package dev.supportevents.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/** A string literal of generated code that may be longer than a line. */
final class LongLiteral {

  /** The longest piece of a long string literal: with its quotes and indent, it fits a line. */
  private static final int PIECE = 64;

  private LongLiteral() {}

  /**
   * {@code text} as a string literal, or, if it is long, as a sum of shorter ones that the line
   * wrapper can break at 100 columns; javac joins them into one constant again.
   */
  static CodeBlock of(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > PIECE) {
      int space = text.lastIndexOf(' ', start + PIECE - 1);
      int end = space > start ? space + 1 : start + PIECE;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(CodeBlock.of("$S", text.substring(start, end)));
      start = end;
    }
    pieces.add(CodeBlock.of("$S", text.substring(start)));
    return CodeBlock.join(pieces, "$W+ ");
  }
}
