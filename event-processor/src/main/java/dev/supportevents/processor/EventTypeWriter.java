package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/** Writes {@code SupportEventType}: one enum constant per event, with lookups by class and name. */
final class EventTypeWriter {

  private static final ClassName INDEX = ClassName.bestGuess(CatalogAnnotation.INDEX_NAME);

  /**
   * The largest catalog whose {@code forClass} compares the class with each event class in turn.
   * Each comparison costs about 0.14 ns, a lookup in an {@link IdentityHashMap} about 2 ns
   * whatever the catalog's size: the comparisons win up to about 16 classes, and {@code
   * emit(Record)} then costs 1.1 ns with no listener instead of 2.9 ns. Larger catalogs use the
   * map.
   */
  static final int LARGEST_COMPARED_CATALOG = 16;

  private EventTypeWriter() {}

  /** {@code @SupportEventIndex(events = {...})}: every record, for catalogs that extend this one. */
  private static AnnotationSpec index(Catalog catalog) {
    AnnotationSpec.Builder index = AnnotationSpec.builder(INDEX);
    for (EventModel event : catalog.events()) {
      index.addMember("events", "$T.class", event.className());
    }
    return index.build();
  }

  /** {@code Class<? extends Record>}, or of the union: the class of an event of the catalog. */
  private static TypeName eventClass(Catalog catalog) {
    return ParameterizedTypeName.get(
        ClassName.get(Class.class), WildcardTypeName.subtypeOf(catalog.anyEvent()));
  }

  static TypeSpec write(Catalog catalog) {
    ClassName self = catalog.eventType();
    TypeName eventClass = eventClass(catalog);
    TypeSpec.Builder type = TypeSpec.enumBuilder(self)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(GeneratedCode.EVENT_TYPE)
        .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
        .addAnnotation(index(catalog))
        .addAnnotations(GeneratedCode.suppressWarnings(catalog, catalog.recordWarnings()))
        .addJavadoc(catalog.union() == null
            ? CodeBlock.of("The types of the support events of $L, one constant per"
                + " {@code @SupportEvent} record.\n", catalog.displayPackage())
            : CodeBlock.of("The types of the support events of $L, one constant per record"
                + " that {@link $T} permits.\n", catalog.displayPackage(), catalog.anyEvent()))
        .addJavadoc("\n<p>Use it to subscribe by type, to switch over events, and to translate"
            + " between events and their wire names.\n")
        .addJavadoc("\n<p>Its {@link $T} lets the catalog of another package include these"
            + " events: {@code @SupportEventCatalog(extend = SupportEventType.class)}.\n", INDEX);
    for (EventModel event : catalog.events()) {
      type.addEnumConstant(event.constantName(), TypeSpec.anonymousClassBuilder(
              "$S, $T.class", event.wireName(), event.className())
          .addJavadoc("$L, wire name {@code $S}.\n", GeneratedCode.link(event), event.wireName())
          .build());
    }
    // Lower-case static fields: an enum constant, always upper case, can never take their name.
    TypeName byWireNameType = ParameterizedTypeName.get(ClassName.get(Map.class),
        ClassName.get(String.class), self);
    type.addField(FieldSpec.builder(byWireNameType, "byWireName", Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("index($T::wireName, new $T<>())", self, HashMap.class)
        .build());
    if (looksUpClasses(catalog)) {
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(ClassName.get(Map.class), eventClass, self), "byClass",
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("index($T::eventClass, new $T<>())", self, IdentityHashMap.class)
          .build());
    }
    return type
        .addField(String.class, "wireName", Modifier.PRIVATE, Modifier.FINAL)
        .addField(eventClass, "eventClass", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(String.class, "wireName")
            .addParameter(eventClass, "eventClass")
            .addStatement("this.wireName = wireName")
            .addStatement("this.eventClass = eventClass")
            .build())
        .addMethod(MethodSpec.methodBuilder("wireName")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addJavadoc("The name of this event outside Java, as in analytics and logs.\n\n")
            .addJavadoc("@return the wire name, unique within $L\n", catalog.displayPackage())
            .addStatement("return wireName")
            .build())
        .addMethod(MethodSpec.methodBuilder("eventClass")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(eventClass)
            .addJavadoc("The record class of this event.\n\n@return the event's record class\n")
            .addStatement("return eventClass")
            .build())
        .addMethod(fromWireName(catalog))
        .addMethod(find(catalog))
        .addMethod(of(catalog))
        .addMethod(forClass(catalog))
        .addMethod(index(self))
        .addMethod(MethodSpec.methodBuilder("eventName")
            .addModifiers(Modifier.PRIVATE)
            .returns(String.class)
            .addStatement("return eventClass.getSimpleName() + $S + wireName + $S", " (", ")")
            .build())
        .addMethod(describe(self))
        .build();
  }

