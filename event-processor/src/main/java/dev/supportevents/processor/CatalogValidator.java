package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Checks the rules that concern the events of one package together. */
final class CatalogValidator {

  /** The generated Java names of an event; two events sharing any of them cannot coexist. */
  private static final List<Function<EventModel, String>> JAVA_NAMES =
      List.of(EventModel::constantName, EventModel::callbackName, EventModel::listenersField);

  /**
   * The most events a catalog holds, the largest tested. Above {@link LayoutLimits#LARGEST_PART}
   * the hub and {@code SupportEventType} are written in parts, but the callbacks and emitter
   * interfaces and the hub's emitter view still name every event in one class file: 2 to 7 entries
   * of its constant pool per event, of at most 65,535, which {@link ClassFileBudget} estimates for
   * the catalog's own events. Beyond the limits javac would stop with "too many constants" in
   * generated code; the processor reports the catalog instead.
   */
  static final int LARGEST_CATALOG = 10_000;

  private final Elements elements;
  private final ValidationReport report;

  /** A validator that reports to {@code report}, about the catalog. */
  CatalogValidator(Elements elements, ValidationReport report) {
    this.elements = elements;
    this.report = report;
  }

  /**
   * Reports every clash in the catalog {@code layout} lays out, on each record involved: shared
   * wire names, shared Java names, and types of the package that take a generated type's name.
   *
   * @param sourceTypes the qualified names of the types declared in this compilation's sources
   */
  void validate(CatalogLayout layout, Set<String> sourceTypes) {
    Catalog catalog = layout.catalog();
    if (catalog.events().size() > LARGEST_CATALOG) {
      report.error(
          catalog.anchor(),
          Message.CATALOG_TOO_LARGE,
          Map.of(
              "package", catalog.displayPackage(),
              "count", catalog.events().size(),
              "largest", LARGEST_CATALOG));
      return;
    }
    Optional<ClassFileBudget.Estimate> overflow = ClassFileBudget.firstOverflow(layout);
    if (overflow.isPresent()) {
      report.error(
          catalog.anchor(),
          Message.CLASS_FILE_TOO_LARGE,
          Map.of(
              "package", catalog.displayPackage(),
              "entries", Prose.count(overflow.get().entries()),
              "type", overflow.get().type(),
              "largest", Prose.count(ClassFileBudget.LARGEST_POOL)));
      return;
    }
    checkDistinctNames(catalog);
    boolean compiledCatalog = hasCompiledCatalog(catalog, sourceTypes);
    for (String generated : layout.generatedTypes()) {
      String name = catalog.qualify(generated);
      boolean inSources = sourceTypes.contains(name);
      if (inSources || (catalog.packageTypeNames().contains(generated) && !compiledCatalog)) {
        TypeElement taken = elements.getTypeElement(name);
        // A class file has no line to point at; the catalog's first record does.
        Element at = inSources && taken != null ? taken : catalog.anchor();
        report.error(
            at,
            Message.GENERATED_NAME_TAKEN,
            Map.of(
                "package", catalog.displayPackage(),
                "simpleName", generated,
                "type", name));
      }
    }
    if (catalog.packageName().isEmpty()) {
      for (Map.Entry<String, String> nested : layout.nestedTypes().entrySet()) {
        String name = nested.getKey();
        if (catalog.packageTypeNames().contains(name)) {
          TypeElement taken = elements.getTypeElement(name);
          Element at = sourceTypes.contains(name) && taken != null ? taken : catalog.anchor();
          report.error(
              at, Message.NESTED_TYPE_NAME_TAKEN, Map.of("name", name, "owner", nested.getValue()));
        }
      }
    }
  }

  /**
   * Whether the package's class files hold a catalog this processor generated earlier, which the
   * new one replaces: its {@code SupportEventType} carries {@code @SupportEventIndex}.
   */
  private boolean hasCompiledCatalog(Catalog catalog, Set<String> sourceTypes) {
    String name = catalog.eventType().canonicalName();
    TypeElement eventType = sourceTypes.contains(name) ? null : elements.getTypeElement(name);
    return eventType != null && CatalogAnnotation.indexOn(eventType) != null;
  }

