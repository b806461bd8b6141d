package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes the lookups of {@code SupportEventType}: by wire name, by event, by class, and of the
 * types of a group of events; and the helpers they share.
 */
final class EventLookupWriter {

  private EventLookupWriter() {}

  /** The lookups and their helpers, in the order the type declares them. */
  static List<MethodSpec> methods(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    return List.of(
        fromWireName(layout),
        find(layout),
        of(catalog),
        forClass(layout),
        typesOf(catalog),
        index(catalog.eventType()),
        eventName(),
        describe(catalog.eventType()));
  }

  /** {@code "MessageSentEvent (messageSent)"}: how messages name an event. */
  private static MethodSpec eventName() {
    return MethodSpec.methodBuilder("eventName")
        .addModifiers(Modifier.PRIVATE)
        .returns(String.class)
        .addStatement("return eventClass.getSimpleName() + $S + wireName + $S", " (", ")")
        .build();
  }

  private static MethodSpec fromWireName(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    return MethodSpec.methodBuilder("fromWireName")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(catalog.eventType())
        .addParameter(String.class, "wireName")
        .addJavadoc("The event type with the wire name {@code wireName}.\n\n")
        .addJavadoc(
            "@param wireName a wire name, such as {@code $S}\n", catalog.events().get(0).wireName())
        .addJavadoc("@return the event type of that name\n")
        .addJavadoc(
            "@throws IllegalArgumentException if no event of $L has that name\n",
            catalog.displayPackage())
        .addStatement("$T.requireNonNull(wireName, $S)", Objects.class, "wireName")
        .addStatement(
            "$T type = $L.get(wireName)", catalog.eventType(), layout.typeIndex("byWireName"))
        .beginControlFlow("if (type == null)")
        .addStatement(
            "throw new $T($Z$L$W+ wireName$W+ $L$W+ describe($T::wireName))",
            IllegalArgumentException.class,
            LongLiteral.of("No event of " + catalog.displayPackage() + " has the wire name \""),
            LongLiteral.of("\"; the wire names are: "),
            catalog.eventType())
        .endControlFlow()
        .addStatement("return type")
        .build();
  }

