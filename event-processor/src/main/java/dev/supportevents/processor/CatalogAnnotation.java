package dev.supportevents.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code @SupportEventCatalog} from a package or type, and the {@code @SupportEventIndex}
 * that generated {@code SupportEventType} enums carry, through mirrors.
 */
final class CatalogAnnotation {

  /** By name: the processor runs without the annotations on its own class path. */
  static final String NAME = "dev.supportevents.annotations.SupportEventCatalog";

  static final String INDEX_NAME = "dev.supportevents.annotations.SupportEventIndex";

  private CatalogAnnotation() {}

  /** The {@code @SupportEventCatalog} mirror on {@code element}, or {@code null}. */
  static @Nullable AnnotationMirror mirrorOn(Element element) {
    return Annotations.mirror(element, NAME);
  }

  /** The catalogs that {@code declaration} extends, one value per class literal. */
  static List<? extends AnnotationValue> extend(Element declaration) {
    AnnotationMirror mirror = mirrorOn(declaration);
    return mirror == null ? List.of() : Annotations.values(mirror, "extend");
  }

  /** The {@code @SupportEventIndex} mirror on a generated enum, or {@code null}. */
  static @Nullable AnnotationMirror indexOn(Element eventType) {
    return Annotations.mirror(eventType, INDEX_NAME);
  }

  /** The event records an index names, one value per class literal. */
  static List<? extends AnnotationValue> indexedEvents(AnnotationMirror index) {
    return Annotations.values(index, "events");
  }
}
