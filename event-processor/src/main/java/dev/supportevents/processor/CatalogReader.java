package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the catalogs of each round: the {@code @SupportEvent} records and
 * {@code @SupportEventCatalog} of this round's sources, the package's events compiled earlier, and
 * through {@link ExtendedCatalogReader} the catalogs a package extends, from the
 * {@code @SupportEventIndex} of their class files. A package whose events or extended catalogs name
 * a type that does not resolve yet waits for a later round, whole, so that its catalog is written
 * once, with all its events. Every rule broken goes to the package's {@link ValidationReport}.
 */
final class CatalogReader {

  /**
   * What a round read.
   *
   * @param catalogs the catalogs to write, each without errors, laid out
   * @param reports a report about each package read, in the order read
   */
  record RoundCatalogs(List<CatalogLayout> catalogs, List<ValidationReport> reports) {}

  private final ProcessingEnvironment environment;
  private final Elements elements;

  /** The sizes that decide how each catalog's class files are laid out. */
  private final LayoutLimits limits;

  /** Events of packages that wait for a type another processor has yet to generate. */
  private final Set<String> deferredEvents = new LinkedHashSet<>();

  /** Packages that wait, with or without events of their own, such as for an extended catalog. */
  private final Set<String> deferredPackages = new LinkedHashSet<>();

  /**
   * The qualified names of the top-level types declared in this compilation's sources. Names, not
   * elements: javac's elements of one round must not be used in another.
   */
  private final Set<String> sourceTypes = new HashSet<>();

  /** What the processor generated, so it is not mistaken for the user's types. */
  private final Set<String> generatedTypes = new HashSet<>();

  /** Packages whose catalog is written; an event that shows up after that is too late. */
  private final Set<String> writtenPackages = new HashSet<>();

  /**
   * The modules already told that they do not read the runtime, and the empty string once the
   * compilation was told that the runtime is missing: each is said once.
   */
  private final Set<String> runtimeProblems = new HashSet<>();

  CatalogReader(ProcessingEnvironment environment, LayoutLimits limits) {
    this.environment = environment;
    this.elements = environment.getElementUtils();
    this.limits = limits;
  }

  /** Notes that the catalog of {@code packageName} is being written, with its types. */
  void written(String packageName) {
    writtenPackages.add(packageName);
  }

  /** Notes that {@code qualifiedName} is generated, not one of the user's sources. */
  void generated(String qualifiedName) {
    generatedTypes.add(qualifiedName);
  }

