package dev.supportevents.processor;

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
 * The annotations come from the component's {@link TypeUses}, never from the mirror, which carries
 * none for a record read from a class file before JDK 22.
 */
final class TypeNames {

  private static final SimpleTypeVisitor14<TypeName, TypeUses> ANNOTATED =
      new SimpleTypeVisitor14<>() {
        /** Primitives: JavaPoet's own name, plus the annotations. */
        @Override
        protected TypeName defaultAction(TypeMirror type, TypeUses uses) {
          return annotated(TypeName.get(type), uses);
        }

        @Override
        public TypeName visitArray(ArrayType type, TypeUses uses) {
          TypeName component = type.getComponentType().accept(this, uses.at(TypeUses.ARRAY));
          return annotated(ArrayTypeName.of(component), uses);
        }

        @Override
        public TypeName visitDeclared(DeclaredType type, TypeUses uses) {
          List<? extends TypeMirror> typeArguments = type.getTypeArguments();
          TypeName[] arguments = new TypeName[typeArguments.size()];
          for (int i = 0; i < arguments.length; i++) {
            arguments[i] = typeArguments.get(i).accept(this, uses.at(TypeUses.argument(i)));
          }
          TypeElement element = (TypeElement) type.asElement();
          // An inner class of a generic class, Outer<String>.Inner, keeps its outer's arguments.
          if (type.getEnclosingType() instanceof DeclaredType outer
              && outer.accept(this, uses.at(TypeUses.OUTER))
                  instanceof ParameterizedTypeName generic) {
            return annotated(
                generic.nestedClass(element.getSimpleName().toString(), List.of(arguments)), uses);
          }
          ClassName raw = ClassName.get(element);
          return annotated(
              arguments.length == 0 ? raw : ParameterizedTypeName.get(raw, arguments), uses);
        }

        @Override
        public TypeName visitWildcard(WildcardType type, TypeUses uses) {
          TypeMirror upper = type.getExtendsBound();
          TypeMirror lower = type.getSuperBound();
          TypeUses bound = uses.at(TypeUses.BOUND);
          WildcardTypeName wildcard =
              lower != null
                  ? WildcardTypeName.supertypeOf(lower.accept(this, bound))
                  : WildcardTypeName.subtypeOf(
                      upper == null ? ClassName.OBJECT : upper.accept(this, bound));
          return annotated(wildcard, uses);
        }
      };

  private TypeNames() {}

  /** {@code type} as JavaPoet writes it, with the annotations of {@code uses}. */
  static TypeName of(TypeMirror type, TypeUses uses) {
    return type.accept(ANNOTATED, uses);
  }

  private static TypeName annotated(TypeName name, TypeUses uses) {
    return uses.specsHere().isEmpty() ? name : name.annotated(uses.specsHere());
  }
}
