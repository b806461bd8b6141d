package dev.supportevents.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Locale;

/** How generated javadoc and messages write what they share: links to events, counts. */
final class Prose {

  private Prose() {}

  /** A javadoc {@code @link} to the event's record. */
  static CodeBlock link(EventModel event) {
    return CodeBlock.of("{@link $T}", event.className());
  }

  /** {@code "{@link AEvent}"}, or {@code "the events from {@link AEvent} to {@link ZEvent}"}. */
  static CodeBlock span(List<EventModel> events) {
    EventModel first = events.get(0);
    EventModel last = events.get(events.size() - 1);
    return first == last
        ? link(first)
        : CodeBlock.of("the events from $L to $L", link(first), link(last));
  }

  /** A count as prose writes it: {@code 2,049}. */
  static String count(int count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /**
   * The javadoc of a parameter {@code eventClass} of a method that takes the events of a class: of
   * one event, or of each event of a group or of the catalog.
   */
  static CodeBlock eventClassDoc(Catalog catalog) {
    CodeBlock classes =
        catalog.union() == null
            ? CodeBlock.of(
                "the record class of an event of $L, or {@code Record}, the class of every"
                    + " event",
                catalog.displayPackage())
            : CodeBlock.of(
                "the record class of an event of $L, or an interface its events implement,"
                    + " such as a sealed interface that {@link $T} permits: each of its events",
                catalog.displayPackage(),
                catalog.anyEvent());
    return CodeBlock.of("@param eventClass $L\n", classes);
  }

  /** The javadoc of the exception of a method that takes the events of a class. */
  static CodeBlock eventClassThrows(Catalog catalog) {
    return CodeBlock.of(
        "@throws IllegalArgumentException if no event of $L is an" + " {@code eventClass}\n",
        catalog.displayPackage());
  }
}