  /** The catalogs of this round's packages and of those that waited, and what was wrong. */
  RoundCatalogs read(RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      String name = type.getQualifiedName().toString();
      if (!generatedTypes.contains(name)) {
        sourceTypes.add(name);
      }
    }
    List<ValidationReport> reports = new ArrayList<>();
    List<CatalogLayout> catalogs = new ArrayList<>();
    eventsByPackage(round)
        .forEach(
            (packageName, events) -> {
              PackageElement packageElement = elements.getPackageElement(packageName);
              List<Element> declarations = CatalogDeclarations.in(packageElement);
              if (events.isEmpty() && declarations.isEmpty()) {
                return;
              }
              ValidationReport report = ValidationReport.about(packageElement);
              reports.add(report);
              Element anchor = events.isEmpty() ? declarations.get(0) : events.get(0);
              try {
                readOrDefer(packageElement, events, declarations, report).ifPresent(catalogs::add);
              } catch (RuntimeException | Error crash) {
                report.crash(anchor, crash);
              }
            });
    return new RoundCatalogs(catalogs, reports);
  }

  /**
   * In the last round: a report about each package still waiting, naming each event and declaration
   * with the types it waits for, since the package gets no catalog.
   */
  List<ValidationReport> neverResolved() {
    List<ValidationReport> reports =
        NeverResolved.report(elements, deferredPackages, deferredEvents);
    deferredEvents.clear();
    deferredPackages.clear();
    return reports;
  }

  /**
   * This round's events and the deferred ones, by package, in a stable order; with the packages
   * that declare a catalog this round or wait, even those without events of their own.
   */
  private Map<String, List<TypeElement>> eventsByPackage(RoundEnvironment round) {
    Set<TypeElement> events =
        new LinkedHashSet<>(
            ElementFilter.typesIn(annotatedWith(round, SupportEventAnnotation.NAME)));
    for (String name : deferredEvents) {
      TypeElement deferred = elements.getTypeElement(name);
      if (deferred != null) {
        events.add(deferred);
      }
    }
    deferredEvents.clear();
    Map<String, List<TypeElement>> byPackage = new TreeMap<>();
    for (String packageName : deferredPackages) {
      byPackage.put(packageName, new ArrayList<>());
    }
    deferredPackages.clear();
    for (Element declaration : annotatedWith(round, CatalogAnnotation.NAME)) {
      byPackage.putIfAbsent(packageNameOf(declaration), new ArrayList<>());
    }
    for (TypeElement event : events) {
      byPackage.computeIfAbsent(packageNameOf(event), unused -> new ArrayList<>()).add(event);
    }
    byPackage.forEach(
        (packageName, packageEvents) -> {
          if (!writtenPackages.contains(packageName)) {
            addEarlierEvents(elements.getPackageElement(packageName), packageEvents);
          }
        });
    byPackage
        .values()
        .forEach(
            list -> list.sort(Comparator.comparing(event -> event.getQualifiedName().toString())));
    return byPackage;
  }

  /** This round's elements annotated with the named annotation; none if it is not on the path. */
  private Set<? extends Element> annotatedWith(RoundEnvironment round, String annotation) {
    TypeElement type = elements.getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  /**
   * Adds to {@code events} the package's other {@code @SupportEvent} types, nested ones included:
   * those compiled earlier and read from class files, when only some of the package's sources are
   * compiled again, as IDEs and builds without incremental compilation do.
   */
  private static void addEarlierEvents(PackageElement packageElement, List<TypeElement> events) {
    Set<String> known = new HashSet<>();
    events.forEach(event -> known.add(event.getQualifiedName().toString()));
    List<TypeElement> types =
        new ArrayList<>(ElementFilter.typesIn(packageElement.getEnclosedElements()));
    for (int i = 0; i < types.size(); i++) {
      TypeElement type = types.get(i);
      types.addAll(ElementFilter.typesIn(type.getEnclosedElements()));
      if (SupportEventAnnotation.mirrorOn(type) != null
          && known.add(type.getQualifiedName().toString())) {
        events.add(type);
      }
    }
  }

  private String packageNameOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  /**
   * The catalog of a package, laid out, or empty if it has errors or waits for a type: then its
   * events and the package are kept for the next round.
   */
  private Optional<CatalogLayout> readOrDefer(
      PackageElement packageElement,
      List<TypeElement> events,
      List<Element> declarations,
      ValidationReport report) {
    String packageName = packageElement.getQualifiedName().toString();
    if (events.stream().anyMatch(TypeResolution::waitsForTypes)
        || declarations.stream().anyMatch(ExtendedCatalogReader::waitsForTypes)) {
      // If the type never appears, javac reports it after the last round; nothing is written.
      events.forEach(event -> deferredEvents.add(event.getQualifiedName().toString()));
      deferredPackages.add(packageName);
      return Optional.empty();
    }
    if (writtenPackages.contains(packageName)) {
      events.forEach(
          event ->
              report.error(event, Message.LATE_EVENT, Map.of("record", event.getQualifiedName())));
      declarations.forEach(
          declaration ->
              report.error(
                  declaration,
                  Message.LATE_CATALOG_DECLARATION,
                  Map.of(
                      "declaration", declaration,
                      "package", packageName)));
      return Optional.empty();
    }
    CatalogDeclarations.check(packageName, !events.isEmpty(), declarations, report);
    if (!report.isClean() || !runtimeReadable(packageElement, events, declarations, report)) {
      return Optional.empty();
    }
    CatalogLayout layout =
        new CatalogLayout(
            read(packageElement, events, declarations.stream().findFirst(), report), limits);
    new CatalogValidator(elements, report).validate(layout, sourceTypes);
    return report.isClean() ? Optional.of(layout) : Optional.empty();
  }

  /**
   * The catalog of a package: the events of the catalogs its {@code declaration} extends, then its
   * own, those of its union if it has one; each rule they break goes to {@code report}.
   */
  private Catalog read(
      PackageElement packageElement,
      List<TypeElement> annotated,
      Optional<Element> declaration,
      ValidationReport report) {
    String packageName = packageElement.getQualifiedName().toString();
    RecordShapes shapes =
        new RecordShapes(elements, environment.getTypeUtils(), this::isFromSource);
    EventReader reader = new EventReader(environment, shapes);
    Optional<ExtendedCatalogReader.Extension> extension =
        declaration
            .map(
                declared ->
                    new ExtendedCatalogReader(reader, shapes, elements)
                        .read(declared, packageName, report))
            .orElse(Optional.of(ExtendedCatalogReader.Extension.NONE));
    boolean extendsCatalogs =
        declaration.map(declared -> !CatalogAnnotation.extend(declared).isEmpty()).orElse(false);
    UnionReader.PackageEvents own =
        new UnionReader(environment, this::isFromSource)
            .read(packageName, annotated, extendsCatalogs, report);
    List<EventModel> events =
        new ArrayList<>(extension.map(ExtendedCatalogReader.Extension::events).orElse(List.of()));
    for (TypeElement element : own.events()) {
      try {
        reader.read(element, report).ifPresent(events::add);
      } catch (RuntimeException | Error crash) {
        report.crash(element, crash);
      }
    }
    return new Catalog(
        packageName,
        List.copyOf(events),
        packageTypeNames(packageElement),
        declaration.orElse(null),
        sources(own.declaringTypes(), declaration),
        extension.map(ExtendedCatalogReader.Extension::catalogs).orElse(List.of()),
        ModuleFacts.canMarkGenerated(elements, packageElement),
        ModuleFacts.inNamedModule(elements, packageElement),
        RuntimeAccess.exportsRuntimeTypesWithoutTransitive(elements, packageElement),
        own.union(),
        shapes.reachableFrom(events.stream().map(EventModel::element).toList()));
  }

  /**
   * The originating elements of a catalog: its records and declaration that this compilation reads
   * from source. Those read from class files are left out: a build tool can only tie generated
   * files to sources.
   */
  private List<Element> sources(List<TypeElement> events, Optional<Element> declaration) {
    List<Element> sources = new ArrayList<>();
    for (Element element : events) {
      if (isFromSource(element)) {
        sources.add(element);
      }
    }
    declaration.filter(this::isFromSource).ifPresent(sources::add);
    return List.copyOf(sources);
  }

  /** Whether {@code element} is declared in this compilation's sources, or a package of them. */
  private boolean isFromSource(Element element) {
    Element topLevel = element;
    while (topLevel.getEnclosingElement() instanceof TypeElement outer) {
      topLevel = outer;
    }
    if (topLevel instanceof TypeElement type) {
      return sourceTypes.contains(type.getQualifiedName().toString());
    }
    return true;
  }

  /**
   * Whether the package's generated code can use the runtime; if not, reports it once: once in the
   * compilation for a missing runtime, once per module that does not read it.
   */
  private boolean runtimeReadable(
      PackageElement packageElement,
      List<TypeElement> events,
      List<Element> declarations,
      ValidationReport report) {
    RuntimeAccess.Status status = RuntimeAccess.of(elements, packageElement);
    Element anchor = events.isEmpty() ? declarations.get(0) : events.get(0);
    String displayPackage = Catalog.displayPackage(packageElement.getQualifiedName().toString());
    switch (status) {
      case READABLE:
        return true;
      case MISSING:
        if (runtimeProblems.add("")) {
          report.error(
              anchor,
              Message.RUNTIME_MISSING,
              Map.of(
                  "package", displayPackage,
                  "runtimeModule", RuntimeAccess.RUNTIME_MODULE,
                  "runtimeArtifact", RuntimeAccess.RUNTIME_ARTIFACT));
        }
        return false;
      default:
        ModuleElement module = elements.getModuleOf(packageElement);
        if (runtimeProblems.add(module.getQualifiedName().toString())) {
          report.error(
              module,
              Message.RUNTIME_NOT_READ,
              Map.of(
                  "module",
                  module.getQualifiedName(),
                  "package",
                  displayPackage,
                  "runtimeModule",
                  RuntimeAccess.RUNTIME_MODULE,
                  "runtimeArtifact",
                  RuntimeAccess.RUNTIME_ARTIFACT));
        }
        return false;
    }
  }

  /** The simple names of every top-level type of the package, sources and class path. */
  private static Set<String> packageTypeNames(PackageElement packageElement) {
    Set<String> names = new HashSet<>();
    for (TypeElement type : ElementFilter.typesIn(packageElement.getEnclosedElements())) {
      names.add(type.getSimpleName().toString());
    }
    return Set.copyOf(names);
  }
}
