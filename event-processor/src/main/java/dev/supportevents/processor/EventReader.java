package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Turns one {@code @SupportEvent} type into an {@link EventModel}, reporting each rule it breaks. */
final class EventReader {

  private final Types types;
  private final LintWarnings lintWarnings;
  private final ValidationReport report;

  EventReader(ProcessingEnvironment environment, ValidationReport report) {
    this.types = environment.getTypeUtils();
    this.lintWarnings = new LintWarnings(environment.getElementUtils());
    this.report = report;
  }

  /** The event of {@code element}, or empty once every reason it is not one has been reported. */
  Optional<EventModel> read(TypeElement element) {
    String name = element.getQualifiedName().toString();
    boolean valid = element.getKind() == ElementKind.RECORD;
    if (!valid) {
      report.error(element, Message.NOT_A_RECORD,
          name, kindName(element.getKind()), element.getSimpleName());
    } else if (!element.getTypeParameters().isEmpty()) {
      String parameters = element.getTypeParameters().stream()
          .map(Element::getSimpleName)
          .collect(Collectors.joining(", ", "<", ">"));
      report.error(element, Message.GENERIC_RECORD, name, parameters);
      valid = false;
    }
    String hiddenBy = hiddenBy(element);
    if (hiddenBy != null) {
      report.error(element, Message.NOT_ACCESSIBLE, name, hiddenBy);
      valid = false;
    }
    for (RecordComponentElement component : element.getRecordComponents()) {
      for (TypeElement used : typesUsedBy(component.asType())) {
        String usedHiddenBy = hiddenBy(used);
        if (usedHiddenBy != null) {
          report.error(element, Message.COMPONENT_NOT_ACCESSIBLE, component.getSimpleName(),
              name, used.getQualifiedName(), usedHiddenBy, used.getSimpleName());
          valid = false;
        }
      }
    }
    String baseName = Names.baseName(element.getSimpleName().toString());
    String derivedWireName = Names.lowerCamel(baseName);
    String wireName = SupportEventAnnotation.wireName(element);
    if (wireName.isEmpty()) {
      wireName = derivedWireName;
    } else if (!Names.isValidWireName(wireName)) {
      report.error(element, Message.INVALID_WIRE_NAME, wireName, name, derivedWireName);
      valid = false;
    }
    if (!valid) {
      return Optional.empty();
    }
    ExecutableElement canonical = canonicalConstructor(element);
    return Optional.of(new EventModel(element, ClassName.get(element), baseName, wireName,
        components(element, canonical), canonical.isVarArgs(), lintWarnings.ofRecord(element),
        lintWarnings.ofEmit(element, canonical)));
  }

  private List<EventComponent> components(TypeElement record, ExecutableElement canonical) {
    List<EventComponent> components = new ArrayList<>();
    for (int i = 0; i < record.getRecordComponents().size(); i++) {
      RecordComponentElement component = record.getRecordComponents().get(i);
      VariableElement parameter = canonical.getParameters().get(i);
      TypeMirror type = component.asType();
      // javac copies a component's annotations to the members their @Target allows; look at all.
      boolean nullable = Stream.of(component.getAnnotationMirrors(),
              component.getAccessor().getAnnotationMirrors(), parameter.getAnnotationMirrors(),
              type.getAnnotationMirrors())
          .flatMap(List::stream)
          .anyMatch(EventReader::isNullable);
      List<AnnotationSpec> declarationAnnotations = parameter.getAnnotationMirrors().stream()
          .filter(EventReader::isNullable)
          .filter(annotation -> !hasAnnotationOfType(type, annotation))
          .map(AnnotationSpec::get)
          .toList();
      components.add(new EventComponent(component.getSimpleName().toString(),
          TypeNames.of(type), nullable, declarationAnnotations));
    }
    return List.copyOf(components);
  }

  /** Any annotation named {@code Nullable} counts: JSpecify's, JetBrains', javax's, a team's own. */
  private static boolean isNullable(AnnotationMirror annotation) {
    return annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable");
  }

  /** Whether {@code type} already carries {@code annotation}, as a type-use annotation. */
  private boolean hasAnnotationOfType(TypeMirror type, AnnotationMirror annotation) {
    return type.getAnnotationMirrors().stream().anyMatch(typeAnnotation ->
        types.isSameType(typeAnnotation.getAnnotationType(), annotation.getAnnotationType()));
  }

  /** The constructor whose parameters are the record's components; javac always declares one. */
  private ExecutableElement canonicalConstructor(TypeElement record) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(record.getEnclosedElements())) {
      if (isCanonical(constructor, components)) {
        return constructor;
      }
    }
    throw new IllegalStateException("no canonical constructor in " + record);
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

  /** The classes and interfaces that {@code type} names: itself, its arguments and bounds. */
  private static Set<TypeElement> typesUsedBy(TypeMirror type) {
    Set<TypeElement> used = new LinkedHashSet<>();
    if (type instanceof ArrayType array) {
      used.addAll(typesUsedBy(array.getComponentType()));
    } else if (type instanceof WildcardType wildcard) {
      Stream.of(wildcard.getExtendsBound(), wildcard.getSuperBound())
          .filter(Objects::nonNull)
          .forEach(bound -> used.addAll(typesUsedBy(bound)));
    } else if (type instanceof DeclaredType declared) {
      used.add((TypeElement) declared.asElement());
      declared.getTypeArguments().forEach(argument -> used.addAll(typesUsedBy(argument)));
    }
    return used;
  }

  /**
   * Why the package cannot reach {@code element}, or {@code null} if it can. Local types need no
   * check: annotation processing never sees a record declared in a method, nor its types.
   */
  private static String hiddenBy(TypeElement element) {
    if (element.getModifiers().contains(Modifier.PRIVATE)) {
      return "private";
    }
    for (Element outer = element.getEnclosingElement();
        outer instanceof TypeElement type;
        outer = outer.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        return "nested in the private type " + type.getQualifiedName();
      }
    }
    return null;
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
