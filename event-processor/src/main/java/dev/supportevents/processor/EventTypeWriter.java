package dev.supportevents.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Writes {@code SupportEventType}: one enum constant per event, with lookups by class and name. */
final class EventTypeWriter {

  private static final ClassName INDEX = IndexWriter.type();

  private EventTypeWriter() {}

  /** {@code Class<? extends Record>}, or of the union: the class of an event of the catalog. */
  static TypeName eventClass(Catalog catalog) {
    return ParameterizedTypeName.get(
        ClassName.get(Class.class), WildcardTypeName.subtypeOf(catalog.anyEvent()));
  }

  /**
   * {@code SupportEventType}: an enum, or for a catalog written in parts, which no enum can hold, a
   * final class with the enum's members whose constants come from {@link #constantParts}.
   */
  static TypeSpec write(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    TypeSpec.Builder type = layout.inParts() ? typeClass(layout) : typeEnum(layout);
    type.addModifiers(Modifier.PUBLIC)
        .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
        .addAnnotation(IndexWriter.index(catalog))
        .addAnnotations(
            GeneratedCode.suppressWarningsNamingRuntime(catalog, catalog.recordWarnings()))
        .addJavadoc(
            catalog.union() == null
                ? CodeBlock.of(
                    "The types of the support events of $L, one constant per"
                        + " {@code @SupportEvent} record.\n",
                    catalog.displayPackage())
                : CodeBlock.of(
                    "The types of the support events of $L, one constant per record"
                        + " that {@link $T} permits.\n",
                    catalog.displayPackage(),
                    catalog.anyEvent()))
        .addJavadoc(
            "\n<p>Use it to subscribe by type, to switch over events, and to translate"
                + " between events and their wire names.\n")
        .addJavadoc(
            "\n<p>Its {@link $T} lets the catalog of another package include these"
                + " events: {@code @SupportEventCatalog(extend = SupportEventType.class)}.\n",
            INDEX);
    if (layout.inParts()) {
      type.addJavadoc(
          "\n<p>The catalog's $L events are written in parts, more than one class file"
              + " holds, so this is a class with an enum's members: {@code name()},"
              + " {@code ordinal()}, {@code values()}, {@code valueOf(String)} and {@code compareTo}. Switch over {@code ordinal()}, and"
              + " key maps by the type itself.\n",
          Prose.count(catalog.events().size()));
    }
    TypeName eventClass = eventClass(catalog);
    return type.addField(String.class, "wireName", Modifier.PRIVATE, Modifier.FINAL)
        .addField(eventClass, "eventClass", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.methodBuilder("wireName")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("The name of this event outside Java, as in analytics and logs.\n\n")
                .addJavadoc("@return the wire name, unique within $L\n", catalog.displayPackage())
                .addStatement("return wireName")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("eventClass")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(eventClass)
                .addJavadoc("The record class of this event.\n\n@return the event's record class\n")
                .addStatement("return eventClass")
                .build())
        .addMethods(EventLookupWriter.methods(layout))
        .build();
  }

  /** The enum: its constants, its constructor and its indexes. */
  private static TypeSpec.Builder typeEnum(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    ClassName self = catalog.eventType();
    TypeSpec.Builder type = TypeSpec.enumBuilder(self).addSuperinterface(GeneratedCode.EVENT_TYPE);
    for (EventModel event : catalog.events()) {
      type.addEnumConstant(
          event.constantName(),
          TypeSpec.anonymousClassBuilder("$S,$W$T.class", event.wireName(), event.className())
              .addJavadoc("$L, wire name {@code $S}.\n", Prose.link(event), event.wireName())
              .build());
    }
    // Lower-case static fields: an enum constant, always upper case, can never take their name.
    indexes(layout, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).forEach(type::addField);
    return type.addMethod(
        MethodSpec.constructorBuilder()
            .addParameter(String.class, "wireName")
            .addParameter(eventClass(catalog), "eventClass")
            .addStatement("this.wireName = wireName")
            .addStatement("this.eventClass = eventClass")
            .build());
  }

