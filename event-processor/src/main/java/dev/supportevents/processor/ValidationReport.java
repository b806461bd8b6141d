package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * The errors found about one subject element, a package, a record, a catalog declaration, with the
 * reports about the elements checked for it, in the manner of Dagger's {@code ValidationReport}.
 * Each error is attached to its element and, where the element carries it, to its
 * {@code @SupportEvent} or {@code @SupportEventCatalog} annotation. A caller asks {@link
 * #isClean()} instead of keeping its own flag; nothing is generated for a package whose report is
 * not clean.
 */
final class ValidationReport {

  /** An error, or a child report, in the order they came: printed in that order. */
  private sealed interface Entry {}

  private record Item(Element element, @Nullable AnnotationMirror annotation, String text)
      implements Entry {}

  private record Child(ValidationReport report) implements Entry {}

  private record Location(Element element, @Nullable AnnotationMirror annotation) {}

  private final Element subject;

  private final List<Entry> entries = new ArrayList<>();

  /** Where every error of this report and its children goes instead of its own, or {@code null}. */
  private final @Nullable Location redirect;

  private ValidationReport(Element subject, @Nullable Location redirect) {
    this.subject = subject;
    this.redirect = redirect;
  }

  /** A new report about {@code subject}. */
  static ValidationReport about(Element subject) {
    return new ValidationReport(subject, null);
  }

  /** The element this report is about. */
  Element subject() {
    return subject;
  }

  /**
   * A report about {@code child}, an element checked for this report's subject: its errors count in
   * {@link #isClean()} and print with this report's, where they came.
   */
  ValidationReport child(Element child) {
    ValidationReport report = new ValidationReport(child, redirect);
    entries.add(new Child(report));
    return report;
  }

  /**
   * A child report about {@code element} that puts every error, its children's too, on {@code
   * element} and {@code annotation}: the records of a catalog read from a class file have no source
   * line, the declaration that asked for them does.
   */
  ValidationReport redirectedTo(Element element, @Nullable AnnotationMirror annotation) {
    ValidationReport report = new ValidationReport(element, new Location(element, annotation));
    entries.add(new Child(report));
    return report;
  }

  /**
   * Reports {@code message}, its placeholders filled with {@code arguments}, on {@code element}, at
   * its support-events annotation if it has one.
   */
  void error(Element element, Message message, Map<String, ?> arguments) {
    Location at = redirect != null ? redirect : new Location(element, annotationOn(element));
    entries.add(new Item(at.element(), at.annotation(), message.format(arguments)));
  }

  /**
   * Reports that the processor failed on {@code element}, a bug of its own, with what a bug report
   * needs, instead of letting javac print a stack trace.
   */
  void crash(Element element, Throwable crash) {
    ProcessorBuild build = ProcessorBuild.current();
    error(
        element,
        Message.PROCESSOR_BUG,
        Map.of(
            "element", element,
            "issues", build.issues(),
            "version", build.version(),
            "jdk", Runtime.version(),
            "crash", CrashReport.of(crash)));
  }

  /** Whether neither this report nor any of its children holds an error. */
  boolean isClean() {
    for (Entry entry : entries) {
      if (!(entry instanceof Child child) || !child.report().isClean()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The annotation an error on {@code element} points at: its {@code @SupportEvent} or
   * {@code @SupportEventCatalog}, or {@code null} if it has neither.
   */
  static @Nullable AnnotationMirror annotationOn(Element element) {
    AnnotationMirror annotation = SupportEventAnnotation.mirrorOn(element);
    return annotation != null ? annotation : CatalogAnnotation.mirrorOn(element);
  }

  /** Prints every error of this report and of its children, in the order they came. */
  void printTo(Messager messager) {
    for (Entry entry : entries) {
      if (entry instanceof Item item) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, item.text(), item.element(), item.annotation());
      } else if (entry instanceof Child child) {
        child.report().printTo(messager);
      }
    }
  }
}
