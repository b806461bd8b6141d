package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the generated types of a {@link Catalog} are laid out in class files, within {@link
 * LayoutLimits}: in one enum and one hub class, or, for a catalog larger than a part, in parts:
 * {@code SupportEventType} is then a class with the enum's members whose constants come from {@code
 * SupportEventTypeConstants1}, 2, ..., and the hub extends {@code SupportEventsPart1}, 2, ..., each
 * holding the listeners and methods of one part. Also how many events a {@code switch} routes, and
 * whether {@code forClass} compares classes or looks them up.
 *
 * @param catalog the catalog laid out
 * @param limits the sizes that decide the layout
 */
record CatalogLayout(Catalog catalog, LayoutLimits limits) {

  /** The interfaces that hold the constants of a {@code SupportEventType} written in parts. */
  static final String CONSTANTS_PART = "SupportEventTypeConstants";

  /** The classes that hold the listeners and typed methods of a hub written in parts. */
  static final String HUB_PART = "SupportEventsPart";

  /** The holder of the lookups of a {@code SupportEventType} in parts, nested in it. */
  static final String TYPE_INDEX = "Index";

  /**
   * The catalog's events in runs of at most {@link LayoutLimits#largestPart()}, in order: a single
   * part, written into the generated types themselves, unless the catalog is larger.
   */
  List<List<EventModel>> parts() {
    return runs(catalog.events(), limits.largestPart());
  }

  /**
   * Whether the catalog is too large for an enum and one class file per generated type: then {@code
   * SupportEventType} is a class with the enum's members, and the hub has parts.
   */
  boolean inParts() {
    return catalog.events().size() > limits.largestPart();
  }

  /** {@code events}, such as a part's, in runs of at most one {@code switch}, in order. */
  List<List<EventModel>> routes(List<EventModel> events) {
    return runs(events, limits.largestSwitch());
  }

  /** Whether {@code forClass} looks classes up in a map rather than comparing them in turn. */
  boolean looksUpClasses() {
    return catalog.events().size() > limits.largestComparedCatalog();
  }

  /** The simple names of the generated types, which no type of the package may take. */
  List<String> generatedTypes() {
    if (!inParts()) {
      return Catalog.GENERATED_TYPES;
    }
    List<String> names = new ArrayList<>(Catalog.GENERATED_TYPES);
    int parts = parts().size();
    for (int part = 1; part <= parts; part++) {
      names.add(CONSTANTS_PART + part);
      names.add(HUB_PART + part);
    }
    return names;
  }

  /**
   * The simple names of the types nested in generated types, with the type that nests each: inside
   * it they hide a type of the unnamed package with the same name, which generated code cannot
   * write qualified.
   */
  Map<String, String> nestedTypes() {
    Map<String, String> nested = new LinkedHashMap<>();
    String inHub = "hub " + catalog.hub().simpleName();
    nested.put(Catalog.HUB_BUILDER, inHub);
    nested.put(Catalog.EMITTER_VIEW, inHub);
    if (inParts()) {
      nested.put(TYPE_INDEX, catalog.eventType().simpleName());
    }
    return nested;
  }

  /** {@code SupportEventTypeConstants2}: the constants of the second part. */
  ClassName constantsPart(int part) {
    return ClassName.get(catalog.packageName(), CONSTANTS_PART + part);
  }

  /**
   * The type that declares the constant of the event of {@code ordinal}: {@code SupportEventType},
   * or in a catalog in parts the constants interface of the event's part. Generated code names the
   * constant there, for ecj warns of a static field named through a type that inherits it.
   */
  ClassName constantOwner(int ordinal) {
    return inParts() ? constantsPart(ordinal / limits.largestPart() + 1) : catalog.eventType();
  }

  /** {@code SupportEventsPart2}: the listeners and typed methods of the second part. */
  ClassName hubPart(int part) {
    return ClassName.get(catalog.packageName(), HUB_PART + part);
  }

  /** A static index of {@code SupportEventType}: its own field, or {@code Index}'s in parts. */
  String typeIndex(String index) {
    return inParts() ? TYPE_INDEX + "." + index : index;
  }

  /** {@code switch (type)} over an enum; over {@code type.ordinal()} in a catalog in parts. */
  CodeBlock switchOn(CodeBlock type) {
    return inParts() ? CodeBlock.of("$L.ordinal()", type) : type;
  }

  /** The case of {@code event}: its constant, or its ordinal in a catalog in parts. */
  CodeBlock caseLabel(EventModel event, int ordinal) {
    return inParts() ? CodeBlock.of("$L", ordinal) : CodeBlock.of("$N", event.constantName());
  }

  /** {@code events} in runs of at most {@code size}, in order. */
  private static <T> List<List<T>> runs(List<T> events, int size) {
    List<List<T>> runs = new ArrayList<>();
    for (int from = 0; from < events.size(); from += size) {
      runs.add(events.subList(from, Math.min(events.size(), from + size)));
    }
    return runs;
  }
}
