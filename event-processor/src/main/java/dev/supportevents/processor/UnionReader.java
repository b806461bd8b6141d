package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Finds the events of one package among the types that carry {@code @SupportEvent}: its records
 * and, where {@code @SupportEvent} is on a {@code sealed interface}, the records that interface
 * permits, which makes it the catalog's union, directly or through sealed interfaces of the
 * package it permits, groups of events. Reports each rule a union breaks.
 */
final class UnionReader {

  /**
   * The types to read as the package's events, with its union if it has one.
   *
   * @param union the package's union, or {@code null}
   * @param events its records and any other type marked {@code @SupportEvent}, which the event
   *     reader rejects: those the union permits in the order of its permits clause, then the
   *     others sorted by canonical name
   * @param valid whether the union, if any, has no error
   */
  record PackageEvents(EventUnion union, List<TypeElement> events, boolean valid) {

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
  private final ValidationReport report;

  UnionReader(ProcessingEnvironment environment, ValidationReport report) {
    this.elements = environment.getElementUtils();
    this.lintWarnings = new LintWarnings(elements);
    this.report = report;
  }

  /** Whether {@code type} asks to be a union: an interface, not an annotation type. */
  static boolean isUnion(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE;
  }

  /**
   * The events of {@code packageName}, from its types marked {@code @SupportEvent}.
   *
   * @param annotated the package's types that carry {@code @SupportEvent}, sources and class files
   * @param extendsCatalogs whether the package's catalog extends others, which rules out a union
   */
  PackageEvents read(String packageName, List<TypeElement> annotated, boolean extendsCatalogs) {
    List<TypeElement> unions = annotated.stream().filter(UnionReader::isUnion).toList();
    if (unions.isEmpty()) {
      return new PackageEvents(null, annotated, true);
    }
    String displayPackage = Catalog.displayPackage(packageName);
    boolean valid = true;
    if (unions.size() > 1) {
      String all = unions.stream().map(union -> union.getQualifiedName().toString())
          .collect(Collectors.joining(", "));
      unions.forEach(union -> report.error(union, Message.DUPLICATE_UNION, displayPackage, all));
      valid = false;
    }
    for (TypeElement union : unions) {
      valid &= checkDeclaration(union, displayPackage, extendsCatalogs);
    }
    TypeElement union = unions.get(0);
    // Records outside the union are worth reporting only once the union itself is sound.
    boolean checkMembership = valid;
    Map<String, TypeElement> events = new LinkedHashMap<>();
    List<TypeElement> groups = new ArrayList<>();
    if (union.getModifiers().contains(Modifier.SEALED)) {
      valid &= addPermitted(union, packageName, events, groups);
    }
    for (TypeElement type : annotated) {
      String name = type.getQualifiedName().toString();
      if (isUnion(type) || events.containsKey(name)) {
        continue;
      }
      if (type.getKind() == ElementKind.RECORD && checkMembership) {
        report.error(type, Message.EVENT_OUTSIDE_UNION, name, displayPackage,
            union.getQualifiedName(), union.getSimpleName(), union.getSimpleName(),
            union.getSimpleName());
        valid = false;
      }
      // Other kinds are read too: the event reader says why they cannot be events.
      events.put(name, type);
    }
    EventUnion model = new EventUnion(union, ClassName.get(union), lintWarnings.ofRecord(union),
        List.copyOf(groups));
    return new PackageEvents(model, List.copyOf(events.values()), valid);
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
  private boolean checkDeclaration(
      TypeElement union, String displayPackage, boolean extendsCatalogs) {
    String name = union.getQualifiedName().toString();
    boolean valid = true;
    if (!union.getModifiers().contains(Modifier.SEALED)) {
      report.error(union, Message.UNION_NOT_SEALED, name, union.getSimpleName());
      valid = false;
    }
    if (!union.getTypeParameters().isEmpty()) {
      String parameters = union.getTypeParameters().stream()
          .map(Element::getSimpleName)
          .collect(Collectors.joining(", ", "<", ">"));
      report.error(union, Message.GENERIC_UNION, name, parameters);
      valid = false;
    }
    String given = SupportEventAnnotation.givenMembers(union);
    if (!given.isEmpty()) {
      report.error(union, Message.UNION_ANNOTATION_MEMBERS, name, given);
      valid = false;
    }
    String hiddenBy = EventReader.hiddenBy(union);
    if (hiddenBy != null) {
      report.error(union, Message.UNION_NOT_ACCESSIBLE, name, hiddenBy);
      valid = false;
    }
    if (extendsCatalogs) {
      report.error(union, Message.UNION_WITH_EXTENDED_CATALOG, displayPackage, name,
          union.getSimpleName());
      valid = false;
    }
    return valid;
  }

  /**
   * Adds the records {@code union} permits to {@code events}, in the order it permits them, and
   * in its place those of each sealed interface it permits to {@code groups}; reports every other
   * subtype on the interface that permits it.
   */
  private boolean addPermitted(TypeElement union, String packageName,
      Map<String, TypeElement> events, List<TypeElement> groups) {
    boolean valid = true;
    String name = union.getQualifiedName().toString();
    for (TypeElement member : permitted(union)) {
      String memberName = member.getQualifiedName().toString();
      String memberPackage = elements.getPackageOf(member).getQualifiedName().toString();
      boolean group = isUnion(member) && member.getModifiers().contains(Modifier.SEALED);
      if (member.getKind() != ElementKind.RECORD && !group) {
        String kind = isUnion(member)
            ? "an interface that is not sealed"
            : EventReader.kindName(member.getKind());
        report.error(union, Message.UNION_MEMBER_NOT_RECORD, name, memberName, kind,
            member.getSimpleName(), union.getSimpleName());
        valid = false;
      } else if (!memberPackage.equals(packageName)) {
        report.error(union, Message.UNION_MEMBER_IN_OTHER_PACKAGE, name, memberName,
            Catalog.displayPackage(memberPackage), Catalog.displayPackage(packageName),
            member.getSimpleName(), Catalog.displayPackage(packageName));
        valid = false;
      } else if (group) {
        groups.add(member);
        valid &= addPermitted(member, packageName, events, groups);
      } else {
        events.put(memberName, member);
      }
    }
    return valid;
  }
}
