package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Finds the events of one package among the types that carry {@code @SupportEvent}: its records
 * and, where {@code @SupportEvent} is on a {@code sealed interface}, the records that interface
 * permits, which makes it the catalog's union, directly or through sealed interfaces of the package
 * it permits, groups of events. Reports each rule a union breaks.
 */
final class UnionReader {

  /**
   * The types to read as the package's events, with its union if it has one.
   *
   * @param union the package's union, or {@code null}
   * @param events its records and any other type marked {@code @SupportEvent}, which the event
   *     reader rejects: those the union permits in the order of its permits clause, then the others
   *     sorted by canonical name
   */
  record PackageEvents(@Nullable EventUnion union, List<TypeElement> events) {

    /**
     * The types that declare the package's events: its records, then its union and the groups of
     * the union if any.
     */
    List<TypeElement> declaringTypes() {
      List<TypeElement> types = new ArrayList<>(events);
      if (union != null) {
        types.add(union.element());
        types.addAll(union.groups());
      }
      return types;
    }
  }

  private final Elements elements;
  private final LintWarnings lintWarnings;
  private final Predicate<Element> fromSource;

  /**
   * @param fromSource whether an element is declared in this compilation's sources
   */
  UnionReader(ProcessingEnvironment environment, Predicate<Element> fromSource) {
    this.elements = environment.getElementUtils();
    this.lintWarnings = new LintWarnings(elements);
    this.fromSource = fromSource;
  }

  /** Whether {@code type} asks to be a union: an interface, not an annotation type. */
  static boolean isUnion(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE;
  }

  /**
   * The events of {@code packageName}, from its types marked {@code @SupportEvent}; the rules its
   * union breaks, if it has one, go to a child of {@code parent} about the union.
   *
   * @param annotated the package's types that carry {@code @SupportEvent}, sources and class files
   * @param extendsCatalogs whether the package's catalog extends others, which rules out a union
   */
  PackageEvents read(
      String packageName,
      List<TypeElement> annotated,
      boolean extendsCatalogs,
      ValidationReport parent) {
    List<TypeElement> unions = annotated.stream().filter(UnionReader::isUnion).toList();
    if (unions.isEmpty()) {
      return new PackageEvents(null, annotated);
    }
    TypeElement union = unions.get(0);
    ValidationReport report = parent.child(union);
    String displayPackage = Catalog.displayPackage(packageName);
    if (unions.size() > 1) {
      String all =
          unions.stream()
              .map(declared -> declared.getQualifiedName().toString())
              .collect(Collectors.joining(", "));
      unions.forEach(
          declared ->
              report.error(
                  declared,
                  Message.DUPLICATE_UNION,
                  Map.of(
                      "package", displayPackage,
                      "unions", all)));
    }
    for (TypeElement declared : unions) {
      checkDeclaration(declared, displayPackage, extendsCatalogs, report);
    }
    // Records outside the union are worth reporting only once the union itself is sound.
    boolean checkMembership = report.isClean();
    Map<String, TypeElement> events = new LinkedHashMap<>();
    List<TypeElement> groups = new ArrayList<>();
    if (union.getModifiers().contains(Modifier.SEALED)) {
      addPermitted(union, union, packageName, events, groups, checkMembership, report);
    }
    for (TypeElement type : annotated) {
      String name = type.getQualifiedName().toString();
      if (isUnion(type) || events.containsKey(name)) {
        continue;
      }
      if (type.getKind() == ElementKind.RECORD && checkMembership) {
        report.error(
            type,
            Message.EVENT_OUTSIDE_UNION,
            Map.of(
                "record",
                name,
                "package",
                displayPackage,
                "union",
                union.getQualifiedName(),
                "unionSimpleName",
                union.getSimpleName()));
      }
      // Other kinds are read too: the event reader says why they cannot be events.
      events.put(name, type);
    }
    EventUnion model =
        new EventUnion(
            union, ClassName.get(union), lintWarnings.ofRecord(union), List.copyOf(groups));
    return new PackageEvents(model, List.copyOf(events.values()));
  }