  /**
   * Reports every two events that share a Java name or a wire name, each pair once, in one pass:
   * each name is looked up among those of the events before it.
   */
  private void checkDistinctNames(Catalog catalog) {
    List<EventModel> events = catalog.events();
    List<Map<String, Integer>> javaNames = new ArrayList<>();
    JAVA_NAMES.forEach(unused -> javaNames.add(new HashMap<>()));
    Map<String, Integer> wireNames = new HashMap<>();
    Set<List<Integer>> javaClashes = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      EventModel event = events.get(i);
      for (int family = 0; family < JAVA_NAMES.size(); family++) {
        String name = JAVA_NAMES.get(family).apply(event);
        Integer earlier = javaNames.get(family).putIfAbsent(name, i);
        if (earlier != null) {
          if (javaClashes.add(List.of(earlier, i))) {
            reportClash(catalog, events.get(earlier), event, Clash.JAVA_NAME, name);
          }
        }
      }
      Integer earlier = wireNames.putIfAbsent(event.wireName(), i);
      if (earlier != null) {
        EventModel other = events.get(earlier);
        // Two derived wire names are equal only if the Java names clash too: one report says it.
        if (!(other.hasDerivedWireName() && event.hasDerivedWireName())) {
          reportClash(catalog, other, event, Clash.WIRE_NAME, event.wireName());
        }
      }
    }
  }

  /** The two kinds of name two events of a catalog cannot share, and their messages. */
  private enum Clash {
    JAVA_NAME(
        "generated name",
        "javaName",
        Message.DUPLICATE_JAVA_NAME,
        Message.DUPLICATE_JAVA_NAME_WITH_EXTENDED),
    WIRE_NAME(
        "wire name",
        "wireName",
        Message.DUPLICATE_WIRE_NAME,
        Message.DUPLICATE_WIRE_NAME_WITH_EXTENDED);

    final String noun;

    /** The placeholder of the shared name in both messages. */
    final String placeholder;

    final Message betweenOwn;
    final Message withExtended;

    Clash(String noun, String placeholder, Message betweenOwn, Message withExtended) {
      this.noun = noun;
      this.placeholder = placeholder;
      this.betweenOwn = betweenOwn;
      this.withExtended = withExtended;
    }
  }

  /**
   * Reports a clash on each of the package's own records involved; one with an event of an extended
   * catalog names that event, which the package cannot rename; two events of extended catalogs
   * clash on the catalog's declaration.
   */
  private void reportClash(
      Catalog catalog, EventModel a, EventModel b, Clash clash, String shared) {
    if (a.isOwn() && b.isOwn()) {
      reportBoth(a, b, clash, shared);
    } else if (a.isOwn() || b.isOwn()) {
      EventModel own = a.isOwn() ? a : b;
      EventModel extended = a.isOwn() ? b : a;
      report.error(
          own.element(),
          clash.withExtended,
          Map.of(
              "record",
              own.displayName(),
              "other",
              extended.displayName(),
              "catalog",
              extended.includedFrom(),
              clash.placeholder,
              shared));
    } else {
      report.error(
          catalog.declaration(),
          Message.EXTENDED_CATALOGS_CLASH,
          Map.of(
              "package", catalog.displayPackage(),
              "record", a.displayName(),
              "catalog", a.includedFrom(),
              "other", b.displayName(),
              "otherCatalog", b.includedFrom(),
              "kindOfName", clash.noun,
              "name", shared));
    }
  }

  private void reportBoth(EventModel a, EventModel b, Clash clash, String shared) {
    report.error(
        a.element(),
        clash.betweenOwn,
        Map.of("record", a.displayName(), "other", b.displayName(), clash.placeholder, shared));
    report.error(
        b.element(),
        clash.betweenOwn,
        Map.of("record", b.displayName(), "other", a.displayName(), clash.placeholder, shared));
  }
}
