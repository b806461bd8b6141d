package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import org.jspecify.annotations.Nullable;

/**
 * The type-use annotations of one component's type, by where each stands in it: the part of a
 * record that javac before JDK 22 does not read from class files. They are read from a record's
 * source, or from the {@code @SupportEventIndex} that recorded them when the record was compiled,
 * and never from a class file's types, so that every JDK sees the same.
 *
 * <p>A path names a type inside another, from the outside in, one step each: {@link #ARRAY} for an
 * array's component type, {@link #argument} for a type argument, {@link #BOUND} for a wildcard's
 * bound, {@link #OUTER} for the type an inner class is nested in; the empty path is the type
 * itself.
 *
 * @param byPath the annotations at each path, in the order written
 */
record TypeUses(Map<String, List<Annotation>> byPath) {

  static final TypeUses NONE = new TypeUses(Map.of());

  /** The step to an array's component type. */
  static final String ARRAY = "[]";

  /** The step to a wildcard's bound. */
  static final String BOUND = "?";

  /** The step to the type that an inner class is nested in. */
  static final String OUTER = "^";

  /**
   * One annotation as it is written in a type.
   *
   * @param name the annotation type's canonical name
   * @param className the annotation type in generated code, or {@code null} if it does not resolve
   *     in this compilation: then it counts as {@code @Nullable} but is not written
   * @param members each member's name and its value as Java source, in the order written
   */
  record Annotation(String name, @Nullable ClassName className, Map<String, String> members) {

    /** Whether this is an annotation named {@code Nullable}: JSpecify's, JetBrains', any. */
    boolean isNullable() {
      return name.equals("Nullable") || name.endsWith(".Nullable");
    }

    /** The annotation as generated code writes it. */
    AnnotationSpec spec() {
      AnnotationSpec.Builder spec = AnnotationSpec.builder(className);
      members.forEach((member, value) -> spec.addMember(member, "$L", value));
      return spec.build();
    }

    /** {@code mirror}, an annotation of a type read from source. */
    static Annotation of(AnnotationMirror mirror) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      Map<String, String> members = new LinkedHashMap<>();
      AnnotationSpec.get(mirror)
          .members()
          .forEach(
              (member, values) ->
                  members.put(
                      member,
                      values.size() == 1
                          ? values.get(0).toString()
                          : values.stream()
                              .map(CodeBlock::toString)
                              .collect(Collectors.joining(", ", "{", "}"))));
      return new Annotation(type.getQualifiedName().toString(), ClassName.get(type), members);
    }
  }

  /** The step to the type argument at {@code index}: {@code <0>} for the first. */
  static String argument(int index) {
    return "<" + index + ">";
  }

  /** The type-use annotations that {@code type}, read from source, carries at every level. */
  static TypeUses of(TypeMirror type) {
    Map<String, List<Annotation>> byPath = new LinkedHashMap<>();
    collect(type, "", byPath);
    return byPath.isEmpty() ? NONE : new TypeUses(byPath);
  }

  private static void collect(TypeMirror type, String path, Map<String, List<Annotation>> byPath) {
    if (type == null) {
      return;
    }
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      byPath.computeIfAbsent(path, unused -> new ArrayList<>()).add(Annotation.of(mirror));
    }
    if (type instanceof ArrayType array) {
      collect(array.getComponentType(), path + ARRAY, byPath);
    } else if (type instanceof WildcardType wildcard) {
      collect(wildcard.getExtendsBound(), path + BOUND, byPath);
      collect(wildcard.getSuperBound(), path + BOUND, byPath);
    } else if (type instanceof DeclaredType declared) {
      List<? extends TypeMirror> arguments = declared.getTypeArguments();
      for (int i = 0; i < arguments.size(); i++) {
        collect(arguments.get(i), path + argument(i), byPath);
      }
      if (declared.getEnclosingType().getKind() == TypeKind.DECLARED) {
        collect(declared.getEnclosingType(), path + OUTER, byPath);
      }
    }
  }

  /** The annotations on the type itself, at the empty path. */
  List<Annotation> here() {
    return byPath.getOrDefault("", List.of());
  }

  /** The annotations on the type itself that generated code can write. */
  List<AnnotationSpec> specsHere() {
    return here().stream()
        .filter(annotation -> annotation.className() != null)
        .map(Annotation::spec)
        .toList();
  }

  /** Whether the type itself is marked {@code @Nullable}. */
  boolean nullableHere() {
    return here().stream().anyMatch(Annotation::isNullable);
  }

  /** The annotations inside the type that {@code step} leads to, by their path from there. */
  TypeUses at(String step) {
    Map<String, List<Annotation>> inside = new LinkedHashMap<>();
    byPath.forEach(
        (path, annotations) -> {
          if (path.startsWith(step)) {
            inside.put(path.substring(step.length()), annotations);
          }
        });
    return inside.isEmpty() ? NONE : new TypeUses(inside);
  }

  boolean isEmpty() {
    return byPath.isEmpty();
  }
}
