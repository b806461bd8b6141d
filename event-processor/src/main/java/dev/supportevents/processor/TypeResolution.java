package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.jspecify.annotations.Nullable;

/**
 * Finds component types that do not resolve yet, such as a type another annotation processor
 * generates in a later round, and annotations on them that do not; for a union, also the records it
 * permits and their components. Such an event waits for the next round, as AutoValue's do.
 */
final class TypeResolution {

  /** Adds the names of the unresolved types and annotations of a type to the set it is given. */
  private static final SimpleTypeVisitor14<@Nullable Void, Set<String>> UNRESOLVED =
      new SimpleTypeVisitor14<>() {
        /** Primitives and the rest: only their annotations can be unresolved. */
        @Override
        protected @Nullable Void defaultAction(TypeMirror type, Set<String> names) {
          addUnresolved(type.getAnnotationMirrors(), names);
          return null;
        }

        @Override
        public @Nullable Void visitError(ErrorType type, Set<String> names) {
          names.add(type.toString());
          return null;
        }

        @Override
        public @Nullable Void visitDeclared(DeclaredType type, Set<String> names) {
          defaultAction(type, names);
          type.getTypeArguments().forEach(argument -> argument.accept(this, names));
          return type.getEnclosingType().accept(this, names);
        }

        @Override
        public @Nullable Void visitArray(ArrayType type, Set<String> names) {
          defaultAction(type, names);
          return type.getComponentType().accept(this, names);
        }

        @Override
        public @Nullable Void visitWildcard(WildcardType type, Set<String> names) {
          defaultAction(type, names);
          addUnresolved(type.getExtendsBound(), names);
          addUnresolved(type.getSuperBound(), names);
          return null;
        }
      };

  private TypeResolution() {}

  /** Whether any component of {@code event} names a type that does not resolve yet. */
  static boolean waitsForTypes(TypeElement event) {
    return !unresolvedTypes(event).isEmpty();
  }

  /**
   * The types and annotations that the components of {@code event} name and that do not resolve
   * yet, as the source writes them, in the order of the components.
   */
  static Set<String> unresolvedTypes(TypeElement event) {
    Set<String> names = unresolvedInDeclaration(event);
    for (TypeElement member : permittedDeclarations(event)) {
      // A union waits for what the components of the records it permits name, and the types
      // that its groups permit.
      names.addAll(unresolvedInDeclaration(member));
    }
    return names;
  }

  /**
   * The types and annotations that the declaration of {@code type} itself names and that do not
   * resolve: a record's components, or the types a union permits, not their components.
   */
  static Set<String> unresolvedInDeclaration(TypeElement type) {
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      addUnresolved(component.asType(), names);
      addUnresolved(component.getAnnotationMirrors(), names);
    }
    if (UnionReader.isUnion(type)) {
      type.getPermittedSubclasses().forEach(permitted -> addUnresolved(permitted, names));
    }
    return names;
  }

  /**
   * The types that {@code union} permits that resolve: its records, and its groups, the sealed
   * interfaces it permits, each followed by what it permits in turn; none for a record.
   */
  static List<TypeElement> permittedDeclarations(TypeElement union) {
    if (!UnionReader.isUnion(union)) {
      return List.of();
    }
    List<TypeElement> declarations = new ArrayList<>();
    for (TypeMirror permitted : union.getPermittedSubclasses()) {
      if (permitted instanceof DeclaredType declared
          && permitted.getKind() != TypeKind.ERROR
          && declared.asElement() instanceof TypeElement member) {
        declarations.add(member);
        declarations.addAll(permittedDeclarations(member));
      }
    }
    return declarations;
  }

  private static void addUnresolved(TypeMirror type, Set<String> names) {
    if (type != null) {
      type.accept(UNRESOLVED, names);
    }
  }

  private static void addUnresolved(
      List<? extends AnnotationMirror> annotations, Set<String> names) {
    for (AnnotationMirror annotation : annotations) {
      if (annotation.getAnnotationType().getKind() == TypeKind.ERROR) {
        names.add(annotation.getAnnotationType().toString());
      }
    }
  }
}
