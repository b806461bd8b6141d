package dev.supportevents.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.SimpleTypeVisitor14;
import org.jspecify.annotations.Nullable;

/**
 * The javac lint warnings that generated code raises by naming the user's types, so that it can
 * suppress exactly those: a build with {@code -Xlint:all -Werror} must not fail because an event or
 * a component type is deprecated, raw, or a generic varargs array.
 */
final class LintWarnings {

  private final Elements elements;

  LintWarnings(Elements elements) {
    this.elements = elements;
  }

  /** What naming {@code record} raises: its own deprecation and that of its enclosing types. */
  Set<String> ofRecord(TypeElement record) {
    Set<String> warnings = new HashSet<>();
    addDeprecationOfType(record, warnings);
    return Set.copyOf(warnings);
  }

  /**
   * What an emit method of {@code record} raises: its parameters' types and their type-use
   * annotations, the call to {@code canonical}, and a varargs parameter of a generic element type
   * (heap pollution).
   */
  Set<String> ofEmit(RecordShape record, ExecutableElement canonical) {
    Set<String> warnings = new HashSet<>();
    for (RecordShape.Component component : record.components()) {
      component.type().accept(new Scanner(warnings), null);
      component.typeUses().byPath().values().stream()
          .flatMap(List::stream)
          .map(annotation -> elements.getTypeElement(annotation.name()))
          .filter(Objects::nonNull)
          .forEach(annotation -> addDeprecation(annotation, warnings));
    }
    addDeprecation(canonical, warnings);
    if (canonical.isVarArgs()) {
      List<? extends VariableElement> parameters = canonical.getParameters();
      ArrayType last = (ArrayType) parameters.get(parameters.size() - 1).asType();
      if (!isReifiable(last.getComponentType())) {
        warnings.add("unchecked");
      }
    }
    return Set.copyOf(warnings);
  }

  /** Adds the deprecation of {@code type} and of the types it is nested in, named with it. */
  private void addDeprecationOfType(TypeElement type, Set<String> warnings) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      addDeprecation(e, warnings);
    }
  }

  private void addDeprecation(Element element, Set<String> warnings) {
    if (elements.isDeprecated(element)) {
      Deprecated deprecated = element.getAnnotation(Deprecated.class);
      warnings.add(deprecated != null && deprecated.forRemoval() ? "removal" : "deprecation");
    }
  }

  private static boolean isReifiable(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return isReifiable(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      boolean unboundedArguments =
          declared.getTypeArguments().stream()
              .allMatch(
                  argument ->
                      argument instanceof WildcardType wildcard
                          && wildcard.getExtendsBound() == null
                          && wildcard.getSuperBound() == null);
      return unboundedArguments && isReifiable(declared.getEnclosingType());
    }
    return true;
  }

  /**
   * Collects the warnings of one type, its arguments and bounds included; not of its annotations,
   * which a class file's type does not carry before JDK 22.
   */
  private final class Scanner extends SimpleTypeVisitor14<@Nullable Void, @Nullable Void> {

    private final Set<String> warnings;

    Scanner(Set<String> warnings) {
      this.warnings = warnings;
    }

    @Override
    protected @Nullable Void defaultAction(TypeMirror type, @Nullable Void unused) {
      return null;
    }

    @Override
    public @Nullable Void visitArray(ArrayType type, @Nullable Void unused) {
      defaultAction(type, null);
      return type.getComponentType().accept(this, null);
    }

    @Override
    public @Nullable Void visitDeclared(DeclaredType type, @Nullable Void unused) {
      defaultAction(type, null);
      TypeElement element = (TypeElement) type.asElement();
      addDeprecationOfType(element, warnings);
      if (type.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
        warnings.add("rawtypes");
      }
      type.getTypeArguments().forEach(argument -> argument.accept(this, null));
      if (type.getEnclosingType().getKind() == TypeKind.DECLARED) {
        type.getEnclosingType().accept(this, null);
      }
      return null;
    }

    @Override
    public @Nullable Void visitWildcard(WildcardType type, @Nullable Void unused) {
      defaultAction(type, null);
      if (type.getExtendsBound() != null) {
        type.getExtendsBound().accept(this, null);
      }
      if (type.getSuperBound() != null) {
        type.getSuperBound().accept(this, null);
      }
      return null;
    }
  }
}
