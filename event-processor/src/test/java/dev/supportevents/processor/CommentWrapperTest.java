package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Comments of generated code wrapped at 100 columns, as by hand; code left alone. */
class CommentWrapperTest {

  private static final String LONG_SENTENCE =
      "Subscribes the listener to each event emitted from"
          + " now on, to run on the executor, one event at a time and in the order delivered.";

  @Test
  void wrapsAJavadocParagraphAtTheLastSpaceThatFits() {
    String wrapped = CommentWrapper.wrap("  /**\n   * " + LONG_SENTENCE + "\n   */");
    assertEquals(
        "  /**\n"
            + "   * Subscribes the listener to each event emitted from now on, to run on the executor,"
            + " one event at\n"
            + "   * a time and in the order delivered.\n"
            + "   */",
        wrapped);
    wrapped.lines().forEach(line -> assertTrue(line.length() <= 100, line));
  }

  @Test
  void indentsTheContinuationOfABlockTagAndKeepsInlineTagsWhole() {
    String line =
        "   * @param listener receives each {@link com.acme.widget.MessageSentEvent} and"
            + " each {@code ConversationStartEvent start} of the widget, in order";
    String wrapped = CommentWrapper.wrap(line);
    assertEquals(
        "   * @param listener receives each {@link com.acme.widget.MessageSentEvent} and"
            + " each\n"
            + "   *     {@code ConversationStartEvent start} of the widget, in order",
        wrapped);
  }

  @Test
  void leavesCodePreBlocksShortLinesAndUnbreakableWordsAsTheyAre() {
    String code =
        "    return this.delivery.subscribe(listener, executor, registration -> listen("
            + "registration, type, listener));";
    String pre = " * <pre>{@code\n * " + "x".repeat(60) + " " + "y".repeat(60) + "\n * }</pre>";
    String word = " * " + "z".repeat(120);
    String source = String.join("\n", code, pre, word, " * short", "");
    assertEquals(source, CommentWrapper.wrap(source));
  }

  /** A brace that closes nothing opens nothing either; spaces collapse, none trails. */
  @Test
  void splitsAfterAStrayBraceAndWritesOneSpaceBetweenWords() {
    String line = "   * } " + "word ".repeat(12) + " two  spaces  here " + "more ".repeat(8);
    String wrapped = CommentWrapper.wrap(line);
    assertEquals(
        "   * } "
            + "word ".repeat(12)
            + "two spaces here "
            + "more ".repeat(2)
            + "more\n   * "
            + "more ".repeat(4)
            + "more",
        wrapped);
  }

  @Test
  void wrapsALineCommentWithItsOwnPrefix() {
    String wrapped = CommentWrapper.wrap("// " + LONG_SENTENCE);
    assertEquals(
        "// Subscribes the listener to each event emitted from now on, to run on the"
            + " executor, one event at a\n"
            + "// time and in the order delivered.",
        wrapped);
    wrapped.lines().forEach(line -> assertTrue(line.length() <= 100, line));
  }
}
