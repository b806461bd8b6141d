package dev.supportevents.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.SimpleTypeVisitor14;

/**
 * Finds component types that do not resolve yet, such as a type another annotation processor
 * generates in a later round, and annotations on them that do not. Such an event waits for the
 * next round, as AutoValue's do.
 */
final class TypeResolution {

  private static final SimpleTypeVisitor14<Boolean, Void> UNRESOLVED =
      new SimpleTypeVisitor14<>() {
        /** Primitives and the rest: only their annotations can be unresolved. */
        @Override
        protected Boolean defaultAction(TypeMirror type, Void unused) {
          return hasUnresolved(type.getAnnotationMirrors());
        }

        @Override
        public Boolean visitError(ErrorType type, Void unused) {
          return true;
        }

        @Override
        public Boolean visitDeclared(DeclaredType type, Void unused) {
          return defaultAction(type, null)
              || type.getTypeArguments().stream().anyMatch(argument -> argument.accept(this, null))
              || type.getEnclosingType().accept(this, null);
        }

        @Override
        public Boolean visitArray(ArrayType type, Void unused) {
          return defaultAction(type, null) || type.getComponentType().accept(this, null);
        }

        @Override
        public Boolean visitWildcard(WildcardType type, Void unused) {
          return defaultAction(type, null)
              || isUnresolved(type.getExtendsBound())
              || isUnresolved(type.getSuperBound());
        }
      };

  private TypeResolution() {}

  /** Whether any component of {@code event} names a type that does not resolve yet. */
  static boolean waitsForTypes(TypeElement event) {
    for (RecordComponentElement component : event.getRecordComponents()) {
      if (isUnresolved(component.asType()) || hasUnresolved(component.getAnnotationMirrors())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnresolved(TypeMirror type) {
    return type != null && type.accept(UNRESOLVED, null);
  }

  private static boolean hasUnresolved(List<? extends AnnotationMirror> annotations) {
    return annotations.stream()
        .anyMatch(annotation -> annotation.getAnnotationType().getKind() == TypeKind.ERROR);
  }
}
