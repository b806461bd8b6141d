package dev.supportevents.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the typed event catalog of every package that holds {@code @SupportEvent} records or a
 * {@code @SupportEventCatalog}: {@code SupportEventType}, {@code SupportEventCallbacks},
 * {@code SupportEventEmitter}, the {@code SupportEvents} hub, {@code SupportEventRecorder}, the
 * tracking plan {@code META-INF/support-events/<package>.schema.json} and the TypeScript
 * declarations {@code <package>.d.ts} beside it.
 *
 * <p>Each round it reads the events, and those of the catalogs a package extends, checks every
 * rule, reports all errors found, and only then writes the catalogs of the packages without
 * errors. A package whose events or extended catalogs name a type that does not resolve yet waits
 * for a later round. The processor never claims the annotations.
 */
@AutoService(Processor.class)
public final class SupportEventProcessor extends AbstractProcessor {

  /** Turns a valid catalog into the types to write. */
  private final Function<Catalog, List<TypeSpec>> writers;

  /** Events of packages that wait for a type another processor has yet to generate. */
  private final Set<String> deferredEvents = new LinkedHashSet<>();

  /** Packages that wait, with or without events of their own, such as for an extended catalog. */
  private final Set<String> deferredPackages = new LinkedHashSet<>();

  /**
   * The qualified names of the top-level types declared in this compilation's sources. Names,
   * not elements: javac's elements of one round must not be used in another.
   */
  private final Set<String> sourceTypes = new HashSet<>();

  /** What this processor generated, so it is not mistaken for the user's types. */
  private final Set<String> generatedTypes = new HashSet<>();

  /** Packages whose catalog is written; an event that shows up after that is too late. */
  private final Set<String> writtenPackages = new HashSet<>();

  /**
   * The modules already told that they do not read the runtime, and the empty string once the
   * compilation was told that the runtime is missing: each is said once.
   */
  private final Set<String> runtimeProblems = new HashSet<>();

  /** What to write besides the catalog's types, as the {@code -A} options ask. */
  private OutputOptions outputOptions = OutputOptions.ALL;

  /** Creates the processor; javac does this through the service loader. */
  public SupportEventProcessor() {
    this(SupportEventProcessor::catalogTypes);
  }

