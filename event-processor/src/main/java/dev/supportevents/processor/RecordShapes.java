package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link RecordShape} of records. A record of this compilation's sources is read as
 * written. A record of a class file has its type-use annotations from the
 * {@code @SupportEventIndex} that recorded them when it was compiled: that of its own package's
 * catalog, compiled earlier, or of a catalog being extended. javac before JDK 22 reads none from
 * the class file, and later JDKs do, so the class file's own are never used: every JDK gives the
 * same shape. A record that no index describes, or describes with other components than its class
 * file has, keeps only its declaration annotations.
 */
final class RecordShapes {

  private final Elements elements;
  private final RecordComponents records;
  private final Predicate<Element> fromSource;

  /** The generated {@code SupportEventType}s whose indexes are read besides the record's own. */
  private final List<TypeElement> catalogs = new ArrayList<>();

  /** Each index read so far, by its {@code SupportEventType}'s name; none is an empty index. */
  private final Map<String, CatalogIndex> indexes = new HashMap<>();

  private final Map<String, RecordShape> shapes = new HashMap<>();

  /**
   * @param fromSource whether an element is declared in this compilation's sources
   */
  RecordShapes(Elements elements, Types types, Predicate<Element> fromSource) {
    this.elements = elements;
    this.records = new RecordComponents(types);
    this.fromSource = fromSource;
  }

  /** Looks for recorded components in the index of {@code eventType} too, an extended catalog. */
  void consult(TypeElement eventType) {
    catalogs.add(eventType);
  }

  /** The shape of {@code record}. */
  RecordShape of(TypeElement record) {
    String name = record.getQualifiedName().toString();
    RecordShape shape = shapes.get(name);
    if (shape == null) {
      shape = read(record);
      shapes.put(name, shape);
    }
    return shape;
  }

  /**
   * The components recorded for {@code record} by the first index that describes it: the extended
   * catalogs', then its own package's; {@code null} if none does.
   */
  CatalogIndex.@Nullable RecordedComponents recorded(TypeElement record) {
    List<TypeElement> candidates = new ArrayList<>(catalogs);
    String packageName = elements.getPackageOf(record).getQualifiedName().toString();
    TypeElement own = elements.getTypeElement(Catalog.eventType(packageName).canonicalName());
    if (own != null) {
      candidates.add(own);
    }
    String name = record.getQualifiedName().toString();
    for (TypeElement candidate : candidates) {
      CatalogIndex index =
          indexes.computeIfAbsent(
              candidate.getQualifiedName().toString(),
              unused -> CatalogIndex.on(candidate, elements));
      if (index != null && index.components().containsKey(name)) {
        return index.components().get(name);
      }
    }
    return null;
  }

  /**
   * The shapes of {@code roots} and of every record their components use, through type arguments,
   * arrays and the records that sealed interfaces permit, each once: roots first, in order, then
   * the others as they are found.
   */
  Map<String, RecordShape> reachableFrom(List<TypeElement> roots) {
    Map<String, RecordShape> reached = new LinkedHashMap<>();
    for (TypeElement root : roots) {
      reached.put(root.getQualifiedName().toString(), of(root));
    }
    Set<String> interfaces = new HashSet<>();
    for (RecordShape shape : List.copyOf(reached.values())) {
      addComponents(shape, reached, interfaces);
    }
    return reached;
  }

  private void addComponents(
      RecordShape shape, Map<String, RecordShape> reached, Set<String> interfaces) {
    for (RecordShape.Component component : shape.components()) {
      addTypes(component.type(), reached, interfaces);
    }
  }

  private void addTypes(TypeMirror type, Map<String, RecordShape> reached, Set<String> interfaces) {
    if (type instanceof ArrayType array) {
      addTypes(array.getComponentType(), reached, interfaces);
    } else if (type instanceof WildcardType wildcard) {
      Stream.of(wildcard.getExtendsBound(), wildcard.getSuperBound())
          .filter(bound -> bound != null)
          .forEach(bound -> addTypes(bound, reached, interfaces));
    } else if (type instanceof DeclaredType declared && type.getKind() == TypeKind.DECLARED) {
      declared.getTypeArguments().forEach(argument -> addTypes(argument, reached, interfaces));
      addType((TypeElement) declared.asElement(), reached, interfaces);
    }
  }

  private void addType(TypeElement type, Map<String, RecordShape> reached, Set<String> interfaces) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() == ElementKind.RECORD && !reached.containsKey(name)) {
      RecordShape shape = of(type);
      reached.put(name, shape);
      addComponents(shape, reached, interfaces);
    } else if (type.getKind() == ElementKind.INTERFACE
        && type.getModifiers().contains(Modifier.SEALED)
        && interfaces.add(name)) {
      type.getPermittedSubclasses().forEach(permitted -> addTypes(permitted, reached, interfaces));
    }
  }

  private RecordShape read(TypeElement record) {
    ExecutableElement canonical = records.canonicalConstructor(record);
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    CatalogIndex.RecordedComponents recorded = null;
    if (!fromSource.test(record)) {
      recorded = recorded(record);
      List<String> names =
          components.stream().map(component -> component.getSimpleName().toString()).toList();
      if (recorded != null && !recorded.names().equals(names)) {
        recorded = null; // compiled again since the index was written: its annotations are stale
      }
    }
    List<RecordShape.Component> shapes = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      RecordComponentElement component = components.get(i);
      VariableElement parameter = canonical.getParameters().get(i);
      String name = component.getSimpleName().toString();
      TypeUses typeUses =
          fromSource.test(record)
              ? TypeUses.of(component.asType())
              : recorded == null ? TypeUses.NONE : recorded.of(name);
      boolean nullable =
          typeUses.nullableHere()
              || Stream.of(
                      component.getAnnotationMirrors(),
                      component.getAccessor().getAnnotationMirrors(),
                      parameter.getAnnotationMirrors())
                  .flatMap(List::stream)
                  .anyMatch(RecordComponents::isNullable);
      shapes.add(
          new RecordShape.Component(
              name,
              component.asType(),
              typeUses,
              nullable,
              parameterAnnotations(parameter, typeUses)));
    }
    return new RecordShape(record, List.copyOf(shapes));
  }

  /**
   * The declaration annotations named {@code Nullable} of {@code parameter} that its type does not
   * carry as a type-use annotation already.
   */
  private static List<AnnotationSpec> parameterAnnotations(
      VariableElement parameter, TypeUses typeUses) {
    List<AnnotationSpec> annotations = new ArrayList<>();
    for (AnnotationMirror annotation : parameter.getAnnotationMirrors()) {
      String name =
          ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
      boolean onType = typeUses.here().stream().anyMatch(use -> use.name().equals(name));
      if (RecordComponents.isNullable(annotation) && !onType) {
        annotations.add(AnnotationSpec.get(annotation));
      }
    }
    return List.copyOf(annotations);
  }
}
