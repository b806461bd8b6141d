package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found in one round, each attached to its element and, where the element carries it,
 * to its {@code @SupportEvent} or {@code @SupportEventCatalog} annotation. Nothing is generated
 * for a package with an error.
 */
final class ValidationReport {

  private record Item(Element element, AnnotationMirror annotation, String text) {}

  private record Location(Element element, AnnotationMirror annotation) {}

  private final List<Item> items;

  /** Where every error goes instead of its own element, or {@code null}. */
  private final Location redirect;

  ValidationReport() {
    this(new ArrayList<>(), null);
  }

  private ValidationReport(List<Item> items, Location redirect) {
    this.items = items;
    this.redirect = redirect;
  }

  /**
   * A view of this report that puts every error on {@code element} and {@code annotation}: the
   * records of a catalog read from a class file have no source line, the declaration that asked
   * for them does.
   */
  ValidationReport redirectedTo(Element element, AnnotationMirror annotation) {
    return new ValidationReport(items, new Location(element, annotation));
  }

  /**
   * Reports {@code message}, its placeholders filled with {@code arguments}, on {@code element},
   * at its support-events annotation if it has one.
   */
  void error(Element element, Message message, Map<String, ?> arguments) {
    Location at = redirect != null ? redirect : new Location(element, annotationOn(element));
    items.add(new Item(at.element(), at.annotation(), message.format(arguments)));
  }

  /**
   * The annotation an error on {@code element} points at: its {@code @SupportEvent} or
   * {@code @SupportEventCatalog}, or {@code null} if it has neither.
   */
  static AnnotationMirror annotationOn(Element element) {
    AnnotationMirror annotation = SupportEventAnnotation.mirrorOn(element);
    return annotation != null ? annotation : CatalogAnnotation.mirrorOn(element);
  }

  /** Prints every error collected, then forgets them. */
  void printTo(Messager messager) {
    for (Item item : items) {
      messager.printMessage(Diagnostic.Kind.ERROR, item.text(), item.element(), item.annotation());
    }
    items.clear();
  }
}
