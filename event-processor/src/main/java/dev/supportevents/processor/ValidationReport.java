package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found in one round, each attached to its element and, where the element carries it,
 * to its {@code @SupportEvent} annotation. Nothing is generated for a package with an error.
 */
final class ValidationReport {

  private record Item(Element element, AnnotationMirror annotation, String text) {}

  private final List<Item> items = new ArrayList<>();

  /** Reports {@code message} on {@code element}, at its {@code @SupportEvent} if it has one. */
  void error(Element element, Message message, Object... arguments) {
    items.add(new Item(element, SupportEventAnnotation.mirrorOn(element), message.format(arguments)));
  }

  /** Prints every error collected, then forgets them. */
  void printTo(Messager messager) {
    for (Item item : items) {
      messager.printMessage(Diagnostic.Kind.ERROR, item.text(), item.element(), item.annotation());
    }
    items.clear();
  }
}
