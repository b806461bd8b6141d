package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalogs that a {@code @SupportEventCatalog} declaration extends: each named {@code
 * SupportEventType} enum's {@code @SupportEventIndex}, and the records it lists, from the class
 * path or from this compilation. Nothing of it happens at run time.
 */
final class ExtendedCatalogReader {

  /**
   * What a declaration brings into its package's catalog.
   *
   * @param events the events of the extended catalogs, each once, in the order of the indexes
   * @param catalogs the generated enums of the extended catalogs, each once, in declared order
   */
  record Extension(List<EventModel> events, List<ClassName> catalogs) {
    static final Extension NONE = new Extension(List.of(), List.of());
  }

  private final EventReader reader;
  private final RecordShapes shapes;
  private final Elements elements;

  ExtendedCatalogReader(EventReader reader, RecordShapes shapes, Elements elements) {
    this.reader = reader;
    this.shapes = shapes;
    this.elements = elements;
  }

  /**
   * Whether a catalog that {@code declaration} extends does not resolve yet, such as a catalog this
   * processor generates in this round for another package of the compilation. The package then
   * waits for the next round.
   */
  static boolean waitsForTypes(Element declaration) {
    return !unresolvedCatalogs(declaration).isEmpty();
  }

  /** The catalogs that {@code declaration} extends and that do not resolve yet, as written. */
  static List<String> unresolvedCatalogs(Element declaration) {
    return CatalogAnnotation.extend(declaration).stream()
        .filter(ExtendedCatalogReader::doesNotResolve)
        // javac keeps no name of a class literal that does not resolve, only "<error>".
        .map(
            value ->
                value.getValue() instanceof TypeMirror type
                    ? type + ".class"
                    : "a class that does not resolve")
        .toList();
  }

  /**
   * The events of every catalog {@code declaration} extends, or empty once each reason it cannot
   * have them has been reported, on the declaration, in a child of {@code report}.
   */
  Optional<Extension> read(Element declaration, String packageName, ValidationReport report) {
    // Every error goes on the declaration: the records of a class file have no source line.
    ValidationReport here =
        report.redirectedTo(declaration, CatalogAnnotation.mirrorOn(declaration));
    String own = Catalog.eventType(packageName).canonicalName();
    Map<String, EventModel> events = new LinkedHashMap<>();
    List<ClassName> catalogs = new ArrayList<>();
    for (AnnotationValue value : CatalogAnnotation.extend(declaration)) {
      TypeMirror named = (TypeMirror) value.getValue();
      if (!(named instanceof DeclaredType declared)) {
        here.error(declaration, Message.NOT_A_CATALOG, Map.of("named", named));
        continue;
      }
      TypeElement eventType = (TypeElement) declared.asElement();
      AnnotationMirror index = CatalogAnnotation.indexOn(eventType);
      if (eventType.getQualifiedName().contentEquals(own)) {
        here.error(
            declaration,
            Message.EXTENDS_ITSELF,
            Map.of("catalog", own, "package", Catalog.displayPackage(packageName)));
      } else if (index == null) {
        here.error(
            declaration, Message.NOT_A_CATALOG, Map.of("named", eventType.getQualifiedName()));
      } else {
        ClassName catalog = ClassName.get(eventType);
        if (!catalogs.contains(catalog)) {
          catalogs.add(catalog);
          shapes.consult(eventType);
          readIndex(here, packageName, eventType, events);
        }
      }
    }
    return here.isClean()
        ? Optional.of(new Extension(List.copyOf(events.values()), List.copyOf(catalogs)))
        : Optional.empty();
  }

  /**
   * Reads the records that the index of {@code eventType} names into {@code events}, skipping those
   * already there; errors go to {@code here}. Each event keeps the wire name and replay its index
   * recorded, where it recorded them.
   */
  private void readIndex(
      ValidationReport here,
      String packageName,
      TypeElement eventType,
      Map<String, EventModel> events) {
    ClassName catalog = ClassName.get(eventType);
    CatalogIndex index = CatalogIndex.on(eventType, elements);
    for (int position = 0; position < index.events().size(); position++) {
      AnnotationValue value = index.events().get(position);
      TypeElement record = recordOf(value);
      if (record == null) {
        Message problem =
            doesNotResolve(value)
                ? Message.INDEXED_EVENT_MISSING
                : Message.INDEXED_EVENT_NOT_A_RECORD;
        here.error(eventType, problem, Map.of("catalog", catalog, "record", value));
        continue;
      }
      String name = record.getQualifiedName().toString();
      if (events.containsKey(name)) {
        continue;
      }
      TypeElement hidden = notPublic(record);
      if (hidden != null) {
        String displayPackage = Catalog.displayPackage(packageName);
        here.error(
            record,
            Message.EXTENDED_EVENT_NOT_PUBLIC,
            Map.of(
                "package", displayPackage,
                "record", name,
                "catalog", catalog,
                "type", hidden.getQualifiedName()));
        continue;
      }
      CatalogIndex.RecordedComponents recorded = index.components().get(name);
      List<String> components = shapes.of(record).componentNames();
      if (recorded != null && !recorded.names().equals(components)) {
        here.error(
            record,
            Message.INDEXED_EVENT_CHANGED,
            Map.of(
                "catalog",
                catalog,
                "record",
                name,
                "recorded",
                String.join(", ", recorded.names()),
                "components",
                String.join(", ", components)));
        continue;
      }
      String wireName = index.wireName(position);
      Optional<EventModel> event =
          reader
              .read(record, catalog, here)
              .map(
                  read ->
                      wireName == null
                          ? read
                          : read.asIndexed(wireName, index.replayLatest().contains(name)));
      event.ifPresent(read -> events.put(name, read));
    }
  }

  /** The record a class literal of an index names, or {@code null} if it is none. */
  private static @Nullable TypeElement recordOf(AnnotationValue value) {
    if (value.getValue() instanceof DeclaredType type
        && type.getKind() == TypeKind.DECLARED
        && type.asElement().getKind() == ElementKind.RECORD) {
      return (TypeElement) type.asElement();
    }
    return null;
  }

  /** Whether a class literal names a class that neither the class path nor the sources have. */
  private static boolean doesNotResolve(AnnotationValue value) {
    return !(value.getValue() instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR;
  }

  /**
   * The first type that another package's generated code cannot name among {@code record}, the
   * types it is nested in, and the types its components use; {@code null} if all are public.
   */
  private static @Nullable TypeElement notPublic(TypeElement record) {
    List<TypeElement> used = new ArrayList<>(List.of(record));
    for (RecordComponentElement component : record.getRecordComponents()) {
      used.addAll(EventReader.typesUsedBy(component.asType()));
    }
    for (TypeElement type : used) {
      for (Element e = type; e instanceof TypeElement outer; e = e.getEnclosingElement()) {
        if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
          return outer;
        }
      }
    }
    return null;
  }
}
