package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.SimpleTypeVisitor14;

/**
 * Turns a component's type into JavaPoet with its type-use annotations at every level, so that
 * {@code List<@Nullable String>} stays that on the emit method ({@code TypeName.get} drops them).
 */
final class TypeNames {

  private static final SimpleTypeVisitor14<TypeName, Void> ANNOTATED =
      new SimpleTypeVisitor14<>() {
        /** Primitives: JavaPoet's own name, plus the annotations. */
        @Override
        protected TypeName defaultAction(TypeMirror type, Void unused) {
          return annotated(TypeName.get(type), type);
        }

        @Override
        public TypeName visitArray(ArrayType type, Void unused) {
          return annotated(ArrayTypeName.of(type.getComponentType().accept(this, null)), type);
        }

        @Override
        public TypeName visitDeclared(DeclaredType type, Void unused) {
          TypeName[] arguments = type.getTypeArguments().stream()
              .map(argument -> argument.accept(this, null))
              .toArray(TypeName[]::new);
          TypeElement element = (TypeElement) type.asElement();
          // An inner class of a generic class, Outer<String>.Inner, keeps its outer's arguments.
          if (type.getEnclosingType() instanceof DeclaredType outer
              && outer.accept(this, null) instanceof ParameterizedTypeName generic) {
            return annotated(
                generic.nestedClass(element.getSimpleName().toString(), List.of(arguments)), type);
          }
          ClassName raw = ClassName.get(element);
          return annotated(
              arguments.length == 0 ? raw : ParameterizedTypeName.get(raw, arguments), type);
        }

        @Override
        public TypeName visitWildcard(WildcardType type, Void unused) {
          TypeMirror upper = type.getExtendsBound();
          TypeMirror lower = type.getSuperBound();
          WildcardTypeName wildcard = lower != null
              ? WildcardTypeName.supertypeOf(lower.accept(this, null))
              : WildcardTypeName.subtypeOf(upper == null ? ClassName.OBJECT : upper.accept(this, null));
          return annotated(wildcard, type);
        }
      };

  private TypeNames() {}

  /** {@code type} as JavaPoet writes it, type-use annotations kept. */
  static TypeName of(TypeMirror type) {
    return type.accept(ANNOTATED, null);
  }

  private static TypeName annotated(TypeName name, TypeMirror type) {
    List<AnnotationSpec> annotations =
        type.getAnnotationMirrors().stream().map(AnnotationSpec::get).toList();
    return annotations.isEmpty() ? name : name.annotated(annotations);
  }
}
