package dev.supportevents.processor;

import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** What the emit methods and the tracking plan both need to know of a record's components. */
final class RecordComponents {

  private final Types types;

  RecordComponents(Types types) {
    this.types = types;
  }

  /** The constructor whose parameters are the record's components; javac always declares one. */
  ExecutableElement canonicalConstructor(TypeElement record) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(record.getEnclosedElements())) {
      if (isCanonical(constructor, components)) {
        return constructor;
      }
    }
    throw new IllegalStateException("no canonical constructor in " + record);
  }

  /**
   * Whether {@code component} may be null: it, its accessor, its constructor {@code parameter} or
   * its type carries an annotation named {@code Nullable}. javac copies a component's annotations
   * to the members their {@code @Target} allows, so all of them are looked at. Type-use
   * annotations of a record read from a class file are visible from JDK 22 on only.
   */
  static boolean isNullable(RecordComponentElement component, VariableElement parameter) {
    return Stream.of(component.getAnnotationMirrors(),
            component.getAccessor().getAnnotationMirrors(), parameter.getAnnotationMirrors(),
            component.asType().getAnnotationMirrors())
        .flatMap(List::stream)
        .anyMatch(RecordComponents::isNullable);
  }

  /** Any annotation named {@code Nullable} counts: JSpecify's, JetBrains', a team's own. */
  static boolean isNullable(AnnotationMirror annotation) {
    return annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable");
  }

  private boolean isCanonical(
      ExecutableElement constructor, List<? extends RecordComponentElement> components) {
    if (constructor.getParameters().size() != components.size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!types.isSameType(
          constructor.getParameters().get(i).asType(), components.get(i).asType())) {
        return false;
      }
    }
    return true;
  }
}