  /** {@code find(wireName)}: the lookup for names read from outside, with no exception. */
  private static MethodSpec find(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    return MethodSpec.methodBuilder("find")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), catalog.eventType()))
        .addParameter(String.class, "wireName")
        .addJavadoc(
            "The event type with the wire name {@code wireName}, if $L has one: for"
                + " names read from outside, such as webhooks and logs, where an unknown name is"
                + " data rather than a mistake.\n\n",
            catalog.displayPackage())
        .addJavadoc(
            "@param wireName a wire name, such as {@code $S}\n", catalog.events().get(0).wireName())
        .addJavadoc("@return the event type of that name, or empty if no event has it\n")
        .addJavadoc("@throws NullPointerException if {@code wireName} is null\n")
        .addStatement("$T.requireNonNull(wireName, $S)", Objects.class, "wireName")
        .addStatement(
            "return $T.ofNullable($L.get(wireName))",
            Optional.class,
            layout.typeIndex("byWireName"))
        .build();
  }

  private static MethodSpec of(Catalog catalog) {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(catalog.eventType())
        .addParameter(catalog.anyEvent(), "event")
        .addJavadoc("The type of {@code event}.\n\n")
        .addJavadoc("@param event an event of $L\n", catalog.displayPackage())
        .addJavadoc("@return its type\n")
        .addJavadoc("@throws NullPointerException if {@code event} is null\n")
        .addJavadoc(
            "@throws IllegalArgumentException if {@code event} is not an event of $L\n",
            catalog.displayPackage())
        .beginControlFlow("if (event == null)")
        .addStatement(
            "throw new $T($Z$L$W+ describe($T::eventName))",
            NullPointerException.class,
            LongLiteral.of(
                "The event is null; expected an event of " + catalog.displayPackage() + ": "),
            catalog.eventType())
        .endControlFlow()
        .addStatement("return forClass(event.getClass())")
        .build();
  }

  private static MethodSpec forClass(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    return MethodSpec.methodBuilder("forClass")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(catalog.eventType())
        .addParameter(EventTypeWriter.eventClass(catalog), "eventClass")
        .addJavadoc("The type of the events of class {@code eventClass}.\n\n")
        .addJavadoc(
            "@param eventClass the record class of an event of $L\n", catalog.displayPackage())
        .addJavadoc("@return its type\n")
        .addJavadoc("@throws NullPointerException if {@code eventClass} is null\n")
        .addJavadoc(
            "@throws IllegalArgumentException if it is not an event class of $L\n",
            catalog.displayPackage())
        .beginControlFlow("if (eventClass == null)")
        .addStatement(
            "throw new $T($Z$L$W+ describe($T::eventName))",
            NullPointerException.class,
            LongLiteral.of(
                "The event class is null; expected an event of " + catalog.displayPackage() + ": "),
            catalog.eventType())
        .endControlFlow()
        .addCode(findClass(layout))
        .addStatement(
            "throw new $T(eventClass.getName()$W+ $L$W+ describe($T::eventName))",
            IllegalArgumentException.class,
            LongLiteral.of(
                " is not an event of " + catalog.displayPackage() + "; its events are: "),
            catalog.eventType())
        .build();
  }

  /**
   * {@code typesOf(eventClass)}: the types whose records are {@code eventClass}es, one for an
   * event's record class, each event of a group for a sealed interface the union permits, every
   * event for the union. The hub subscribes by class, and the recorder filters by class, through
   * it.
   */
  private static MethodSpec typesOf(Catalog catalog) {
    ClassName self = catalog.eventType();
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), self);
    boolean union = catalog.union() != null;
    return MethodSpec.methodBuilder("typesOf")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(list)
        .addParameter(EventTypeWriter.eventClass(catalog), "eventClass")
        .addJavadoc(
            union
                ? CodeBlock.of(
                    "The types of the events that are {@code eventClass}es: the type of an"
                        + " event's record class; for a sealed interface that {@link $T} permits, the type"
                        + " of each event it permits, directly or through another; for {@link $T} itself,"
                        + " every type. In the order of {@link #values()}.\n\n",
                    catalog.anyEvent(),
                    catalog.anyEvent())
                : CodeBlock.of(
                    "The types of the events that are {@code eventClass}es: the type of an"
                        + " event's record class; for {@code Record}, every type. In the order of"
                        + " {@link #values()}.\n\n"))
        .addJavadoc(
            "@param eventClass the record class of an event of $L, or $L\n",
            catalog.displayPackage(),
            union ? "an interface its events implement" : "{@code Record}")
        .addJavadoc("@return the types, at least one\n")
        .addJavadoc("@throws NullPointerException if {@code eventClass} is null\n")
        .addJavadoc(
            "@throws IllegalArgumentException if no event of $L is an" + " {@code eventClass}\n",
            catalog.displayPackage())
        .beginControlFlow("if (eventClass == null)")
        .addStatement(
            "throw new $T($Z$L$W+ describe($T::eventName))",
            NullPointerException.class,
            LongLiteral.of(
                "The event class is null; expected an event of " + catalog.displayPackage() + ": "),
            self)
        .endControlFlow()
        .addStatement("$T types = new $T<>()", list, ArrayList.class)
        .beginControlFlow("for ($T type : values())", self)
        .beginControlFlow("if (eventClass.isAssignableFrom(type.eventClass))")
        .addStatement("types.add(type)")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("if (types.isEmpty())")
        .addStatement(
            "throw new $T(eventClass.getName()$W+ $L$W+ describe($T::eventName))",
            IllegalArgumentException.class,
            LongLiteral.of(
                union
                    ? " is neither an event of "
                        + catalog.displayPackage()
                        + " nor an interface of its events; its events are: "
                    : " is not an event of " + catalog.displayPackage() + "; its events are: "),
            self)
        .endControlFlow()
        .addStatement("return $T.copyOf(types)", List.class)
        .build();
  }

  /**
   * Returns the type of {@code eventClass} if it is one of the catalog's, and falls through if not.
   */
  private static CodeBlock findClass(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    CodeBlock.Builder code = CodeBlock.builder();
    if (layout.looksUpClasses()) {
      return code.addStatement(
              "$T type = $L.get(eventClass)", catalog.eventType(), layout.typeIndex("byClass"))
          .beginControlFlow("if (type != null)")
          .addStatement("return type")
          .endControlFlow()
          .build();
    }
    for (EventModel event : catalog.events()) {
      code.beginControlFlow("if (eventClass == $T.class)", event.className())
          .addStatement("return $L", event.constantName())
          .endControlFlow();
    }
    return code.build();
  }

  /** Fills {@code index} with every type by its {@code key}, and returns it. */
  private static MethodSpec index(ClassName self) {
    TypeVariableName key = TypeVariableName.get("K");
    TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class), key, self);
    return MethodSpec.methodBuilder("index")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(key)
        .returns(map)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Function.class), self, key), "key")
        .addParameter(map, "index")
        .beginControlFlow("for ($T type : values())", self)
        .addStatement("index.put(key.apply(type), type)")
        .endControlFlow()
        .addStatement("return index")
        .build();
  }

  /** Lists every event for an error message: {@code "MessageSentEvent (messageSent), ..."}. */
  private static MethodSpec describe(ClassName self) {
    return MethodSpec.methodBuilder("describe")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(String.class)
        .addParameter(
            ParameterizedTypeName.get(
                ClassName.get(Function.class), self, ClassName.get(String.class)),
            "name")
        .addStatement("$T names = new $T($S)", StringJoiner.class, StringJoiner.class, ", ")
        .beginControlFlow("for ($T type : values())", self)
        .addStatement("names.add(name.apply(type))")
        .endControlFlow()
        .addStatement("return names.toString()")
        .build();
  }
}
