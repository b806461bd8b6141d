package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code @SupportEventIndex} of a generated {@code SupportEventType} records, read through
 * mirrors from its class file (or from its source, when this compilation generated it).
 *
 * @param events the event records, one class literal each, in the catalog's order
 * @param wireNames the events' wire names in the same order; empty in an index that predates them
 * @param replayLatest the canonical names of the events kept for replay
 * @param components the components recorded for each record, by the record's canonical name
 */
record CatalogIndex(
    List<? extends AnnotationValue> events,
    List<String> wireNames,
    Set<String> replayLatest,
    Map<String, RecordedComponents> components) {

  /**
   * The components of one record as they were when the index was written.
   *
   * @param names their names, in order
   * @param typeUses the type-use annotations of each, by component name
   */
  record RecordedComponents(List<String> names, Map<String, TypeUses> typeUses) {

    /** The type-use annotations of the component {@code name}; none if it had none. */
    TypeUses of(String name) {
      return typeUses.getOrDefault(name, TypeUses.NONE);
    }
  }

  /** The index on {@code eventType}, or {@code null} if it has none. */
  static @Nullable CatalogIndex on(Element eventType, Elements elements) {
    AnnotationMirror index = CatalogAnnotation.indexOn(eventType);
    if (index == null) {
      return null;
    }
    List<String> wireNames = new ArrayList<>();
    for (AnnotationValue value : Annotations.values(index, "wireNames")) {
      wireNames.add(String.valueOf(value.getValue()));
    }
    Set<String> replayLatest = new HashSet<>();
    for (AnnotationValue value : Annotations.values(index, "replayLatest")) {
      String record = recordName(value);
      if (record != null) {
        replayLatest.add(record);
      }
    }
    Map<String, RecordedComponents> components = new LinkedHashMap<>();
    for (AnnotationValue value : Annotations.values(index, "components")) {
      AnnotationMirror entry = (AnnotationMirror) value.getValue();
      String record = recordName(Annotations.value(entry, "of"));
      if (record != null) {
        components.put(record, recordedComponents(entry, elements));
      }
    }
    return new CatalogIndex(
        CatalogAnnotation.indexedEvents(index),
        List.copyOf(wireNames),
        Set.copyOf(replayLatest),
        components);
  }

  /** The wire name recorded for the event at {@code position}, or {@code null} if none was. */
  @Nullable String wireName(int position) {
    return position < wireNames.size() ? wireNames.get(position) : null;
  }

  private static RecordedComponents recordedComponents(AnnotationMirror entry, Elements elements) {
    List<String> names = new ArrayList<>();
    for (AnnotationValue name : Annotations.values(entry, "names")) {
      names.add(String.valueOf(name.getValue()));
    }
    Map<String, Map<String, List<TypeUses.Annotation>>> byComponent = new LinkedHashMap<>();
    for (AnnotationValue value : Annotations.values(entry, "typeUses")) {
      AnnotationMirror use = (AnnotationMirror) value.getValue();
      String component = stringOf(use, "component");
      String path = stringOf(use, "path");
      byComponent
          .computeIfAbsent(component, unused -> new LinkedHashMap<>())
          .computeIfAbsent(path, unused -> new ArrayList<>())
          .add(annotation(use, elements));
    }
    Map<String, TypeUses> typeUses = new LinkedHashMap<>();
    byComponent.forEach((component, byPath) -> typeUses.put(component, new TypeUses(byPath)));
    return new RecordedComponents(List.copyOf(names), typeUses);
  }

  private static TypeUses.Annotation annotation(AnnotationMirror use, Elements elements) {
    String name = stringOf(use, "annotation");
    TypeElement type = elements.getTypeElement(name);
    Map<String, String> members = new LinkedHashMap<>();
    List<? extends AnnotationValue> values = Annotations.values(use, "members");
    for (int i = 0; i + 1 < values.size(); i += 2) {
      members.put(
          String.valueOf(values.get(i).getValue()), String.valueOf(values.get(i + 1).getValue()));
    }
    return new TypeUses.Annotation(name, type == null ? null : ClassName.get(type), members);
  }

  /** A string member, or the empty string if it keeps its default. */
  private static String stringOf(AnnotationMirror mirror, String member) {
    AnnotationValue value = Annotations.value(mirror, member);
    return value == null ? "" : String.valueOf(value.getValue());
  }

  /** The canonical name of the record a class literal names, or {@code null} if it resolves not. */
  private static @Nullable String recordName(AnnotationValue value) {
    if (value != null
        && value.getValue() instanceof DeclaredType type
        && type.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) type.asElement()).getQualifiedName().toString();
    }
    return null;
  }
}
