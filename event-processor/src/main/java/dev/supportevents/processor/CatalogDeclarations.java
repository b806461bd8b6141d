package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Finds the {@code @SupportEventCatalog} of a package and checks that it makes sense. */
final class CatalogDeclarations {

  private CatalogDeclarations() {}

  /**
   * The package itself and each of its types, nested ones included, that carry
   * {@code @SupportEventCatalog}. The package is searched, not only this round's sources, so that a
   * declaration compiled earlier still counts when only the events are compiled again.
   */
  static List<Element> in(PackageElement packageElement) {
    List<Element> declarations = new ArrayList<>();
    if (CatalogAnnotation.mirrorOn(packageElement) != null) {
      declarations.add(packageElement);
    }
    addAnnotated(ElementFilter.typesIn(packageElement.getEnclosedElements()), declarations);
    return declarations;
  }

  private static void addAnnotated(List<TypeElement> types, List<Element> declarations) {
    for (TypeElement type : types) {
      if (CatalogAnnotation.mirrorOn(type) != null) {
        declarations.add(type);
      }
      addAnnotated(ElementFilter.typesIn(type.getEnclosedElements()), declarations);
    }
  }

  /**
   * Reports a package with more than one declaration, and a declaration that would make an empty
   * catalog: no events of its own and nothing extended.
   */
  static void check(
      String packageName,
      boolean hasOwnEvents,
      List<Element> declarations,
      ValidationReport report) {
    String displayPackage = Catalog.displayPackage(packageName);
    if (declarations.size() > 1) {
      String all = declarations.stream().map(Object::toString).collect(Collectors.joining(", "));
      declarations.forEach(
          declaration ->
              report.error(
                  declaration,
                  Message.DUPLICATE_CATALOG_DECLARATION,
                  Map.of(
                      "package", displayPackage,
                      "declarations", all)));
      return;
    }
    if (declarations.size() == 1
        && !hasOwnEvents
        && CatalogAnnotation.extend(declarations.get(0)).isEmpty()) {
      report.error(
          declarations.get(0),
          Message.EMPTY_CATALOG,
          Map.of("declaration", declarations.get(0), "package", displayPackage));
    }
  }
}
