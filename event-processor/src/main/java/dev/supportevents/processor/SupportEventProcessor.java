package dev.supportevents.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import dev.supportevents.annotations.SupportEvent;
import java.io.IOException;
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
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes the typed event catalog of every package that holds {@code @SupportEvent} records:
 * {@code SupportEventType}, {@code SupportEventCallbacks}, {@code SupportEventEmitter} and the
 * {@code SupportEvents} hub.
 *
 * <p>Each round it reads the events, checks every rule, reports all errors found, and only then
 * writes the catalogs of the packages without errors. A package whose events name a type that
 * does not resolve yet waits for a later round. The processor never claims the annotation.
 */
@AutoService(Processor.class)
public final class SupportEventProcessor extends AbstractProcessor {

  /** Turns a valid catalog into the types to write. */
  private final Function<Catalog, List<TypeSpec>> writers;

  /** Events of packages that wait for a type another processor has yet to generate. */
  private final Set<String> deferredEvents = new LinkedHashSet<>();

  /**
   * The qualified names of the top-level types declared in this compilation's sources. Names,
   * not elements: javac's elements of one round must not be used in another.
   */
  private final Set<String> sourceTypes = new HashSet<>();

  /** What this processor generated, so it is not mistaken for the user's types. */
  private final Set<String> generatedTypes = new HashSet<>();

  /** Packages whose catalog is written; an event that shows up after that is too late. */
  private final Set<String> writtenPackages = new HashSet<>();

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
    return Set.of(SupportEventAnnotation.NAME);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      String name = type.getQualifiedName().toString();
      if (!generatedTypes.contains(name)) {
        sourceTypes.add(name);
      }
    }
    ValidationReport report = new ValidationReport();
    List<Catalog> ready = new ArrayList<>();
    eventsByPackage(round).forEach((packageName, events) ->
        guarded(events.get(0), () -> readOrDefer(packageName, events, report))
            .ifPresent(ready::add));
    report.printTo(processingEnv.getMessager());
    for (Catalog catalog : ready) {
      write(catalog);
    }
    return false;
  }

  private static List<TypeSpec> catalogTypes(Catalog catalog) {
    return List.of(EventTypeWriter.write(catalog), CallbacksWriter.write(catalog),
        EmitterWriter.write(catalog), HubWriter.write(catalog));
  }

  /** This round's events and the deferred ones, by package, in a stable order. */
  private Map<String, List<TypeElement>> eventsByPackage(RoundEnvironment round) {
    Set<TypeElement> events = new LinkedHashSet<>(
        ElementFilter.typesIn(round.getElementsAnnotatedWith(SupportEvent.class)));
    for (String name : deferredEvents) {
      TypeElement deferred = processingEnv.getElementUtils().getTypeElement(name);
      if (deferred != null) {
        events.add(deferred);
      }
    }
    deferredEvents.clear();
    Map<String, List<TypeElement>> byPackage = new TreeMap<>();
    for (TypeElement event : events) {
      String packageName =
          processingEnv.getElementUtils().getPackageOf(event).getQualifiedName().toString();
      byPackage.computeIfAbsent(packageName, unused -> new ArrayList<>()).add(event);
    }
    byPackage.values().forEach(list ->
        list.sort(Comparator.comparing(event -> event.getQualifiedName().toString())));
    return byPackage;
  }

  /**
   * The catalog of a package, or empty if it has errors or waits for a type. A whole package
   * waits together, so that its catalog is written once, with all its events.
   */
  private Optional<Catalog> readOrDefer(
      String packageName, List<TypeElement> elements, ValidationReport report) {
    if (elements.stream().anyMatch(TypeResolution::waitsForTypes)) {
      // If the type never appears, javac reports it after the last round; nothing is written.
      elements.forEach(event -> deferredEvents.add(event.getQualifiedName().toString()));
      return Optional.empty();
    }
    if (writtenPackages.contains(packageName)) {
      elements.forEach(event -> report.error(event, Message.LATE_EVENT, event.getQualifiedName()));
      return Optional.empty();
    }
    EventReader reader = new EventReader(processingEnv, report);
    List<EventModel> events = new ArrayList<>();
    boolean valid = true;
    for (TypeElement element : elements) {
      Optional<EventModel> event = guarded(element, () -> reader.read(element));
      event.ifPresent(events::add);
      valid &= event.isPresent();
    }
    Catalog catalog = new Catalog(packageName, List.copyOf(events), packageTypeNames(elements));
    valid &= new CatalogValidator(processingEnv.getElementUtils(), report)
        .validate(catalog, sourceTypes);
    return valid ? Optional.of(catalog) : Optional.empty();
  }

  /** The simple names of every top-level type of the events' package, sources and class path. */
  private Set<String> packageTypeNames(List<TypeElement> events) {
    Set<String> names = new HashSet<>();
    Element packageElement = processingEnv.getElementUtils().getPackageOf(events.get(0));
    for (TypeElement type : ElementFilter.typesIn(packageElement.getEnclosedElements())) {
      names.add(type.getSimpleName().toString());
    }
    return Set.copyOf(names);
  }

  /** Writes all types of {@code catalog}, or none if writing them fails. */
  private void write(Catalog catalog) {
    writtenPackages.add(catalog.packageName());
    Element firstEvent = catalog.events().get(0).element();
    List<TypeSpec> types =
        guarded(firstEvent, () -> Optional.of(writers.apply(catalog))).orElse(List.of());
    for (TypeSpec type : types) {
      String name = catalog.qualify(type.name());
      generatedTypes.add(name);
      try {
        GeneratedCode.file(catalog, type).writeTo(processingEnv.getFiler());
      } catch (IOException failure) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Message.CANNOT_WRITE.format(name, failure.getMessage()), firstEvent);
      }
    }
  }

  /**
   * Runs one step of the work on {@code element}; if the processor fails there, reports one
   * error that names the element instead of letting javac print a stack trace.
   */
  private <T> Optional<T> guarded(Element element, Supplier<Optional<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException | Error crash) {
      StackTraceElement[] trace = crash.getStackTrace();
      String where = trace.length == 0 ? "" : " at " + trace[0];
      String text = Message.PROCESSOR_BUG.format(element, crash + where);
      AnnotationMirror annotation = SupportEventAnnotation.mirrorOn(element);
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, text, element, annotation);
      return Optional.empty();
    }
  }
}
