package dev.supportevents.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import dev.supportevents.annotations.SupportEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
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

  /** Events of packages that wait for a type another processor has yet to generate. */
  private final Set<String> deferredEvents = new LinkedHashSet<>();

  /** Top-level types the user declared in this compilation's sources, by qualified name. */
  private final Map<String, TypeElement> sourceTypes = new HashMap<>();

  /** What this processor generated, so it is not mistaken for the user's types. */
  private final Set<String> generatedTypes = new HashSet<>();

  /** Packages whose catalog is written; an event that shows up after that is too late. */
  private final Set<String> writtenPackages = new HashSet<>();

  /** Creates the processor; javac does this through the service loader. */
  public SupportEventProcessor() {}

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
        sourceTypes.put(name, type);
      }
    }
    ValidationReport report = new ValidationReport();
    List<Catalog> ready = new ArrayList<>();
    for (Map.Entry<String, List<TypeElement>> entry : eventsByPackage(round).entrySet()) {
      List<TypeElement> events = entry.getValue();
      try {
        if (events.stream().anyMatch(TypeResolution::waitsForTypes)) {
          // At the last round javac reports the missing type itself; nothing is written.
          events.forEach(event -> deferredEvents.add(event.getQualifiedName().toString()));
          continue;
        }
        read(entry.getKey(), events, report).ifPresent(ready::add);
      } catch (RuntimeException | Error crash) {
        reportBug(events.get(0), crash);
      }
    }
    report.printTo(processingEnv.getMessager());
    for (Catalog catalog : ready) {
      write(catalog);
    }
    return false;
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

  private Optional<Catalog> read(
      String packageName, List<TypeElement> elements, ValidationReport report) {
    if (writtenPackages.contains(packageName)) {
      elements.forEach(event -> report.error(event, Message.LATE_EVENT, event.getQualifiedName()));
      return Optional.empty();
    }
    EventReader reader = new EventReader(processingEnv.getTypeUtils(), report);
    List<EventModel> events = new ArrayList<>();
    boolean valid = true;
    for (TypeElement element : elements) {
      Optional<EventModel> event = reader.read(element);
      event.ifPresent(events::add);
      valid &= event.isPresent();
    }
    Catalog catalog = new Catalog(packageName, List.copyOf(events));
    valid &= new CatalogValidator(report).validate(catalog, sourceTypes);
    return valid ? Optional.of(catalog) : Optional.empty();
  }

  private void write(Catalog catalog) {
    writtenPackages.add(catalog.packageName());
    List<TypeSpec> types;
    try {
      types = List.of(EventTypeWriter.write(catalog), CallbacksWriter.write(catalog),
          EmitterWriter.write(catalog), HubWriter.write(catalog));
    } catch (RuntimeException | Error crash) {
      reportBug(catalog.events().get(0).element(), crash);
      return;
    }
    for (TypeSpec type : types) {
      TypeSpec.Builder withOrigins = type.toBuilder();
      for (Element origin : catalog.originatingElements()) {
        withOrigins.addOriginatingElement(origin);
      }
      generatedTypes.add(catalog.qualify(type.name()));
      try {
        GeneratedCode.file(catalog, withOrigins.build()).writeTo(processingEnv.getFiler());
      } catch (IOException failure) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Message.CANNOT_WRITE.format(catalog.qualify(type.name()), failure.getMessage()),
            catalog.events().get(0).element());
      }
    }
  }

  private void reportBug(Element element, Throwable crash) {
    StackTraceElement[] trace = crash.getStackTrace();
    String where = trace.length == 0 ? "" : " at " + trace[0];
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        Message.PROCESSOR_BUG.format(element, crash + where), element);
  }
}
