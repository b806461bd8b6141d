package dev.supportevents.processor;

import com.palantir.javapoet.TypeName;
import dev.supportevents.processor.WireType.Any;
import dev.supportevents.processor.WireType.ArrayOf;
import dev.supportevents.processor.WireType.Definition;
import dev.supportevents.processor.WireType.Enumeration;
import dev.supportevents.processor.WireType.MapOf;
import dev.supportevents.processor.WireType.ObjectType;
import dev.supportevents.processor.WireType.Property;
import dev.supportevents.processor.WireType.Reference;
import dev.supportevents.processor.WireType.Scalar;
import dev.supportevents.processor.WireType.Union;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The wire form of Java types, as Jackson writes them by default: records as objects of their
 * components and nothing else, enums as their constants' names, collections as arrays, maps as
 * objects, dates and times as ISO-8601 strings, a sealed interface of records as the union of its
 * records. The one place that decides it, for the tracking plan and the TypeScript declarations
 * alike. Records, such unions and {@code Throwable} are shared definitions, which also keeps a
 * record that contains itself finite.
 */
final class WireTypes {

  /** Types with a fixed JSON form, by qualified name. */
  private static final Map<String, Scalar> KNOWN = known();

  private static final String THROWABLE = "java.lang.Throwable";

  private final Types types;
  private final Elements elements;
  private final Function<TypeElement, RecordShape> shapes;
  private final SortedMap<String, Definition> definitions = new TreeMap<>();

  /** The definitions made or being made, so that a record that contains itself stops there. */
  private final Set<String> named = new HashSet<>();

  /** The {@code @JsonTypeInfo} that would add a type id to a form made so far, by holder. */
  private final Map<TypeElement, JacksonTypeId> typeIds = new LinkedHashMap<>();

  /**
   * @param shapes the shape of each record the forms describe: its components and their
   *     nullability, the same from source and from class files
   */
  WireTypes(Types types, Elements elements, Function<TypeElement, RecordShape> shapes) {
    this.types = types;
    this.elements = elements;
    this.shapes = shapes;
  }

  /** The definitions that the forms made so far refer to, by name. */
  SortedMap<String, Definition> definitions() {
    return definitions;
  }

  /**
   * Each {@code @JsonTypeInfo} with which Jackson would write a type id into the object of a record
   * made so far, on the record or on a type it extends such as its union, in the order met; the
   * object does not have that id.
   */
  List<JacksonTypeId> typeIds() {
    return List.copyOf(typeIds.values());
  }

  /**
   * A record as an object: a property per component, required unless it is {@code @Nullable} or
   * {@code Optional}, and then allowed to be {@code null} too, as Jackson writes an absent value.
   */
  ObjectType objectOf(TypeElement record) {
    noteTypeId(record);
    List<Property> properties = new ArrayList<>();
    for (RecordShape.Component component : shapes.apply(record).components()) {
      TypeMirror type = component.type();
      boolean optional = component.nullable() || isOptional(type);
      WireType form = typeOf(type, component.typeUses());
      properties.add(
          new Property(component.name(), optional ? WireType.orNull(form) : form, !optional, null));
    }
    return new ObjectType(record.getQualifiedName().toString(), null, List.copyOf(properties));
  }

  /** The form of a value of {@code type}, whose type-use annotations are {@code uses}. */
  WireType typeOf(TypeMirror type, TypeUses uses) {
    return switch (type.getKind()) {
      case BOOLEAN -> Scalar.BOOLEAN;
      case BYTE, SHORT, INT, LONG -> Scalar.INTEGER;
      case FLOAT, DOUBLE -> Scalar.NUMBER;
      case CHAR -> Scalar.CHARACTER;
      case ARRAY -> arrayOf(((ArrayType) type).getComponentType(), uses.at(TypeUses.ARRAY));
      case DECLARED -> declared((DeclaredType) type, uses);
      case WILDCARD ->
          ((WildcardType) type).getExtendsBound() == null
              ? any(TypeName.get(type).toString())
              : typeOf(((WildcardType) type).getExtendsBound(), uses.at(TypeUses.BOUND));
      default -> any(TypeName.get(type).toString());
    };
  }

  private WireType arrayOf(TypeMirror component, TypeUses uses) {
    if (component.getKind() == TypeKind.BYTE) {
      return Scalar.BASE64;
    }
    if (component.getKind() == TypeKind.CHAR) {
      return Scalar.STRING;
    }
    return new ArrayOf(elementOf(component, uses));
  }

