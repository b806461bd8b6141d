package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the processor knows of one record's components: the same whether it reads the record from
 * source or from a class file, on every JDK. The emit methods and the tracking plan are made from
 * it.
 *
 * @param element the record
 * @param components its components, in order
 */
record RecordShape(TypeElement element, List<Component> components) {

  /**
   * One component.
   *
   * @param name its name
   * @param type its type, as javac gives it; its annotations are in {@code typeUses}, never here
   * @param typeUses the type-use annotations of its type
   * @param nullable whether it may be null: an annotation named {@code Nullable} stands on its
   *     type, on it, on its accessor or on its constructor parameter
   * @param parameterAnnotations the declaration annotations named {@code Nullable} of the canonical
   *     constructor's parameter that its type does not carry, for the emit parameter
   */
  record Component(
      String name,
      TypeMirror type,
      TypeUses typeUses,
      boolean nullable,
      List<AnnotationSpec> parameterAnnotations) {}

  /** The record's canonical name. */
  String name() {
    return element.getQualifiedName().toString();
  }

  /** The names of the components, in order. */
  List<String> componentNames() {
    return components.stream().map(Component::name).toList();
  }

  /** Whether any component's type carries a type-use annotation. */
  boolean hasTypeUses() {
    return components.stream().anyMatch(component -> !component.typeUses().isEmpty());
  }
}
