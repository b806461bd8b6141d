package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Turns one {@code @SupportEvent} type into an {@link EventModel}, reporting each rule it breaks.
 */
final class EventReader {

  private final Types types;
  private final RecordComponents records;
  private final RecordShapes shapes;
  private final LintWarnings lintWarnings;

  EventReader(ProcessingEnvironment environment, RecordShapes shapes) {
    this.types = environment.getTypeUtils();
    this.records = new RecordComponents(types);
    this.shapes = shapes;
    this.lintWarnings = new LintWarnings(environment.getElementUtils());
  }

  /**
   * The event of {@code element}, or empty once every reason it is not one has been reported in a
   * child of {@code parent} about it.
   */
  Optional<EventModel> read(TypeElement element, ValidationReport parent) {
    return read(element, null, parent);
  }

  /**
   * The event of {@code element}, a record of the extended catalog {@code includedFrom} or, if that
   * is {@code null}, of the package's own; empty once every reason it is not one has been reported
   * in a child of {@code parent} about it.
   */
  Optional<EventModel> read(
      TypeElement element, @Nullable ClassName includedFrom, ValidationReport parent) {
    ValidationReport report = parent.child(element);
    String name = element.getQualifiedName().toString();
    if (element.getKind() != ElementKind.RECORD) {
      report.error(
          element,
          Message.NOT_A_RECORD,
          Map.of(
              "type", name,
              "kind", kindName(element.getKind()),
              "simpleName", element.getSimpleName()));
    } else if (!element.getTypeParameters().isEmpty()) {
      String parameters =
          element.getTypeParameters().stream()
              .map(Element::getSimpleName)
              .collect(Collectors.joining(", ", "<", ">"));
      report.error(
          element,
          Message.GENERIC_RECORD,
          Map.of(
              "record", name,
              "typeParameters", parameters));
    }
    String hiddenBy = hiddenBy(element);
    if (hiddenBy != null) {
      report.error(element, Message.NOT_ACCESSIBLE, Map.of("record", name, "hiddenBy", hiddenBy));
    }
    for (RecordComponentElement component : element.getRecordComponents()) {
      for (TypeElement used : typesUsedBy(component.asType())) {
        String usedHiddenBy = hiddenBy(used);
        if (usedHiddenBy != null) {
          report.error(
              element,
              Message.COMPONENT_NOT_ACCESSIBLE,
              Map.of(
                  "component", component.getSimpleName(),
                  "record", name,
                  "type", used.getQualifiedName(),
                  "hiddenBy", usedHiddenBy,
                  "typeSimpleName", used.getSimpleName()));
        }
      }
    }
    String baseName = Names.baseName(element.getSimpleName().toString());
    String constantName = Names.constantName(baseName);
    if (!Names.isValidConstantName(constantName)) {
      report.error(
          element,
          Message.INVALID_CONSTANT_NAME,
          Map.of(
              "record", name,
              "constant", constantName));
    }
    String derivedWireName = Names.lowerCamel(baseName);
    String wireName = SupportEventAnnotation.wireName(element);
    if (wireName.isEmpty()) {
      wireName = derivedWireName;
      if (!Names.isValidWireName(wireName)) {
        report.error(
            element,
            Message.INVALID_DERIVED_WIRE_NAME,
            Map.of(
                "wireName", wireName,
                "record", name));
      }
    } else if (!Names.isValidWireName(wireName)) {
      report.error(
          element,
          Message.INVALID_WIRE_NAME,
          Map.of(
              "wireName", wireName,
              "record", name,
              "derivedWireName", derivedWireName));
    }
    if (!report.isClean()) {
      return Optional.empty();
    }
    ExecutableElement canonical = records.canonicalConstructor(element);
    RecordShape shape = shapes.of(element);
    checkPrimitivesNotNullable(shape, report);
    if (!report.isClean()) {
      return Optional.empty();
    }
    return Optional.of(
        new EventModel(
            element,
            ClassName.get(element),
            baseName,
            wireName,
            components(shape),
            canonical.isVarArgs(),
            lintWarnings.ofRecord(element),
            lintWarnings.ofEmit(shape, canonical),
            SupportEventAnnotation.replayLatest(element),
            includedFrom));
  }

  /** Reports each primitive component marked {@code @Nullable}: it is never null. */
  private void checkPrimitivesNotNullable(RecordShape shape, ValidationReport report) {
    for (RecordShape.Component component : shape.components()) {
      TypeMirror type = component.type();
      if (type.getKind().isPrimitive() && component.nullable()) {
        String primitive = types.getPrimitiveType(type.getKind()).toString();
        String boxed =
            types.boxedClass(types.getPrimitiveType(type.getKind())).getSimpleName().toString();
        // On the record, as for other component errors: javac locates no record component.
        report.error(
            shape.element(),
            Message.NULLABLE_PRIMITIVE,
            Map.of(
                "component",
                component.name(),
                "record",
                shape.name(),
                "primitive",
                primitive,
                "boxed",
                boxed));
      }
    }
  }

  private static List<EventComponent> components(RecordShape shape) {
    List<EventComponent> components = new ArrayList<>();
    for (RecordShape.Component component : shape.components()) {
      components.add(
          new EventComponent(
              component.name(),
              TypeNames.of(component.type(), component.typeUses()),
              component.nullable(),
              component.parameterAnnotations()));
    }
    return List.copyOf(components);
  }

  /** The classes and interfaces that {@code type} names: itself, its arguments and bounds. */
  static Set<TypeElement> typesUsedBy(TypeMirror type) {
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
  static @Nullable String hiddenBy(TypeElement element) {
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

  static String kindName(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