  private WireType declared(DeclaredType type, TypeUses uses) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (KNOWN.containsKey(name)) {
      return KNOWN.get(name);
    }
    if (name.equals("java.util.Optional")) {
      return arguments.size() == 1
          ? typeOf(arguments.get(0), uses.at(TypeUses.argument(0)))
          : any(name);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new Enumeration(
          name,
          element.getEnclosedElements().stream()
              .filter(member -> member.getKind() == ElementKind.ENUM_CONSTANT)
              .map(constant -> constant.getSimpleName().toString())
              .toList());
    }
    if (element.getKind() == ElementKind.RECORD) {
      return reference(name, () -> objectOf(element));
    }
    if (isSealedInterface(element)) {
      return union(element);
    }
    if (isSubtype(type, THROWABLE)) {
      return reference(THROWABLE, WireTypes::throwable);
    }
    if (isSubtype(type, "java.util.Collection")) {
      return new ArrayOf(
          arguments.size() == 1
              ? elementOf(arguments.get(0), uses.at(TypeUses.argument(0)))
              : new Any(null));
    }
    if (isSubtype(type, "java.util.Map")) {
      return new MapOf(
          arguments.size() == 2
              ? elementOf(arguments.get(1), uses.at(TypeUses.argument(1)))
              : new Any(null));
    }
    return any(TypeName.get(type).toString());
  }

  /**
   * A sealed interface as the union of the records it permits, those of permitted sealed interfaces
   * included, in the order of {@code permits}. Jackson writes such a value as the record it is,
   * with no type id, so the union is one of the records' objects.
   *
   * <p>The union is a shared definition named after the interface, as records are: each use of the
   * interface names it, and a record that holds the interface again (a quote part that holds parts)
   * refers back to it by name instead of repeating every record at each level.
   *
   * <p>A permitted subtype that is not a record (a class, an enum, a non-sealed interface) has no
   * object the union could name, so the interface is any value, and says which.
   */
  private WireType union(TypeElement sealed) {
    String name = sealed.getQualifiedName().toString();
    Map<String, TypeElement> permitted = new LinkedHashMap<>();
    Optional<TypeElement> notRecord = addPermittedRecords(sealed, permitted);
    if (notRecord.isPresent()) {
      return new Any(
          "the sealed interface "
              + name
              + " has a permitted subtype "
              + notRecord.get().getQualifiedName()
              + " that is not a record, so "
              + name
              + " has no fixed JSON form.");
    }
    return reference(
        name,
        () -> {
          permitted.forEach((record, element) -> reference(record, () -> objectOf(element)));
          return new Union(name, List.copyOf(permitted.keySet()));
        });
  }

  /**
   * Adds the records {@code sealed} permits to {@code records} by name, through its permitted
   * sealed interfaces, in the order of {@code permits}.
   *
   * @return the first permitted subtype that is neither a record nor a sealed interface, if any
   */
  private Optional<TypeElement> addPermittedRecords(
      TypeElement sealed, Map<String, TypeElement> records) {
    for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
      TypeElement subtype = (TypeElement) types.asElement(permitted);
      if (subtype.getKind() == ElementKind.RECORD) {
        records.putIfAbsent(subtype.getQualifiedName().toString(), subtype);
      } else if (isSealedInterface(subtype)) {
        Optional<TypeElement> notRecord = addPermittedRecords(subtype, records);
        if (notRecord.isPresent()) {
          return notRecord;
        }
      } else {
        return Optional.of(subtype);
      }
    }
    return Optional.empty();
  }

  /** An element of an array, a collection or a map: {@code List<@Nullable String>} holds nulls. */
  private WireType elementOf(TypeMirror type, TypeUses uses) {
    WireType form = typeOf(type, uses);
    return uses.nullableHere() ? WireType.orNull(form) : form;
  }

  /** A reference to the definition {@code name}, made first if there is none yet. */
  private Reference reference(String name, Supplier<Definition> definition) {
    if (named.add(name)) {
      definitions.put(name, definition.get());
    }
    return new Reference(name);
  }

  private void noteTypeId(TypeElement type) {
    JacksonTypeId.of(type, types).ifPresent(id -> typeIds.putIfAbsent(id.holder(), id));
  }

  /** Whether {@code type} is {@code supertype} or a subtype of it, whatever the type arguments. */
  private boolean isSubtype(DeclaredType type, String supertype) {
    TypeElement element = elements.getTypeElement(supertype);
    return element != null && types.isSubtype(types.erasure(type), types.erasure(element.asType()));
  }

  private static boolean isSealedInterface(TypeElement element) {
    return element.getKind() == ElementKind.INTERFACE
        && element.getModifiers().contains(Modifier.SEALED);
  }

  /** {@code Optional}, {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}. */
  private static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .toString()
            .startsWith("java.util.Optional");
  }

  /** Any JSON value: {@code what} has no one JSON form. */
  private static Any any(String what) {
    return new Any(what + " has no fixed JSON form.");
  }

  /** A {@code Throwable} as applications serialise one: its class name and its message. */
  private static ObjectType throwable() {
    return new ObjectType(
        THROWABLE,
        "A Throwable, as its class name and message.",
        List.of(
            new Property(
                "type", Scalar.STRING, true, "The class name, such as java.io.IOException."),
            new Property(
                "message", WireType.orNull(Scalar.STRING), false, "The message, or null.")));
  }

  private static Map<String, Scalar> known() {
    Map<String, Scalar> known = new LinkedHashMap<>();
    for (String text :
        List.of(
            "java.lang.String",
            "java.lang.CharSequence",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.util.Locale")) {
      known.put(text, Scalar.STRING);
    }
    known.put("java.lang.Character", Scalar.CHARACTER);
    known.put("java.lang.Boolean", Scalar.BOOLEAN);
    for (String integer :
        List.of(
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.math.BigInteger",
            "java.util.OptionalInt",
            "java.util.OptionalLong")) {
      known.put(integer, Scalar.INTEGER);
    }
    for (String number :
        List.of(
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Number",
            "java.math.BigDecimal",
            "java.util.OptionalDouble")) {
      known.put(number, Scalar.NUMBER);
    }
    known.put("java.util.UUID", Scalar.UUID);
    known.put("java.net.URI", Scalar.URI);
    known.put("java.net.URL", Scalar.URI);
    for (String dateTime :
        List.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime")) {
      known.put(dateTime, Scalar.DATE_TIME);
    }
    known.put("java.time.LocalDate", Scalar.DATE);
    known.put("java.time.OffsetTime", Scalar.TIME);
    known.put("java.time.Duration", Scalar.DURATION);
    return Map.copyOf(known);
  }
}
