package dev.supportevents.processor;

import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.SimpleTypeVisitor14;

/**
 * Finds component types that do not resolve yet, such as a type another annotation processor
 * generates in a later round. Such an event waits for the next round, as AutoValue's do.
 */
final class TypeResolution {

  private static final SimpleTypeVisitor14<Boolean, Void> UNRESOLVED =
      new SimpleTypeVisitor14<>(false) {
        @Override
        public Boolean visitError(ErrorType type, Void unused) {
          return true;
        }

        @Override
        public Boolean visitDeclared(DeclaredType type, Void unused) {
          return type.getTypeArguments().stream().anyMatch(argument -> argument.accept(this, null))
              || type.getEnclosingType().accept(this, null);
        }

        @Override
        public Boolean visitArray(ArrayType type, Void unused) {
          return type.getComponentType().accept(this, null);
        }

        @Override
        public Boolean visitWildcard(WildcardType type, Void unused) {
          return isUnresolved(type.getExtendsBound()) || isUnresolved(type.getSuperBound());
        }
      };

  private TypeResolution() {}

  /** Whether any component of {@code event} names a type that does not resolve yet. */
  static boolean waitsForTypes(TypeElement event) {
    for (RecordComponentElement component : event.getRecordComponents()) {
      if (isUnresolved(component.asType())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnresolved(TypeMirror type) {
    return type != null && type.accept(UNRESOLVED, null);
  }
}
