package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Set;

/**
 * One component of an event record: a parameter of its emit method.
 *
 * @param name the component's name
 * @param type its type, with its type-use annotations
 * @param nullable whether it carries an annotation named {@code Nullable}
 * @param declarationAnnotations the declaration annotations named {@code Nullable} that the
 *     canonical constructor's parameter has and its type does not, for the emit parameter
 */
record EventComponent(
    String name, TypeName type, boolean nullable, List<AnnotationSpec> declarationAnnotations) {

  private static final Set<String> OPTIONALS =
      Set.of(
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble");

  /**
   * Whether the emit methods refuse a null for it: a reference that is neither {@code @Nullable}
   * nor an {@code Optional}, the components that the tracking plan requires.
   */
  boolean nullChecked() {
    return !type.isPrimitive() && !nullable && !isOptional();
  }

  /** {@code Optional}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}. */
  private boolean isOptional() {
    TypeName bare = type.withoutAnnotations();
    TypeName raw =
        bare instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : bare;
    return raw instanceof ClassName className && OPTIONALS.contains(className.canonicalName());
  }
}
