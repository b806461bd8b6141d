package dev.supportevents.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Writes the typed event catalog of every package that holds {@code @SupportEvent} records or a
 * {@code @SupportEventCatalog}: {@code SupportEventType}, {@code SupportEventCallbacks}, {@code
 * SupportEventEmitter}, the {@code SupportEvents} hub, {@code SupportEventRecorder}, the tracking
 * plan {@code META-INF/support-events/<package>.schema.json} and the TypeScript declarations {@code
 * <package>.d.ts} beside it.
 *
 * <p>Each round its {@link CatalogReader} reads the events, and those of the catalogs a package
 * extends, and checks every rule; the processor reports all errors found, and only then writes the
 * catalogs of the packages without errors. A package whose events or extended catalogs name a type
 * that does not resolve yet waits for a later round. The processor never claims the annotations.
 */
@AutoService(Processor.class)
public final class SupportEventProcessor extends AbstractProcessor {

  /** Turns a valid catalog, laid out, into the types to write. */
  private final Function<CatalogLayout, List<TypeSpec>> writers;

  /** The sizes that decide how a catalog's class files are laid out. */
  private final LayoutLimits limits;

  /** Reads each round's catalogs; created in {@link #init}, which javac calls first. */
  private @Nullable CatalogReader reader;

  /** What to write besides the catalog's types, as the {@code -A} options ask. */
  private OutputOptions outputOptions = OutputOptions.ALL;

  /** Creates the processor; javac does this through the service loader. */
  public SupportEventProcessor() {
    this(SupportEventProcessor::catalogTypes, LayoutLimits.PRODUCTION);
  }

  /** Lets tests replace the writers, for example with one that fails. */
  SupportEventProcessor(Function<CatalogLayout, List<TypeSpec>> writers) {
    this(writers, LayoutLimits.PRODUCTION);
  }

  /** Lets tests lay catalogs out within small limits, so that a few events fill parts. */
  SupportEventProcessor(LayoutLimits limits) {
    this(SupportEventProcessor::catalogTypes, limits);
  }

  private SupportEventProcessor(
      Function<CatalogLayout, List<TypeSpec>> writers, LayoutLimits limits) {
    this.writers = writers;
    this.limits = limits;
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
    reader = new CatalogReader(processingEnv, limits);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    CatalogReader reader = reader();
    if (round.processingOver()) {
      reader.neverResolved().forEach(report -> report.printTo(processingEnv.getMessager()));
      return false;
    }
    CatalogReader.RoundCatalogs read = reader.read(round);
    read.reports().forEach(report -> report.printTo(processingEnv.getMessager()));
    for (CatalogLayout layout : read.catalogs()) {
      write(layout);
    }
    return false;
  }

  private static List<TypeSpec> catalogTypes(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    List<TypeSpec> types = new ArrayList<>();
    types.add(EventTypeWriter.write(layout));
    types.addAll(EventTypeWriter.constantParts(layout));
    types.add(CallbacksWriter.write(catalog));
    types.add(EmitterWriter.write(catalog));
    types.addAll(HubWriter.parts(layout));
    types.add(HubWriter.write(layout));
    types.add(RecorderWriter.write(catalog));
    return types;
  }

  private CatalogReader reader() {
    return Objects.requireNonNull(reader, "init(ProcessingEnvironment) was not called");
  }

  /** Writes all types of the catalog {@code layout} lays out, or none if writing them fails. */
  private void write(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    CatalogReader reader = reader();
    reader.written(catalog.packageName());
    Element anchor = catalog.anchor();
    List<TypeSpec> types =
        guarded(anchor, () -> Optional.of(writers.apply(layout))).orElse(List.of()).stream()
            .filter(
                type ->
                    outputOptions.recorder()
                        || !type.name().equals(catalog.recorder().simpleName()))
            .toList();
    for (TypeSpec type : types) {
      String name = catalog.qualify(type.name());
      reader.generated(name);
      try {
        GeneratedCode.write(catalog, type, processingEnv.getFiler());
      } catch (IOException failure) {
        cannotWrite(anchor, name, failure);
      }
    }
    if (types.isEmpty() || !(outputOptions.trackingPlan() || outputOptions.typeScript())) {
      return;
    }
    Optional<WireCatalog> wire =
        guarded(
            anchor,
            () ->
                Optional.of(
                    WireCatalog.of(
                        catalog, processingEnv.getTypeUtils(), processingEnv.getElementUtils())));
    if (wire.isEmpty()) {
      return;
    }
    for (JacksonTypeId typeId : wire.get().typeIds()) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.WARNING,
              Message.JACKSON_TYPE_ID.format(
                  Map.of(
                      "type", typeId.holder().getQualifiedName(),
                      "use", typeId.use(),
                      "package", catalog.displayPackage())),
              typeId.holder(),
              typeId.annotation());
    }
    if (outputOptions.trackingPlan()) {
      writeResource(
          catalog, catalog.trackingPlanPath(), () -> TrackingPlanWriter.write(wire.get()));
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
      FileObject file =
          processingEnv
              .getFiler()
              .createResource(
                  StandardLocation.CLASS_OUTPUT, "", path, catalog.originatingElements());
      try (OutputStream out = file.openOutputStream()) {
        out.write(text.get().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException failure) {
      cannotWrite(catalog.anchor(), path, failure);
    }
  }

  private void cannotWrite(Element anchor, String name, IOException failure) {
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            Message.CANNOT_WRITE.format(Map.of("file", name, "cause", failure.getMessage())),
            anchor);
  }

  /**
   * Runs one step of the work on {@code element}; if the processor fails there, reports one error
   * that names the element instead of letting javac print a stack trace.
   */
  private <T> Optional<T> guarded(Element element, Supplier<Optional<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException | Error crash) {
      ValidationReport report = ValidationReport.about(element);
      report.crash(element, crash);
      report.printTo(processingEnv.getMessager());
      return Optional.empty();
    }
  }
}
