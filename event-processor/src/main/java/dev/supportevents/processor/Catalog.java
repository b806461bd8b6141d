package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * The events of one package's catalog, and the types generated for them; how their class files are
 * laid out is {@link CatalogLayout}'s.
 *
 * @param packageName the package, empty for the unnamed package
 * @param events the events of the catalogs it extends, in their order, then the package's own: in
 *     the order of its union's permits clauses, else sorted by their record's canonical name
 * @param packageTypeNames the simple names of the package's top-level types: generated code writes
 *     a type of another package with one of these names qualified, since the simple name would mean
 *     the package's own type
 * @param declaration the package or type annotated {@code @SupportEventCatalog}, or {@code null}
 * @param sources the package's records and declaration that the compilation reads from source, not
 *     from class files: the originating elements of everything generated
 * @param extended the generated {@code SupportEventType} enums of the catalogs it extends
 * @param markedGenerated whether the generated types carry {@code @Generated}: only where the
 *     package's module reads {@code java.compiler}, which declares it
 * @param inNamedModule whether the package belongs to a named module
 * @param runtimeNotReexported whether the package is exported by a named module that requires the
 *     runtime without {@code transitive}: then javac's {@code exports} lint reports each type of
 *     the runtime the generated API names, and the types that name them suppress it
 * @param union the sealed interface that is the type of every event of the catalog, or {@code
 *     null}: then that type is {@code Record}
 * @param shapes the shape of every event record and of every record their components use, by
 *     canonical name: events first, in order
 */
record Catalog(
    String packageName,
    List<EventModel> events,
    Set<String> packageTypeNames,
    @Nullable Element declaration,
    List<Element> sources,
    List<ClassName> extended,
    boolean markedGenerated,
    boolean inNamedModule,
    boolean runtimeNotReexported,
    @Nullable EventUnion union,
    Map<String, RecordShape> shapes) {

  /**
   * The simple names of the generated types that every catalog has; a catalog in parts has more
   * ({@link CatalogLayout#generatedTypes()}).
   */
  static final List<String> GENERATED_TYPES =
      List.of(
          "SupportEventType",
          "SupportEventCallbacks",
          "SupportEventEmitter",
          "SupportEvents",
          "SupportEventRecorder");

  /** The hub's builder, a nested type of {@code SupportEvents}. */
  static final String HUB_BUILDER = "Builder";

  /** The hub's emitter alone, a private nested type of {@code SupportEvents}. */
  static final String EMITTER_VIEW = "EmitterView";

  /** {@code simpleName} in this catalog's package. */
  String qualify(String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  ClassName eventType() {
    return eventType(packageName);
  }

  /**
   * The type of "any event of this catalog" in the generated API: its union, else {@code Record}.
   */
  ClassName anyEvent() {
    return union == null ? ClassName.get(Record.class) : union.className();
  }

  /** The {@code SupportEventType} that the catalog of {@code packageName} generates. */
  static ClassName eventType(String packageName) {
    return ClassName.get(packageName, "SupportEventType");
  }

  ClassName callbacks() {
    return ClassName.get(packageName, "SupportEventCallbacks");
  }

  ClassName emitter() {
    return ClassName.get(packageName, "SupportEventEmitter");
  }

  ClassName hub() {
    return ClassName.get(packageName, "SupportEvents");
  }

  ClassName recorder() {
    return ClassName.get(packageName, "SupportEventRecorder");
  }

  /**
   * The sources whose change must regenerate this catalog: the package's own records and its
   * {@code @SupportEventCatalog} read from source; records of class files, the package's compiled
   * earlier and those of extended catalogs, have no source to name.
   */
  Element[] originatingElements() {
    return sources.toArray(Element[]::new);
  }

  /**
   * Where an error about the whole catalog goes: its first source, else its first own record, else
   * its declaration.
   */
  Element anchor() {
    if (!sources.isEmpty()) {
      return sources.get(0);
    }
    return events.stream()
        .filter(EventModel::isOwn)
        .findFirst()
        .<Element>map(EventModel::element)
        .orElseGet(
            () ->
                Objects.requireNonNull(
                    declaration, "a catalog without events of its own has a declaration"));
  }

  /**
   * The tracking plan's resource path: {@code META-INF/support-events/com.acme.chat.schema.json},
   * or {@code unnamed-package.schema.json}, a name no package can have, for the unnamed package.
   */
  String trackingPlanPath() {
    return resourcePath(".schema.json");
  }

  /** The TypeScript declarations' path: {@code META-INF/support-events/com.acme.chat.d.ts}. */
  String typeScriptPath() {
    return resourcePath(".d.ts");
  }

  private String resourcePath(String extension) {
    return "META-INF/support-events/"
        + (packageName.isEmpty() ? "unnamed-package" : packageName)
        + extension;
  }

  /** How the catalog's package reads in javadoc and messages. */
  String displayPackage() {
    return displayPackage(packageName);
  }

  /** How the package {@code packageName} reads in javadoc and messages. */
  static String displayPackage(String packageName) {
    return packageName.isEmpty() ? "the unnamed package" : packageName;
  }

  /**
   * The shape of {@code record}, an event or a record an event's components use.
   *
   * @throws IllegalStateException if the catalog's events do not reach it
   */
  RecordShape shapeOf(TypeElement record) {
    RecordShape shape = shapes.get(record.getQualifiedName().toString());
    if (shape == null) {
      throw new IllegalStateException(
          "no shape of " + record + " in the catalog of " + displayPackage());
    }
    return shape;
  }

  /** The lint warnings that naming the event records, and the union if any, raises. */
  SortedSet<String> recordWarnings() {
    SortedSet<String> warnings = warningsOf(EventModel::recordWarnings);
    warnings.addAll(unionWarnings());
    return warnings;
  }

  /** The lint warnings that naming the union raises; none without a union. */
  SortedSet<String> unionWarnings() {
    return union == null ? new TreeSet<>() : new TreeSet<>(union.warnings());
  }

  /** The lint warnings that emit methods raise: their parameter types, the constructor calls. */
  SortedSet<String> emitWarnings() {
    return warningsOf(EventModel::emitWarnings);
  }

  /** The lint warnings of both kinds, for the hub, which names the records and emits. */
  SortedSet<String> allWarnings() {
    SortedSet<String> all = recordWarnings();
    all.addAll(emitWarnings());
    return all;
  }

  private SortedSet<String> warningsOf(Function<EventModel, Set<String>> warnings) {
    SortedSet<String> all = new TreeSet<>();
    events.forEach(event -> all.addAll(warnings.apply(event)));
    return all;
  }
}