  /**
   * The types that {@code sealed} permits, in the order of its permits clause, which every build
   * reads alike from source or class file. Types nested in it need no clause, and compilers list
   * those in different orders, javac as declared and ecj by name: when it permits nested types
   * alone, they come by name.
   */
  private static List<TypeElement> permitted(TypeElement sealed) {
    List<TypeElement> members = new ArrayList<>();
    for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
      members.add((TypeElement) ((DeclaredType) permitted).asElement());
    }
    if (members.stream().allMatch(member -> member.getEnclosingElement().equals(sealed))) {
      members.sort(Comparator.comparing(member -> member.getQualifiedName().toString()));
    }
    return members;
  }

  /** Checks the interface itself: sealed, not generic, reachable, with nothing given per event. */
  private static void checkDeclaration(
      TypeElement union, String displayPackage, boolean extendsCatalogs, ValidationReport report) {
    String name = union.getQualifiedName().toString();
    if (!union.getModifiers().contains(Modifier.SEALED)) {
      report.error(
          union,
          Message.UNION_NOT_SEALED,
          Map.of("union", name, "simpleName", union.getSimpleName()));
    }
    if (!union.getTypeParameters().isEmpty()) {
      String parameters =
          union.getTypeParameters().stream()
              .map(Element::getSimpleName)
              .collect(Collectors.joining(", ", "<", ">"));
      report.error(
          union,
          Message.GENERIC_UNION,
          Map.of(
              "union", name,
              "typeParameters", parameters));
    }
    String given = SupportEventAnnotation.givenMembers(union);
    if (!given.isEmpty()) {
      report.error(
          union,
          Message.UNION_ANNOTATION_MEMBERS,
          Map.of(
              "union", name,
              "members", given));
    }
    String hiddenBy = EventReader.hiddenBy(union);
    if (hiddenBy != null) {
      report.error(
          union,
          Message.UNION_NOT_ACCESSIBLE,
          Map.of(
              "union", name,
              "hiddenBy", hiddenBy));
    }
    if (extendsCatalogs) {
      report.error(
          union,
          Message.UNION_WITH_EXTENDED_CATALOG,
          Map.of(
              "package", displayPackage,
              "union", name,
              "unionSimpleName", union.getSimpleName()));
    }
  }

  /**
   * Adds the records {@code sealed} permits to {@code events}, in the order it permits them, and in
   * its place those of each sealed interface it permits, a group of {@code union}, to {@code
   * groups}; reports every other subtype on the interface that permits it, and if {@code
   * checkAnnotations}, each record that needs {@code @SupportEvent} and lacks it.
   */
  private void addPermitted(
      TypeElement sealed,
      TypeElement union,
      String packageName,
      Map<String, TypeElement> events,
      List<TypeElement> groups,
      boolean checkAnnotations,
      ValidationReport report) {
    String name = sealed.getQualifiedName().toString();
    for (TypeElement member : permitted(sealed)) {
      String memberName = member.getQualifiedName().toString();
      String memberPackage = elements.getPackageOf(member).getQualifiedName().toString();
      boolean group = isUnion(member) && member.getModifiers().contains(Modifier.SEALED);
      if (member.getKind() != ElementKind.RECORD && !group) {
        String kind =
            isUnion(member)
                ? "an interface that is not sealed"
                : EventReader.kindName(member.getKind());
        if (sealed.equals(union)) {
          report.error(
              sealed,
              Message.UNION_MEMBER_NOT_RECORD,
              Map.of(
                  "union", name,
                  "member", memberName,
                  "kind", kind,
                  "memberSimpleName", member.getSimpleName(),
                  "unionSimpleName", sealed.getSimpleName()));
        } else {
          report.error(
              sealed,
              Message.GROUP_MEMBER_NOT_RECORD,
              Map.of(
                  "group",
                  name,
                  "union",
                  union.getQualifiedName(),
                  "member",
                  memberName,
                  "kind",
                  kind,
                  "memberSimpleName",
                  member.getSimpleName(),
                  "groupSimpleName",
                  sealed.getSimpleName()));
        }
      } else if (!memberPackage.equals(packageName)) {
        if (sealed.equals(union)) {
          report.error(
              sealed,
              Message.UNION_MEMBER_IN_OTHER_PACKAGE,
              Map.of(
                  "union", name,
                  "member", memberName,
                  "memberPackage", Catalog.displayPackage(memberPackage),
                  "package", Catalog.displayPackage(packageName),
                  "memberSimpleName", member.getSimpleName()));
        } else {
          report.error(
              sealed,
              Message.GROUP_MEMBER_IN_OTHER_PACKAGE,
              Map.of(
                  "group", name,
                  "union", union.getQualifiedName(),
                  "member", memberName,
                  "memberPackage", Catalog.displayPackage(memberPackage),
                  "package", Catalog.displayPackage(packageName),
                  "memberSimpleName", member.getSimpleName(),
                  "groupSimpleName", sealed.getSimpleName()));
        }
      } else if (group) {
        groups.add(member);
        addPermitted(member, union, packageName, events, groups, checkAnnotations, report);
      } else {
        events.put(memberName, member);
        if (checkAnnotations) {
          checkAnnotatedUnlessNested(member, union, report);
        }
      }
    }
  }

  /**
   * Reports a permitted record not nested in the union without {@code @SupportEvent}: javac runs
   * the processor only for sources that carry its annotations, so compiling that record's file
   * alone would leave the catalog generated for its earlier components, and the application would
   * fail at run time. A nested record is compiled whenever the union is. The error goes on the
   * record where it has a source, else on the union.
   */
  private void checkAnnotatedUnlessNested(
      TypeElement record, TypeElement union, ValidationReport report) {
    if (SupportEventAnnotation.mirrorOn(record) != null || isNestedIn(record, union)) {
      return;
    }
    Element at = fromSource.test(record) ? record : union;
    report.error(
        at,
        Message.UNION_MEMBER_NOT_ANNOTATED,
        Map.of(
            "record", record.getQualifiedName(),
            "union", union.getQualifiedName(),
            "recordSimpleName", record.getSimpleName(),
            "unionSimpleName", union.getSimpleName()));
  }

  private static boolean isNestedIn(Element element, TypeElement outer) {
    for (Element e = element.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e.equals(outer)) {
        return true;
      }
    }
    return false;
  }
}
