package dev.supportevents.processor;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The JSON Schema of Java types as Jackson writes them by default: records as objects of their
 * components, enums as their constants' names, collections as arrays, maps as objects, dates and
 * times as ISO-8601 strings, a sealed interface of records as the union of its records. Records,
 * such unions and {@code Throwable} are shared definitions under {@code $defs}, which also keeps a
 * record that contains itself finite.
 */
final class TypeSchemas {

  /** Types with a fixed JSON form, by qualified name. */
  private static final Map<String, Map<String, Object>> KNOWN = known();

  private static final String THROWABLE = "java.lang.Throwable";

  private final Types types;
  private final Elements elements;
  private final Function<TypeElement, RecordShape> shapes;
  private final SortedMap<String, Map<String, Object>> definitions = new TreeMap<>();

  /**
   * @param shapes the shape of each record the schemas describe: its components and their
   *     nullability, the same from source and from class files
   */
  TypeSchemas(Types types, Elements elements, Function<TypeElement, RecordShape> shapes) {
    this.types = types;
    this.elements = elements;
    this.shapes = shapes;
  }

  /** The definitions that the schemas made so far refer to, by name. */
  SortedMap<String, Map<String, Object>> definitions() {
    return definitions;
  }

  /**
   * A record as an object: a property per component, required unless it is {@code @Nullable} or
   * {@code Optional}, and then allowed to be {@code null} too, as Jackson writes an absent value.
   */
  Map<String, Object> objectOf(TypeElement record) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (RecordShape.Component component : shapes.apply(record).components()) {
      String name = component.name();
      TypeMirror type = component.type();
      boolean optional = component.nullable() || isOptional(type);
      Map<String, Object> schema = schemaOf(type, component.typeUses());
      properties.put(name, optional && !isAny(schema) ? orNull(schema) : schema);
      if (!optional) {
        required.add(name);
      }
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    object.put("properties", properties);
    if (!required.isEmpty()) {
      object.put("required", required);
    }
    return object;
  }

  /** The schema of a value of {@code type}, whose type-use annotations are {@code uses}. */
  Map<String, Object> schemaOf(TypeMirror type, TypeUses uses) {
    return switch (type.getKind()) {
      case BOOLEAN -> typed("boolean");
      case BYTE, SHORT, INT, LONG -> typed("integer");
      case FLOAT, DOUBLE -> typed("number");
      case CHAR -> character();
      case ARRAY -> arrayOf(((ArrayType) type).getComponentType(), uses.at(TypeUses.ARRAY));
      case DECLARED -> declared((DeclaredType) type, uses);
      case WILDCARD -> ((WildcardType) type).getExtendsBound() == null
          ? any(TypeName.get(type).toString())
          : schemaOf(((WildcardType) type).getExtendsBound(), uses.at(TypeUses.BOUND));
      default -> any(TypeName.get(type).toString());
    };
  }

  private Map<String, Object> arrayOf(TypeMirror component, TypeUses uses) {
    if (component.getKind() == TypeKind.BYTE) {
      Map<String, Object> base64 = typed("string");
      base64.put("contentEncoding", "base64");
      return base64;
    }
    if (component.getKind() == TypeKind.CHAR) {
      return typed("string");
    }
    Map<String, Object> array = typed("array");
    array.put("items", elementOf(component, uses));
    return array;
  }

