package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * What every generated file shares: the runtime's names it uses, {@code @Generated},
 * {@code @SuppressWarnings}, the file header, and writing it wrapped at 100 columns.
 */
final class GeneratedCode {

  private static final String RUNTIME = "dev.supportevents.runtime";

  /** The runtime's package for generated code only. */
  private static final String RUNTIME_INTERNAL = RUNTIME + ".internal";

  static final ClassName SUBSCRIPTION = ClassName.get(RUNTIME, "Subscription");
  static final ClassName EVENT_TYPE = ClassName.get(RUNTIME, "EventType");
  static final ClassName DELIVERY = ClassName.get(RUNTIME_INTERNAL, "Delivery");
  static final ClassName LISTENERS = ClassName.get(RUNTIME_INTERNAL, "Listeners");
  static final ClassName REGISTRATION = ClassName.get(RUNTIME_INTERNAL, "Registration");
  static final ClassName FAILURE_POLICY = ClassName.get(RUNTIME, "FailurePolicy");
  static final ClassName FAILURE_HANDLER = ClassName.get(RUNTIME, "ListenerFailureHandler");
  static final ClassName PUBLISHER_OPTIONS = ClassName.get(RUNTIME, "PublisherOptions");
  static final ClassName SUBSCRIPTION_OPTIONS = ClassName.get(RUNTIME, "SubscriptionOptions");
  static final ClassName OVERFLOW_POLICY = ClassName.get(RUNTIME, "OverflowPolicy");
  static final ClassName EVENT_PUBLISHER = ClassName.get(RUNTIME_INTERNAL, "EventPublisher");

  /** {@code @Generated}, which a named module can use only if it reads {@code java.compiler}. */
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private static final Pattern TRAILING_SPACES = Pattern.compile(" +$", Pattern.MULTILINE);

  private GeneratedCode() {}

  /**
   * {@code @Generated("dev.supportevents.processor.SupportEventProcessor")}, no date; nothing where
   * the catalog's module cannot read the annotation.
   */
  static List<AnnotationSpec> generatedAnnotation(Catalog catalog) {
    if (!catalog.markedGenerated()) {
      return List.of();
    }
    return List.of(
        AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", SupportEventProcessor.class.getCanonicalName())
            .build());
  }

  /**
   * {@code @SuppressWarnings} for the lint warnings the generated type raises by naming the user's
   * types, or nothing if it raises none. In a named module, {@code @Generated} raises {@code
   * exports} as well: it is a documented annotation of {@code java.compiler}, a module the user's
   * module reads without {@code transitive}.
   */
  static List<AnnotationSpec> suppressWarnings(Catalog catalog, SortedSet<String> raised) {
    SortedSet<String> warnings = new TreeSet<>(raised);
    if (catalog.markedGenerated() && catalog.inNamedModule()) {
      warnings.add("exports");
    }
    if (warnings.isEmpty()) {
      return List.of();
    }
    CodeBlock names =
        warnings.stream()
            .map(warning -> CodeBlock.of("$S", warning))
            .collect(CodeBlock.joining(", "));
    // One line, as written by hand: JavaPoet puts each value of a repeated member on its own.
    CodeBlock value = warnings.size() == 1 ? names : CodeBlock.of("{$L}", names);
    return List.of(
        AnnotationSpec.builder(SuppressWarnings.class).addMember("value", value).build());
  }

  /**
   * {@link #suppressWarnings} for a type whose public API names the runtime's types: with {@code
   * exports} too where javac's lint reports them, in an exported package of a module that requires
   * the runtime without {@code transitive} ({@link Catalog#runtimeNotReexported()}).
   */
  static List<AnnotationSpec> suppressWarningsNamingRuntime(
      Catalog catalog, SortedSet<String> raised) {
    SortedSet<String> warnings = new TreeSet<>(raised);
    if (catalog.runtimeNotReexported()) {
      warnings.add("exports");
    }
    return suppressWarnings(catalog, warnings);
  }

  /**
   * The source file of one generated type of {@code catalog}. Its records are the originating
   * elements, and a type of another package that shares a simple name with a type of the catalog's
   * package is written qualified, as the simple name would mean the package's own.
   */
  static JavaFile file(Catalog catalog, TypeSpec type) {
    TypeSpec.Builder complete = type.toBuilder();
    // One name a call: for each name it is given, JavaPoet formats the whole array into its
    // argument check's message, n squared characters for a package of n types.
    catalog.packageTypeNames().forEach(complete::alwaysQualify);
    for (Element origin : catalog.originatingElements()) {
      complete.addOriginatingElement(origin);
    }
    String extended =
        catalog.extended().isEmpty()
            ? ""
            : catalog.extended().stream()
                .map(ClassName::canonicalName)
                .collect(Collectors.joining(", ", " and of the catalogs it extends (", ")"));
    return JavaFile.builder(catalog.packageName(), complete.build())
        .addFileComment(
            "Generated by the Support Events processor. Do not edit.\n"
                + "From the @SupportEvent records of $L$L.",
            catalog.displayPackage(),
            extended)
        .skipJavaLangImports(true)
        .build();
  }

  /**
   * Writes the source file of {@code type} through {@code filer}, as {@link #file} makes it, with
   * its comments and type declarations wrapped at 100 columns.
   */
  static void write(Catalog catalog, TypeSpec type, Filer filer) throws IOException {
    JavaFileObject source =
        filer.createSourceFile(catalog.qualify(type.name()), catalog.originatingElements());
    try (Writer out = source.openWriter()) {
      out.write(
          withoutTrailingSpaces(
              DeclarationWrapper.wrap(CommentWrapper.wrap(file(catalog, type).toString()))));
    }
  }

  /**
   * {@code source} without the space JavaPoet leaves at the end of a line it wraps after an {@code
   * =}.
   */
  private static String withoutTrailingSpaces(String source) {
    return TRAILING_SPACES.matcher(source).replaceAll("");
  }
}