  /** Lets tests replace the writers, for example with one that fails. */
  SupportEventProcessor(Function<Catalog, List<TypeSpec>> writers) {
    this.writers = writers;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(SupportEventAnnotation.NAME, CatalogAnnotation.NAME);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return OutputOptions.NAMES;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    outputOptions = OutputOptions.read(processingEnv.getOptions(), processingEnv.getMessager());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      String name = type.getQualifiedName().toString();
      if (!generatedTypes.contains(name)) {
        sourceTypes.add(name);
      }
    }
    if (round.processingOver()) {
      reportNeverResolved();
      return false;
    }
    List<ValidationReport> reports = new ArrayList<>();
    List<Catalog> ready = new ArrayList<>();
    eventsByPackage(round).forEach((packageName, events) -> {
      PackageElement packageElement =
          processingEnv.getElementUtils().getPackageElement(packageName);
      List<Element> declarations = CatalogDeclarations.in(packageElement);
      if (events.isEmpty() && declarations.isEmpty()) {
        return;
      }
      ValidationReport report = ValidationReport.about(packageElement);
      reports.add(report);
      Element anchor = events.isEmpty() ? declarations.get(0) : events.get(0);
      guarded(anchor, () -> readOrDefer(packageElement, events, declarations, report))
          .ifPresent(ready::add);
    });
    reports.forEach(report -> report.printTo(processingEnv.getMessager()));
    for (Catalog catalog : ready) {
      write(catalog);
    }
    return false;
  }

  private static List<TypeSpec> catalogTypes(Catalog catalog) {
    List<TypeSpec> types = new ArrayList<>();
    types.add(EventTypeWriter.write(catalog));
    types.addAll(EventTypeWriter.constantParts(catalog));
    types.add(CallbacksWriter.write(catalog));
    types.add(EmitterWriter.write(catalog));
    types.addAll(HubWriter.parts(catalog));
    types.add(HubWriter.write(catalog));
    types.add(RecorderWriter.write(catalog));
    return types;
  }

  /**
   * This round's events and the deferred ones, by package, in a stable order; with the packages
   * that declare a catalog this round or wait, even those without events of their own.
   */
  private Map<String, List<TypeElement>> eventsByPackage(RoundEnvironment round) {
    Elements elements = processingEnv.getElementUtils();
    Set<TypeElement> events = new LinkedHashSet<>(
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
    byPackage.forEach((packageName, packageEvents) -> {
      if (!writtenPackages.contains(packageName)) {
        addEarlierEvents(elements.getPackageElement(packageName), packageEvents);
      }
    });
    byPackage.values().forEach(list ->
        list.sort(Comparator.comparing(event -> event.getQualifiedName().toString())));
    return byPackage;
  }

  /** This round's elements annotated with the named annotation; none if it is not on the path. */
  private Set<? extends Element> annotatedWith(RoundEnvironment round, String annotation) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  /**
   * Adds to {@code events} the package's other {@code @SupportEvent} types, nested ones
   * included: those compiled earlier and read from class files, when only some of the package's
   * sources are compiled again, as IDEs and builds without incremental compilation do.
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
    return processingEnv.getElementUtils().getPackageOf(element).getQualifiedName().toString();
  }

  /**
   * The catalog of a package, or empty if it has errors or waits for a type. A whole package
   * waits together, so that its catalog is written once, with all its events.
   */
  private Optional<Catalog> readOrDefer(PackageElement packageElement,
      List<TypeElement> elements, List<Element> declarations, ValidationReport report) {
    String packageName = packageElement.getQualifiedName().toString();
    if (elements.stream().anyMatch(TypeResolution::waitsForTypes)
        || declarations.stream().anyMatch(ExtendedCatalogReader::waitsForTypes)) {
      // If the type never appears, javac reports it after the last round; nothing is written.
      elements.forEach(event -> deferredEvents.add(event.getQualifiedName().toString()));
      deferredPackages.add(packageName);
      return Optional.empty();
    }
    if (writtenPackages.contains(packageName)) {
      elements.forEach(event -> report.error(event, Message.LATE_EVENT, Map.of(
          "record", event.getQualifiedName())));
      declarations.forEach(declaration -> report.error(declaration,
          Message.LATE_CATALOG_DECLARATION, Map.of(
              "declaration", declaration,
              "package", packageName)));
      return Optional.empty();
    }
    CatalogDeclarations.check(packageName, !elements.isEmpty(), declarations, report);
    if (!report.isClean()) {
      return Optional.empty();
    }
    if (!runtimeReadable(packageElement, elements, declarations, report)) {
      return Optional.empty();
    }
    Optional<Element> declaration = declarations.stream().findFirst();
    Elements elementUtils = processingEnv.getElementUtils();
    RecordShapes shapes =
        new RecordShapes(elementUtils, processingEnv.getTypeUtils(), this::isFromSource);
    EventReader reader = new EventReader(processingEnv, shapes);
    Optional<ExtendedCatalogReader.Extension> extension = declaration
        .map(declared -> new ExtendedCatalogReader(reader, shapes, elementUtils)
            .read(declared, packageName, report))
        .orElse(Optional.of(ExtendedCatalogReader.Extension.NONE));
    boolean extendsCatalogs =
        declaration.map(declared -> !CatalogAnnotation.extend(declared).isEmpty()).orElse(false);
    UnionReader.PackageEvents own = new UnionReader(processingEnv, this::isFromSource)
        .read(packageName, elements, extendsCatalogs, report);
    List<EventModel> events = new ArrayList<>(
        extension.map(ExtendedCatalogReader.Extension::events).orElse(List.of()));
    boolean crashed = false;
    for (TypeElement element : own.events()) {
      Optional<EventModel> event = guarded(element, () -> reader.read(element, report));
      event.ifPresent(events::add);
      crashed |= event.isEmpty() && report.isClean();
    }
    Catalog catalog = new Catalog(packageName, List.copyOf(events),
        packageTypeNames(packageElement), declaration.orElse(null),
        sources(own.declaringTypes(), declaration),
        extension.map(ExtendedCatalogReader.Extension::catalogs).orElse(List.of()),
        GeneratedCode.canMarkGenerated(elementUtils, packageElement),
        GeneratedCode.inNamedModule(elementUtils, packageElement),
        RuntimeAccess.exportsRuntimeTypesWithoutTransitive(elementUtils, packageElement),
        own.union(),
        shapes.reachableFrom(events.stream().map(EventModel::element).toList()));
    new CatalogValidator(elementUtils, report).validate(catalog, sourceTypes);
    return report.isClean() && !crashed ? Optional.of(catalog) : Optional.empty();
  }

  /**
   * The originating elements of a catalog: its records and declaration that this compilation
   * reads from source. Those read from class files are left out: a build tool can only tie
   * generated files to sources.
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
   * Whether the package's generated code can use the runtime; if not, reports it once: once in
   * the compilation for a missing runtime, once per module that does not read it.
   */
  private boolean runtimeReadable(PackageElement packageElement, List<TypeElement> events,
      List<Element> declarations, ValidationReport report) {
    Elements elements = processingEnv.getElementUtils();
    RuntimeAccess.Status status = RuntimeAccess.of(elements, packageElement);
    Element anchor = events.isEmpty() ? declarations.get(0) : events.get(0);
    String displayPackage = Catalog.displayPackage(packageElement.getQualifiedName().toString());
    switch (status) {
      case READABLE:
        return true;
      case MISSING:
        if (runtimeProblems.add("")) {
          report.error(anchor, Message.RUNTIME_MISSING, Map.of(
              "package", displayPackage,
              "runtimeModule", RuntimeAccess.RUNTIME_MODULE,
              "runtimeArtifact", RuntimeAccess.RUNTIME_ARTIFACT));
        }
        return false;
      default:
        ModuleElement module = elements.getModuleOf(packageElement);
        if (runtimeProblems.add(module.getQualifiedName().toString())) {
          report.error(module, Message.RUNTIME_NOT_READ, Map.of(
              "module", module.getQualifiedName(),
              "package", displayPackage,
              "runtimeModule", RuntimeAccess.RUNTIME_MODULE,
              "runtimeArtifact", RuntimeAccess.RUNTIME_ARTIFACT));
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

  /**
   * In the last round: names each event and declaration still waiting, with the types it waits
   * for, since its package gets no catalog.
   */
  private void reportNeverResolved() {
    NeverResolved.report(processingEnv.getElementUtils(), deferredPackages, deferredEvents)
        .forEach(report -> report.printTo(processingEnv.getMessager()));
    deferredEvents.clear();
    deferredPackages.clear();
  }

  /** Writes all types of {@code catalog}, or none if writing them fails. */
  private void write(Catalog catalog) {
    writtenPackages.add(catalog.packageName());
    Element anchor = catalog.anchor();
    List<TypeSpec> types = guarded(anchor, () -> Optional.of(writers.apply(catalog)))
        .orElse(List.of())
        .stream()
        .filter(type -> outputOptions.recorder()
            || !type.name().equals(catalog.recorder().simpleName()))
        .toList();
    for (TypeSpec type : types) {
      String name = catalog.qualify(type.name());
      generatedTypes.add(name);
      try {
        GeneratedCode.write(catalog, type, processingEnv.getFiler());
      } catch (IOException failure) {
        cannotWrite(anchor, name, failure);
      }
    }
    if (types.isEmpty() || !(outputOptions.trackingPlan() || outputOptions.typeScript())) {
      return;
    }
    Optional<WireCatalog> wire = guarded(anchor, () -> Optional.of(WireCatalog.of(
        catalog, processingEnv.getTypeUtils(), processingEnv.getElementUtils())));
    if (wire.isEmpty()) {
      return;
    }
    for (JacksonTypeId typeId : wire.get().typeIds()) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
          Message.JACKSON_TYPE_ID.format(Map.of(
              "type", typeId.holder().getQualifiedName(),
              "use", typeId.use(),
              "package", catalog.displayPackage())),
          typeId.holder(), typeId.annotation());
    }
    if (outputOptions.trackingPlan()) {
      writeResource(catalog, catalog.trackingPlanPath(),
          () -> TrackingPlanWriter.write(wire.get()));
    }
    if (outputOptions.typeScript()) {
      writeResource(catalog, catalog.typeScriptPath(), () -> TypeScriptWriter.write(wire.get()));
    }
  }

  /** Writes the text that {@code writer} gives beside the classes, unless writing it fails. */
  private void writeResource(Catalog catalog, String path, Supplier<String> writer) {
    Optional<String> text = guarded(catalog.anchor(), () -> Optional.of(writer.get()));
    if (text.isEmpty()) {
      return;
    }
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT,
          "", path, catalog.originatingElements());
      try (OutputStream out = file.openOutputStream()) {
        out.write(text.get().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException failure) {
      cannotWrite(catalog.anchor(), path, failure);
    }
  }

  private void cannotWrite(Element anchor, String name, IOException failure) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        Message.CANNOT_WRITE.format(Map.of("file", name, "cause", failure.getMessage())), anchor);
  }

  /**
   * Runs one step of the work on {@code element}; if the processor fails there, reports one
   * error that names the element instead of letting javac print a stack trace.
   */
  private <T> Optional<T> guarded(Element element, Supplier<Optional<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException | Error crash) {
      ProcessorBuild build = ProcessorBuild.current();
      String text = Message.PROCESSOR_BUG.format(Map.of(
          "element", element,
          "issues", build.issues(),
          "version", build.version(),
          "jdk", Runtime.version(),
          "crash", CrashReport.of(crash)));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, text, element,
          ValidationReport.annotationOn(element));
      return Optional.empty();
    }
  }
}
