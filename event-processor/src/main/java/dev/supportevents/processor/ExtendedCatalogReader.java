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

/**
 * Reads the catalogs that a {@code @SupportEventCatalog} declaration extends: each named
 * {@code SupportEventType} enum's {@code @SupportEventIndex}, and the records it lists, from the
 * class path or from this compilation. Nothing of it happens at run time.
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
  private final ValidationReport report;

  ExtendedCatalogReader(EventReader reader, ValidationReport report) {
    this.reader = reader;
    this.report = report;
  }

  /**
   * Whether a catalog that {@code declaration} extends does not resolve yet, such as a catalog
   * this processor generates in this round for another package of the compilation. The package
   * then waits for the next round.
   */
  static boolean waitsForTypes(Element declaration) {
    for (AnnotationValue value : CatalogAnnotation.extend(declaration)) {
      if (!(value.getValue() instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * The events of every catalog {@code declaration} extends, or empty once each reason it cannot
   * have them has been reported, on the declaration.
   */
  Optional<Extension> read(Element declaration, String packageName) {
    AnnotationMirror annotation = CatalogAnnotation.mirrorOn(declaration);
    String own = packageName.isEmpty() ? "SupportEventType" : packageName + ".SupportEventType";
    Map<String, EventModel> events = new LinkedHashMap<>();
    List<ClassName> catalogs = new ArrayList<>();
    boolean valid = true;
    for (AnnotationValue value : CatalogAnnotation.extend(declaration)) {
      TypeMirror named = (TypeMirror) value.getValue();
      if (!(named instanceof DeclaredType declared)) {
        report.errorAt(declaration, annotation, Message.NOT_A_CATALOG, named);
        valid = false;
        continue;
      }
      TypeElement eventType = (TypeElement) declared.asElement();
      AnnotationMirror index = CatalogAnnotation.indexOn(eventType);
      if (eventType.getQualifiedName().contentEquals(own)) {
        report.errorAt(declaration, annotation, Message.EXTENDS_ITSELF, own,
            displayPackage(packageName));
        valid = false;
      } else if (index == null) {
        report.errorAt(declaration, annotation, Message.NOT_A_CATALOG,
            eventType.getQualifiedName());
        valid = false;
      } else {
        ClassName catalog = ClassName.get(eventType);
        if (!catalogs.contains(catalog)) {
          catalogs.add(catalog);
          valid &= readIndex(declaration, annotation, packageName, catalog, index, events);
        }
      }
    }
    return valid
        ? Optional.of(new Extension(List.copyOf(events.values()), List.copyOf(catalogs)))
        : Optional.empty();
  }

  /** Reads the records one index names into {@code events}, skipping those already there. */
  private boolean readIndex(Element declaration, AnnotationMirror annotation, String packageName,
      ClassName catalog, AnnotationMirror index, Map<String, EventModel> events) {
    ValidationReport here = report.redirectedTo(declaration, annotation);
    EventReader redirected = reader.reportingTo(here);
    boolean valid = true;
    for (AnnotationValue value : CatalogAnnotation.indexedEvents(index)) {
      TypeElement record = recordOf(value);
      if (record == null) {
        here.error(declaration, Message.INDEXED_EVENT_MISSING, catalog, value,
            isMissing(value) ? "is missing from the class path" : "is not a record", catalog);
        valid = false;
        continue;
      }
      String name = record.getQualifiedName().toString();
      if (events.containsKey(name)) {
        continue;
      }
      Optional<EventModel> event = redirected.read(record, catalog);
      TypeElement hidden = notPublic(record);
      if (hidden != null) {
        here.error(declaration, Message.EXTENDED_EVENT_NOT_PUBLIC, displayPackage(packageName),
            name, catalog, hidden.getQualifiedName(), displayPackage(packageName), catalog);
        valid = false;
      } else if (event.isPresent()) {
        events.put(name, event.get());
      } else {
        valid = false;
      }
    }
    return valid;
  }

  /** The record a class literal of an index names, or {@code null} if it is none. */
  private static TypeElement recordOf(AnnotationValue value) {
    if (value.getValue() instanceof DeclaredType type
        && type.getKind() == TypeKind.DECLARED
        && type.asElement().getKind() == ElementKind.RECORD) {
      return (TypeElement) type.asElement();
    }
    return null;
  }

  private static boolean isMissing(AnnotationValue value) {
    return !(value.getValue() instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR;
  }

  /**
   * The first type that another package's generated code cannot name among {@code record}, the
   * types it is nested in, and the types its components use; {@code null} if all are public.
   */
  private static TypeElement notPublic(TypeElement record) {
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

  private static String displayPackage(String packageName) {
    return packageName.isEmpty() ? "the unnamed package" : packageName;
  }
}
