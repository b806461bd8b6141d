package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * What is left waiting when processing ends: each event or declaration that names a type that never
 * appeared, with that type, and every other event of its package, which waited with it.
 */
final class NeverResolved {

  private NeverResolved() {}

  /**
   * A report about every package still waiting.
   *
   * @param packages the packages that wait, with or without events of their own
   * @param events the qualified names of the events that wait
   */
  static List<ValidationReport> report(
      Elements elements, Set<String> packages, Set<String> events) {
    Map<String, List<TypeElement>> byPackage = new TreeMap<>();
    packages.forEach(packageName -> byPackage.put(packageName, new ArrayList<>()));
    for (String name : events) {
      TypeElement event = elements.getTypeElement(name);
      if (event != null) {
        String packageName = elements.getPackageOf(event).getQualifiedName().toString();
        byPackage.computeIfAbsent(packageName, unused -> new ArrayList<>()).add(event);
      }
    }
    List<ValidationReport> reports = new ArrayList<>();
    byPackage.forEach(
        (packageName, waiting) -> reports.add(reportPackage(elements, packageName, waiting)));
    return reports;
  }

  /**
   * Reports, on the declaration that names it, each type that never appeared: the event's, or for a
   * union, the permitted record's, where a missing import is; each declaration once. The report is
   * about the package.
   */
  private static ValidationReport reportPackage(
      Elements elements, String packageName, List<TypeElement> events) {
    PackageElement packageElement = elements.getPackageElement(packageName);
    ValidationReport report = ValidationReport.about(packageElement);
    String displayPackage = Catalog.displayPackage(packageName);
    Set<String> waitingFor = new LinkedHashSet<>();
    List<TypeElement> waitingWithThem = new ArrayList<>();
    for (TypeElement event : events) {
      if (TypeResolution.unresolvedTypes(event).isEmpty()) {
        waitingWithThem.add(event);
        continue;
      }
      List<TypeElement> declarations = new ArrayList<>(List.of(event));
      declarations.addAll(TypeResolution.permittedDeclarations(event));
      for (TypeElement declaration : declarations) {
        Set<String> unresolved = TypeResolution.unresolvedInDeclaration(declaration);
        String name = declaration.getQualifiedName().toString();
        if (!unresolved.isEmpty() && waitingFor.add(name)) {
          report.error(
              declaration,
              Message.NEVER_RESOLVED,
              Map.of(
                  "declaration", name,
                  "types", String.join(", ", unresolved),
                  "package", displayPackage));
        }
      }
    }
    for (Element declaration : CatalogDeclarations.in(packageElement)) {
      List<String> unresolved = ExtendedCatalogReader.unresolvedCatalogs(declaration);
      if (!unresolved.isEmpty()) {
        report.error(
            declaration,
            Message.EXTENDED_NEVER_RESOLVED,
            Map.of(
                "declaration", declaration,
                "catalogs", String.join(", ", unresolved),
                "package", displayPackage));
        waitingFor.add("@SupportEventCatalog on " + declaration);
      }
    }
    for (TypeElement event : waitingWithThem) {
      report.error(
          event,
          Message.WAITED_WITH_PACKAGE,
          Map.of(
              "record", event.getQualifiedName(),
              "package", displayPackage,
              "waitingFor", String.join(", ", waitingFor)));
    }
    return report;
  }
}
