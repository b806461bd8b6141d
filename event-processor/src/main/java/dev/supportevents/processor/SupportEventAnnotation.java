package dev.supportevents.processor;

import dev.supportevents.annotations.SupportEvent;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads {@code @SupportEvent} from elements through mirrors, so a broken class path cannot crash it. */
final class SupportEventAnnotation {

  static final String NAME = SupportEvent.class.getCanonicalName();

  private SupportEventAnnotation() {}

  /** The {@code @SupportEvent} mirror on {@code element}, or {@code null}. */
  static AnnotationMirror mirrorOn(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(NAME)) {
        return mirror;
      }
    }
    return null;
  }

  /** The wire name given in {@code @SupportEvent("...")}, or an empty string. */
  static String wireName(Element element) {
    AnnotationMirror mirror = mirrorOn(element);
    if (mirror == null) {
      return "";
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")
          && entry.getValue().getValue() instanceof String value) {
        return value;
      }
    }
    return "";
  }
}
