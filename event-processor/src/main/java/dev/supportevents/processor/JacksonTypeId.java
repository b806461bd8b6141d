package dev.supportevents.processor;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Jackson's {@code @JsonTypeInfo} on a record or a sealed interface, or on a type they extend,
 * where it makes Jackson write a type id beside a record's components: the wire form has none, so
 * the tracking plan rejects such a value and the TypeScript declarations do not describe it.
 *
 * <p>{@code use = NONE} and {@code use = DEDUCTION} write no id, and {@code include =
 * EXISTING_PROPERTY} takes the id from a component; every other setting adds one (a property, a
 * wrapper object or array, or a property of the enclosing object).
 *
 * @param holder the type that carries the annotation
 * @param annotation the annotation
 * @param use the name of its {@code use} constant, such as {@code NAME}
 */
record JacksonTypeId(TypeElement holder, AnnotationMirror annotation, String use) {

  /** By name: the processor runs without Jackson. */
  static final String JSON_TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";

  /**
   * The {@code @JsonTypeInfo} that Jackson applies to a value of {@code type}, if it writes a type
   * id: the first one on {@code type} or its supertypes, nearest first, as Jackson finds it.
   */
  static Optional<JacksonTypeId> of(TypeElement type, Types types) {
    Queue<TypeElement> pending = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      TypeElement next = pending.remove();
      if (!seen.add(next)) {
        continue;
      }
      AnnotationMirror annotation = Annotations.mirror(next, JSON_TYPE_INFO);
      if (annotation != null) {
        String use = constant(annotation, "use", "NONE");
        String include = constant(annotation, "include", "PROPERTY");
        boolean writesId =
            !use.equals("NONE") && !use.equals("DEDUCTION") && !include.equals("EXISTING_PROPERTY");
        return writesId ? Optional.of(new JacksonTypeId(next, annotation, use)) : Optional.empty();
      }
      addSupertype(next.getSuperclass(), types, pending);
      next.getInterfaces().forEach(supertype -> addSupertype(supertype, types, pending));
    }
    return Optional.empty();
  }

  private static void addSupertype(TypeMirror supertype, Types types, Queue<TypeElement> pending) {
    if (supertype.getKind() == TypeKind.DECLARED) {
      pending.add((TypeElement) types.asElement((DeclaredType) supertype));
    }
  }

  /** The name of the enum constant given to {@code member}, or {@code byDefault}. */
  private static String constant(AnnotationMirror annotation, String member, String byDefault) {
    AnnotationValue value = Annotations.value(annotation, member);
    return value != null && value.getValue() instanceof VariableElement constant
        ? constant.getSimpleName().toString()
        : byDefault;
  }
}
