package dev.supportevents.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads annotations through mirrors, never through {@code getAnnotation}: a mirror works for
 * elements of sources and of class files alike, and an unresolved class cannot crash it.
 */
final class Annotations {

  private Annotations() {}

  /** The annotation named {@code qualifiedName} on {@code element}, or {@code null}. */
  static @Nullable AnnotationMirror mirror(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The value given to {@code member}, or {@code null} if it keeps its default. */
  static @Nullable AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * The values of an array member, each a {@code TypeMirror} for a class literal. javac gives a
   * class that does not resolve as the string {@code "<error>"} or an error type instead.
   */
  static List<? extends AnnotationValue> values(AnnotationMirror mirror, String member) {
    AnnotationValue value = value(mirror, member);
    if (value == null) {
      return List.of();
    }
    if (value.getValue() instanceof List<?> list) {
      return list.stream().map(AnnotationValue.class::cast).toList();
    }
    return List.of(value);
  }
}