  private Map<String, Object> declared(DeclaredType type, TypeUses uses) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (KNOWN.containsKey(name)) {
      return new LinkedHashMap<>(KNOWN.get(name));
    }
    if (name.equals("java.util.Optional")) {
      return arguments.size() == 1
          ? schemaOf(arguments.get(0), uses.at(TypeUses.argument(0)))
          : any(name);
    }
    if (element.getKind() == ElementKind.ENUM) {
      Map<String, Object> enumeration = typed("string");
      enumeration.put("enum", element.getEnclosedElements().stream()
          .filter(member -> member.getKind() == ElementKind.ENUM_CONSTANT)
          .map(constant -> (Object) constant.getSimpleName().toString())
          .toList());
      return enumeration;
    }
    if (element.getKind() == ElementKind.RECORD) {
      return reference(name, () -> objectOf(element));
    }
    if (isSealedInterface(element)) {
      return union(element);
    }
    if (isSubtype(type, THROWABLE)) {
      return reference(THROWABLE, TypeSchemas::throwable);
    }
    if (isSubtype(type, "java.util.Collection")) {
      Map<String, Object> array = typed("array");
      array.put("items", arguments.size() == 1
          ? elementOf(arguments.get(0), uses.at(TypeUses.argument(0)))
          : Map.of());
      return array;
    }
    if (isSubtype(type, "java.util.Map")) {
      Map<String, Object> object = typed("object");
      object.put("additionalProperties",
          arguments.size() == 2
              ? elementOf(arguments.get(1), uses.at(TypeUses.argument(1)))
              : Map.of());
      return object;
    }
    return any(TypeName.get(type).toString());
  }

  /**
   * A sealed interface as the union of the records it permits, those of permitted sealed
   * interfaces included, in the order of {@code permits}. Jackson writes such a value as the record
   * it is, with no type id, so the union is an {@code anyOf} of the records' objects.
   *
   * <p>The union is a shared definition named after the interface, as records are: each use of the
   * interface is one {@code $ref}, and a record that holds the interface again (a quote part that
   * holds parts) refers back to it by name instead of repeating every record at each level.
   *
   * <p>A permitted subtype that is not a record (a class, an enum, a non-sealed interface) has no
   * object schema the union could name, so the interface is any value, and the schema says which.
   */
  private Map<String, Object> union(TypeElement sealed) {
    String name = sealed.getQualifiedName().toString();
    Map<String, TypeElement> permitted = new LinkedHashMap<>();
    Optional<TypeElement> notRecord = addPermittedRecords(sealed, permitted);
    if (notRecord.isPresent()) {
      return anyBecause("the sealed interface " + name + " has a permitted subtype "
          + notRecord.get().getQualifiedName() + " that is not a record, so " + name
          + " has no fixed JSON form.");
    }
    return reference(name, () -> {
      List<Object> records = new ArrayList<>();
      permitted.forEach(
          (record, element) -> records.add(reference(record, () -> objectOf(element))));
      Map<String, Object> union = new LinkedHashMap<>();
      union.put("description", "One of the records that " + name + " permits, as Jackson writes"
          + " it by default: its components, with no type id.");
      union.put("anyOf", records);
      return union;
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
  private Map<String, Object> elementOf(TypeMirror type, TypeUses uses) {
    Map<String, Object> schema = schemaOf(type, uses);
    return uses.nullableHere() && !isAny(schema) ? orNull(schema) : schema;
  }

  /** A {@code $ref} to the definition {@code name}, made first if there is none yet. */
  private Map<String, Object> reference(String name, Supplier<Map<String, Object>> definition) {
    if (!definitions.containsKey(name)) {
      definitions.put(name, Map.of()); // taken, so that a record that contains itself stops here
      definitions.put(name, definition.get());
    }
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("$ref", "#/$defs/" + name);
    return reference;
  }

  /** Whether {@code type} is {@code supertype} or a subtype of it, whatever the type arguments. */
  private boolean isSubtype(DeclaredType type, String supertype) {
    TypeElement element = elements.getTypeElement(supertype);
    return element != null
        && types.isSubtype(types.erasure(type), types.erasure(element.asType()));
  }

  private static boolean isSealedInterface(TypeElement element) {
    return element.getKind() == ElementKind.INTERFACE
        && element.getModifiers().contains(Modifier.SEALED);
  }

  /** {@code Optional}, {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}. */
  private static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
            .startsWith("java.util.Optional");
  }

  /** {@code schema}, or {@code null}. */
  private static Map<String, Object> orNull(Map<String, Object> schema) {
    Map<String, Object> either = new LinkedHashMap<>();
    either.put("anyOf", List.of(schema, typed("null")));
    return either;
  }

  /** Whether {@code schema} allows any value, {@code null} included. */
  private static boolean isAny(Map<String, Object> schema) {
    return schema.isEmpty() || (schema.size() == 1 && schema.containsKey("description"));
  }

  private static Map<String, Object> typed(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> formatted(String format) {
    Map<String, Object> schema = typed("string");
    schema.put("format", format);
    return schema;
  }

  private static Map<String, Object> character() {
    Map<String, Object> schema = typed("string");
    schema.put("minLength", 1);
    schema.put("maxLength", 1);
    return schema;
  }

  /** Any JSON value, saying why: the type has no one JSON form. */
  private static Map<String, Object> any(String what) {
    return anyBecause(what + " has no fixed JSON form.");
  }

  /** Any JSON value, for {@code reason}. */
  private static Map<String, Object> anyBecause(String reason) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("description", "Any JSON value: " + reason);
    return schema;
  }

  /** A {@code Throwable} as applications serialise one: its class name and its message. */
  private static Map<String, Object> throwable() {
    Map<String, Object> properties = new LinkedHashMap<>();
    Map<String, Object> type = typed("string");
    type.put("description", "The class name, such as java.io.IOException.");
    properties.put("type", type);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", List.of("string", "null"));
    message.put("description", "The message, or null.");
    properties.put("message", message);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("description", "A Throwable, as its class name and message.");
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("type"));
    return schema;
  }

  private static Map<String, Map<String, Object>> known() {
    Map<String, Map<String, Object>> known = new LinkedHashMap<>();
    for (String text : List.of("java.lang.String", "java.lang.CharSequence",
        "java.time.LocalDateTime", "java.time.LocalTime", "java.util.Locale")) {
      known.put(text, typed("string"));
    }
    known.put("java.lang.Character", character());
    known.put("java.lang.Boolean", typed("boolean"));
    for (String integer : List.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer",
        "java.lang.Long", "java.math.BigInteger", "java.util.OptionalInt",
        "java.util.OptionalLong")) {
      known.put(integer, typed("integer"));
    }
    for (String number : List.of("java.lang.Float", "java.lang.Double", "java.lang.Number",
        "java.math.BigDecimal", "java.util.OptionalDouble")) {
      known.put(number, typed("number"));
    }
    known.put("java.util.UUID", formatted("uuid"));
    known.put("java.net.URI", formatted("uri"));
    known.put("java.net.URL", formatted("uri"));
    for (String dateTime : List.of("java.time.Instant", "java.time.OffsetDateTime",
        "java.time.ZonedDateTime")) {
      known.put(dateTime, formatted("date-time"));
    }
    known.put("java.time.LocalDate", formatted("date"));
    known.put("java.time.OffsetTime", formatted("time"));
    known.put("java.time.Duration", formatted("duration"));
    return Map.copyOf(known);
  }
}