  /**
   * {@code byWireName}, and {@code byClass} for catalogs that look classes up in a map. Its key is
   * {@code Class<?>}, which reads any class it is asked for, and keeps the line short whatever the
   * union's name.
   */
  private static List<FieldSpec> indexes(CatalogLayout layout, Modifier... modifiers) {
    Catalog catalog = layout.catalog();
    ClassName self = catalog.eventType();
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(
        FieldSpec.builder(
                ParameterizedTypeName.get(
                    ClassName.get(Map.class), ClassName.get(String.class), self),
                "byWireName",
                modifiers)
            .initializer("index($Z$T::wireName,$Wnew $T<>())", self, HashMap.class)
            .build());
    if (layout.looksUpClasses()) {
      TypeName anyClass =
          ParameterizedTypeName.get(
              ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
      fields.add(
          FieldSpec.builder(
                  ParameterizedTypeName.get(ClassName.get(Map.class), anyClass, self),
                  "byClass",
                  modifiers)
              .initializer("index($Z$T::eventClass,$Wnew $T<>())", self, IdentityHashMap.class)
              .build());
    }
    return fields;
  }

  /**
   * The class of a catalog in parts. Its constants are fields of the package-private interfaces it
   * implements, each created where its interface is initialized; its own static state waits in
   * {@code Index} until a lookup needs it, since reading the constants while the class is
   * initialized would find those of a part that is being initialized still {@code null}.
   */
  private static TypeSpec.Builder typeClass(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    ClassName self = catalog.eventType();
    TypeName array = ArrayTypeName.of(self);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.FINAL)
            .addSuperinterface(GeneratedCode.EVENT_TYPE)
            .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Comparable.class), self));
    List<CodeBlock> parts = new ArrayList<>();
    for (int part = 1; part <= layout.parts().size(); part++) {
      type.addSuperinterface(layout.constantsPart(part));
      parts.add(CodeBlock.of("$T.constants()", layout.constantsPart(part)));
    }
    TypeSpec.Builder index =
        TypeSpec.classBuilder(CatalogLayout.TYPE_INDEX)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addField(
                FieldSpec.builder(array, "values", Modifier.STATIC, Modifier.FINAL)
                    .initializer(
                        "$T.of($>$>\n$L)$<$<\n$>$>.flatMap($T::stream)\n.toArray($T[]::new)$<$<",
                        Stream.class,
                        CodeBlock.join(parts, ",\n"),
                        Arrays.class,
                        self)
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(
                            ClassName.get(Map.class), ClassName.get(String.class), self),
                        "byName",
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("index($Z$T::name,$Wnew $T<>())", self, HashMap.class)
                    .build())
            .addFields(indexes(layout, Modifier.STATIC, Modifier.FINAL));
    return type.addType(index.build())
        .addField(String.class, "name", Modifier.PRIVATE, Modifier.FINAL)
        .addField(int.class, "ordinal", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(String.class, "name")
                .addParameter(int.class, "ordinal")
                .addParameter(String.class, "wireName")
                .addParameter(eventClass(catalog), "eventClass")
                .addStatement("this.name = name")
                .addStatement("this.ordinal = ordinal")
                .addStatement("this.wireName = wireName")
                .addStatement("this.eventClass = eventClass")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("name")
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("The name of this constant, as an enum's.\n\n")
                .addJavadoc(
                    "@return the constant's name, such as {@code $S}\n",
                    catalog.events().get(0).constantName())
                .addStatement("return name")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("ordinal")
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addJavadoc("The position of this constant in {@link #values()}, as an enum's.\n\n")
                .addJavadoc("@return the position, from 0\n")
                .addStatement("return ordinal")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("compareTo")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addParameter(self, "other")
                .addJavadoc("Compares the ordinals, as an enum does.\n\n")
                .addJavadoc("@param other another event type\n")
                .addJavadoc(
                    "@return a negative number, zero or a positive number as this type comes"
                        + " before, is, or comes after {@code other}\n")
                .addStatement("return $T.compare(ordinal, other.ordinal)", Integer.class)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("The name of this constant, as an enum's.\n\n@return {@link #name()}\n")
                .addStatement("return name")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("values")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(array)
                .addJavadoc("Every event type, in order, as an enum's {@code values()}.\n\n")
                .addJavadoc("@return a new array of the event types, by ordinal\n")
                .addStatement("return $L.values.clone()", CatalogLayout.TYPE_INDEX)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("valueOf")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(String.class, "name")
                .addJavadoc(
                    "The event type whose constant is named {@code name}, as an enum's"
                        + " {@code valueOf}.\n\n")
                .addJavadoc(
                    "@param name a constant's name, such as {@code $S}\n",
                    catalog.events().get(0).constantName())
                .addJavadoc("@return the event type of that name\n")
                .addJavadoc("@throws NullPointerException if {@code name} is null\n")
                .addJavadoc("@throws IllegalArgumentException if no constant has that name\n")
                .addStatement("$T.requireNonNull(name, $S)", Objects.class, "name")
                .addStatement("$T type = $L.byName.get(name)", self, CatalogLayout.TYPE_INDEX)
                .beginControlFlow("if (type == null)")
                .addStatement(
                    "throw new $T($S + name)",
                    IllegalArgumentException.class,
                    "No constant " + self.simpleName() + ".")
                .endControlFlow()
                .addStatement("return type")
                .build());
  }

  /**
   * {@code SupportEventTypeConstants1}, 2, ...: the constants of a catalog in parts, each interface
   * holding those of one part; none for a catalog that is one enum.
   */
  static List<TypeSpec> constantParts(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    if (!layout.inParts()) {
      return List.of();
    }
    List<TypeSpec> types = new ArrayList<>();
    int ordinal = 0;
    List<List<EventModel>> parts = layout.parts();
    for (int part = 1; part <= parts.size(); part++) {
      List<EventModel> events = parts.get(part - 1);
      TypeSpec.Builder type =
          TypeSpec.interfaceBuilder(layout.constantsPart(part))
              .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
              .addAnnotations(GeneratedCode.suppressWarnings(catalog, catalog.recordWarnings()))
              .addJavadoc(
                  "The constants of {@link $T} for $L, part $L of $L: one class file cannot"
                      + " hold every constant of a catalog of $L events.\n",
                  catalog.eventType(),
                  Prose.span(events),
                  part,
                  parts.size(),
                  Prose.count(catalog.events().size()));
      List<CodeBlock> constants = new ArrayList<>();
      for (EventModel event : events) {
        type.addField(
            FieldSpec.builder(
                    catalog.eventType(),
                    event.constantName(),
                    Modifier.PUBLIC,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .addJavadoc("$L, wire name {@code $S}.\n", Prose.link(event), event.wireName())
                .initializer(
                    "new $T($S,$W$L,$W$S,$W$T.class)",
                    catalog.eventType(),
                    event.constantName(),
                    ordinal++,
                    event.wireName(),
                    event.className())
                .build());
        constants.add(CodeBlock.of("$N", event.constantName()));
      }
      types.add(
          type.addMethod(
                  MethodSpec.methodBuilder("constants")
                      .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                      .returns(ArrayTypeName.of(catalog.eventType()))
                      .addJavadoc("The constants of this part, in order.\n\n@return a new array\n")
                      .addCode(
                          "return new $T[] {\n$>$L$<\n};\n",
                          catalog.eventType(),
                          CodeBlock.join(constants, ",\n"))
                      .build())
              .build());
    }
    return types;
  }
}
