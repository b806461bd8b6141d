package dev.supportevents.processor;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Checks the rules that concern the events of one package together. */
final class CatalogValidator {

  /** The generated Java names of an event; two events sharing any of them cannot coexist. */
  private static final List<Function<EventModel, String>> JAVA_NAMES =
      List.of(EventModel::constantName, EventModel::callbackName, EventModel::listenersField);

  private final Elements elements;
  private final ValidationReport report;

  CatalogValidator(Elements elements, ValidationReport report) {
    this.elements = elements;
    this.report = report;
  }

  /**
   * Reports every clash in {@code catalog}, on each record involved: shared wire names, shared
   * Java names, and types of the package that take a generated type's name.
   *
   * @param sourceTypes the qualified names of the types declared in this compilation's sources
   * @return whether the catalog can be generated
   */
  boolean validate(Catalog catalog, Set<String> sourceTypes) {
    boolean valid = true;
    List<EventModel> events = catalog.events();
    for (int i = 0; i < events.size(); i++) {
      for (int j = i + 1; j < events.size(); j++) {
        valid &= distinct(catalog, events.get(i), events.get(j));
      }
    }
    for (String generated : Catalog.GENERATED_TYPES) {
      String name = catalog.qualify(generated);
      if (sourceTypes.contains(name)) {
        TypeElement taken = elements.getTypeElement(name);
        report.error(taken, Message.GENERATED_NAME_TAKEN,
            catalog.displayPackage(), generated, taken.getQualifiedName());
        valid = false;
      }
    }
    return valid;
  }

  private boolean distinct(Catalog catalog, EventModel a, EventModel b) {
    String sharedJavaName = sharedJavaName(a, b);
    if (sharedJavaName != null) {
      reportClash(catalog, a, b, Clash.JAVA_NAME, sharedJavaName);
    }
    boolean sameWireName = a.wireName().equals(b.wireName());
    // Two derived wire names are equal only if the Java names clash too: one report says it all.
    if (sameWireName && !(a.hasDerivedWireName() && b.hasDerivedWireName())) {
      reportClash(catalog, a, b, Clash.WIRE_NAME, a.wireName());
    }
    return sharedJavaName == null && !sameWireName;
  }

  /** The two kinds of name two events of a catalog cannot share, and their messages. */
  private enum Clash {
    JAVA_NAME("generated name", Message.DUPLICATE_JAVA_NAME,
        Message.DUPLICATE_JAVA_NAME_WITH_EXTENDED),
    WIRE_NAME("wire name", Message.DUPLICATE_WIRE_NAME,
        Message.DUPLICATE_WIRE_NAME_WITH_EXTENDED);

    final String noun;
    final Message betweenOwn;
    final Message withExtended;

    Clash(String noun, Message betweenOwn, Message withExtended) {
      this.noun = noun;
      this.betweenOwn = betweenOwn;
      this.withExtended = withExtended;
    }
  }

  /**
   * Reports a clash on each of the package's own records involved; one with an event of an
   * extended catalog names that event, which the package cannot rename; two events of extended
   * catalogs clash on the catalog's declaration.
   */
  private void reportClash(
      Catalog catalog, EventModel a, EventModel b, Clash clash, String shared) {
    if (a.isOwn() && b.isOwn()) {
      reportBoth(a, b, clash.betweenOwn, shared);
    } else if (a.isOwn() || b.isOwn()) {
      EventModel own = a.isOwn() ? a : b;
      EventModel extended = a.isOwn() ? b : a;
      report.error(own.element(), clash.withExtended, own.displayName(),
          extended.displayName(), extended.includedFrom(), shared, own.displayName());
    } else {
      report.error(catalog.declaration(), Message.EXTENDED_CATALOGS_CLASH,
          catalog.displayPackage(), a.displayName(), a.includedFrom(), b.displayName(),
          b.includedFrom(), clash.noun, shared);
    }
  }

  /** The first generated Java name that {@code a} and {@code b} share, or {@code null}. */
  private static String sharedJavaName(EventModel a, EventModel b) {
    for (Function<EventModel, String> javaName : JAVA_NAMES) {
      String name = javaName.apply(a);
      if (name.equals(javaName.apply(b))) {
        return name;
      }
    }
    return null;
  }

  private void reportBoth(EventModel a, EventModel b, Message message, String shared) {
    report.error(a.element(), message, a.displayName(), b.displayName(), shared);
    report.error(b.element(), message, b.displayName(), a.displayName(), shared);
  }
}