  private static MethodSpec fromWireName(Catalog catalog) {
    return MethodSpec.methodBuilder("fromWireName")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(catalog.eventType())
        .addParameter(String.class, "wireName")
        .addJavadoc("The event type with the wire name {@code wireName}.\n\n")
        .addJavadoc("@param wireName a wire name, such as {@code $S}\n",
            catalog.events().get(0).wireName())
        .addJavadoc("@return the event type of that name\n")
        .addJavadoc("@throws IllegalArgumentException if no event of $L has that name\n",
            catalog.displayPackage())
        .addStatement("$T.requireNonNull(wireName, $S)", Objects.class, "wireName")
        .addStatement("$T type = byWireName.get(wireName)", catalog.eventType())
        .beginControlFlow("if (type == null)")
        .addStatement("throw new $T($S + wireName + $S + describe($T::wireName))",
            IllegalArgumentException.class, "No event of " + catalog.displayPackage()
                + " has the wire name \"", "\"; the wire names are: ", catalog.eventType())
        .endControlFlow()
        .addStatement("return type")
        .build();
  }

  /** {@code find(wireName)}: the lookup for names read from outside, with no exception. */
  private static MethodSpec find(Catalog catalog) {
    return MethodSpec.methodBuilder("find")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), catalog.eventType()))
        .addParameter(String.class, "wireName")
        .addJavadoc("The event type with the wire name {@code wireName}, if $L has one: for"
            + " names read from outside, such as webhooks and logs, where an unknown name is"
            + " data rather than a mistake.\n\n", catalog.displayPackage())
        .addJavadoc("@param wireName a wire name, such as {@code $S}\n",
            catalog.events().get(0).wireName())
        .addJavadoc("@return the event type of that name, or empty if no event has it\n")
        .addJavadoc("@throws NullPointerException if {@code wireName} is null\n")
        .addStatement("$T.requireNonNull(wireName, $S)", Objects.class, "wireName")
        .addStatement("return $T.ofNullable(byWireName.get(wireName))", Optional.class)
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
        .addJavadoc("@throws IllegalArgumentException if {@code event} is not an event of $L\n",
            catalog.displayPackage())
        .beginControlFlow("if (event == null)")
        .addStatement("throw new $T($S + describe($T::eventName))", NullPointerException.class,
            "The event is null; expected an event of " + catalog.displayPackage() + ": ",
            catalog.eventType())
        .endControlFlow()
        .addStatement("return forClass(event.getClass())")
        .build();
  }

  private static MethodSpec forClass(Catalog catalog) {
    return MethodSpec.methodBuilder("forClass")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(catalog.eventType())
        .addParameter(eventClass(catalog), "eventClass")
        .addJavadoc("The type of the events of class {@code eventClass}.\n\n")
        .addJavadoc("@param eventClass the record class of an event of $L\n",
            catalog.displayPackage())
        .addJavadoc("@return its type\n")
        .addJavadoc("@throws NullPointerException if {@code eventClass} is null\n")
        .addJavadoc("@throws IllegalArgumentException if it is not an event class of $L\n",
            catalog.displayPackage())
        .beginControlFlow("if (eventClass == null)")
        .addStatement("throw new $T($S + describe($T::eventName))", NullPointerException.class,
            "The event class is null; expected an event of " + catalog.displayPackage() + ": ",
            catalog.eventType())
        .endControlFlow()
        .addCode(findClass(catalog))
        .addStatement("throw new $T(eventClass.getName() + $S + describe($T::eventName))",
            IllegalArgumentException.class,
            " is not an event of " + catalog.displayPackage() + "; its events are: ",
            catalog.eventType())
        .build();
  }

  private static boolean looksUpClasses(Catalog catalog) {
    return catalog.events().size() > LARGEST_COMPARED_CATALOG;
  }

  /** Returns the type of {@code eventClass} if it is one of the catalog's, and falls through if not. */
  private static CodeBlock findClass(Catalog catalog) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (looksUpClasses(catalog)) {
      return code.addStatement("$T type = byClass.get(eventClass)", catalog.eventType())
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
        .addParameter(ParameterizedTypeName.get(ClassName.get(Function.class), self,
            ClassName.get(String.class)), "name")
        .addStatement("$T names = new $T($S)", StringJoiner.class, StringJoiner.class, ", ")
        .beginControlFlow("for ($T type : values())", self)
        .addStatement("names.add(name.apply(type))")
        .endControlFlow()
        .addStatement("return names.toString()")
        .build();
  }
}
