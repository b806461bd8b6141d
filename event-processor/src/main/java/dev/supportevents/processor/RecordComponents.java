package dev.supportevents.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** The canonical constructor of a record, and which annotations mark a component nullable. */
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
