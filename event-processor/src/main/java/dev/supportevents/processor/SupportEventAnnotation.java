package dev.supportevents.processor;

import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code @SupportEvent} from elements through mirrors, so a broken class path cannot crash
 * it.
 */
final class SupportEventAnnotation {

  /** By name: the processor runs without the annotations on its own class path. */
  static final String NAME = "dev.supportevents.annotations.SupportEvent";

  private SupportEventAnnotation() {}

  /** The {@code @SupportEvent} mirror on {@code element}, or {@code null}. */
  static @Nullable AnnotationMirror mirrorOn(Element element) {
    return Annotations.mirror(element, NAME);
  }

  /** The wire name given in {@code @SupportEvent("...")}, or an empty string. */
  static String wireName(Element element) {
    return member(element, "value") instanceof String value ? value : "";
  }

  /** Whether {@code @SupportEvent(replayLatest = true)} asks the hub to keep the latest event. */
  static boolean replayLatest(Element element) {
    return member(element, "replayLatest") instanceof Boolean replay && replay;
  }

  /** The members given on {@code @SupportEvent}, as written: {@code replayLatest = true}. */
  static String givenMembers(Element element) {
    AnnotationMirror mirror = mirrorOn(element);
    if (mirror == null) {
      return "";
    }
    return mirror.getElementValues().entrySet().stream()
        .map(entry -> entry.getKey().getSimpleName() + " = " + entry.getValue())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static @Nullable Object member(Element element, String name) {
    AnnotationMirror mirror = mirrorOn(element);
    AnnotationValue value = mirror == null ? null : Annotations.value(mirror, name);
    return value == null ? null : value.getValue();
  }
}
