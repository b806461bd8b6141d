package dev.supportevents.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/** What every writer shares: the runtime's names, the file header, the emit parameters. */
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
  static final ClassName EVENT_PUBLISHER = ClassName.get(RUNTIME_INTERNAL, "EventPublisher");

  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private static final Pattern TRAILING_SPACES = Pattern.compile(" +$", Pattern.MULTILINE);

  /** The longest piece of a long string literal: with its quotes and indent, it fits a line. */
  private static final int LITERAL_PIECE = 64;

  private GeneratedCode() {}

  /**
   * {@code @Generated("dev.supportevents.processor.SupportEventProcessor")}, no date; nothing
   * where the catalog's module cannot read the annotation.
   */
  static List<AnnotationSpec> generatedAnnotation(Catalog catalog) {
    if (!catalog.markedGenerated()) {
      return List.of();
    }
    return List.of(AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", SupportEventProcessor.class.getCanonicalName())
        .build());
  }

  /**
   * Whether code in {@code packageElement} can use {@code @Generated}: always on the class path;
   * in a named module, only if it requires {@code java.compiler}.
   */
  static boolean canMarkGenerated(Elements elements, PackageElement packageElement) {
    ModuleElement module = elements.getModuleOf(packageElement);
    if (module == null || module.isUnnamed()) {
      return elements.getTypeElement(GENERATED.canonicalName()) != null;
    }
    return ElementFilter.requiresIn(module.getDirectives()).stream()
        .anyMatch(requires -> requires.getDependency().getQualifiedName()
            .contentEquals("java.compiler"));
  }

  /** Whether {@code packageElement} belongs to a named module. */
  static boolean inNamedModule(Elements elements, PackageElement packageElement) {
    ModuleElement module = elements.getModuleOf(packageElement);
    return module != null && !module.isUnnamed();
  }

  /**
   * {@code @SuppressWarnings} for the lint warnings the generated type raises by naming the
   * user's types, or nothing if it raises none. In a named module, {@code @Generated} raises
   * {@code exports} as well: it is a documented annotation of {@code java.compiler}, a module the
   * user's module reads without {@code transitive}.
   */
  static List<AnnotationSpec> suppressWarnings(Catalog catalog, SortedSet<String> raised) {
    SortedSet<String> warnings = new TreeSet<>(raised);
    if (catalog.markedGenerated() && catalog.inNamedModule()) {
      warnings.add("exports");
    }
    if (warnings.isEmpty()) {
      return List.of();
    }
    CodeBlock names = warnings.stream()
        .map(warning -> CodeBlock.of("$S", warning))
        .collect(CodeBlock.joining(", "));
    // One line, as written by hand: JavaPoet puts each value of a repeated member on its own.
    CodeBlock value = warnings.size() == 1 ? names : CodeBlock.of("{$L}", names);
    return List.of(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", value).build());
  }

  /**
   * {@link #suppressWarnings} for a type whose public API names the runtime's types: with
   * {@code exports} too where javac's lint reports them, in an exported package of a module that
   * requires the runtime without {@code transitive} ({@link Catalog#runtimeNotReexported()}).
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
   * elements, and a type of another package that shares a simple name with a type of the
   * catalog's package is written qualified, as the simple name would mean the package's own.
   */
  static JavaFile file(Catalog catalog, TypeSpec type) {
    TypeSpec.Builder complete = type.toBuilder();
    // One name a call: for each name it is given, JavaPoet formats the whole array into its
    // argument check's message, n squared characters for a package of n types.
    catalog.packageTypeNames().forEach(complete::alwaysQualify);
    for (Element origin : catalog.originatingElements()) {
      complete.addOriginatingElement(origin);
    }
    String extended = catalog.extended().isEmpty() ? "" : catalog.extended().stream()
        .map(ClassName::canonicalName)
        .collect(Collectors.joining(", ", " and of the catalogs it extends (", ")"));
    return JavaFile.builder(catalog.packageName(), complete.build())
        .addFileComment("Generated by the Support Events processor. Do not edit.\n"
            + "From the @SupportEvent records of $L$L.", catalog.displayPackage(), extended)
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
      out.write(withoutTrailingSpaces(
          DeclarationWrapper.wrap(CommentWrapper.wrap(file(catalog, type).toString()))));
    }
  }

  /**
   * {@code source} without the space JavaPoet leaves at the end of a line it wraps after an
   * {@code =}.
   */
  private static String withoutTrailingSpaces(String source) {
    return TRAILING_SPACES.matcher(source).replaceAll("");
  }

  /**
   * {@code text} as a string literal, or, if it is long, as a sum of shorter ones that the
   * line wrapper can break at 100 columns; javac joins them into one constant again.
   */
  static CodeBlock literal(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > LITERAL_PIECE) {
      int space = text.lastIndexOf(' ', start + LITERAL_PIECE - 1);
      int end = space > start ? space + 1 : start + LITERAL_PIECE;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(CodeBlock.of("$S", text.substring(start, end)));
      start = end;
    }
    pieces.add(CodeBlock.of("$S", text.substring(start)));
    return CodeBlock.join(pieces, "$W+ ");
  }

  /** The first {@code count} components of {@code event} as parameters, annotations kept. */
  static List<ParameterSpec> parameters(EventModel event, int count) {
    List<ParameterSpec> parameters = new ArrayList<>();
    for (EventComponent component : event.components().subList(0, count)) {
      parameters.add(ParameterSpec.builder(component.type(), component.name())
          .addAnnotations(component.declarationAnnotations())
          .build());
    }
    return parameters;
  }

  /**
   * The arguments of a canonical constructor call: the first {@code count} component names, then
   * {@code null} for each left out.
   */
  static CodeBlock arguments(EventModel event, int count) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < event.components().size(); i++) {
      arguments.add(i < count
          ? CodeBlock.of("$N", event.components().get(i).name())
          : CodeBlock.of("null"));
    }
    return CodeBlock.join(arguments, ",$W");
  }

  /**
   * The declaration and javadoc of {@code boolean awaitDelivered(Duration timeout)}, on the hub
   * and on the recorder, described by {@code doc}; the caller adds the body.
   */
  static MethodSpec.Builder awaitDelivered(CodeBlock doc) {
    return MethodSpec.methodBuilder("awaitDelivered")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Duration.class, "timeout")
        .addException(InterruptedException.class)
        .addJavadoc("$L\n\n", doc)
        .addJavadoc("@param timeout the longest wait\n")
        .addJavadoc("@return {@code true} if everything was delivered, {@code false} if the"
            + " timeout passed first\n")
        .addJavadoc("@throws InterruptedException if the waiting thread is interrupted\n");
  }

  /**
   * The javadoc of a parameter {@code eventClass} of a method that takes the events of a class: of
   * one event, or of each event of a group or of the catalog.
   */
  static CodeBlock eventClassDoc(Catalog catalog) {
    CodeBlock classes = catalog.union() == null
        ? CodeBlock.of("the record class of an event of $L, or {@code Record}, the class of every"
            + " event", catalog.displayPackage())
        : CodeBlock.of("the record class of an event of $L, or an interface its events implement,"
            + " such as a sealed interface that {@link $T} permits: each of its events",
            catalog.displayPackage(), catalog.anyEvent());
    return CodeBlock.of("@param eventClass $L\n", classes);
  }

  /** The javadoc of the exception of a method that takes the events of a class. */
  static CodeBlock eventClassThrows(Catalog catalog) {
    return CodeBlock.of("@throws IllegalArgumentException if no event of $L is an"
        + " {@code eventClass}\n", catalog.displayPackage());
  }

  /** {@code Consumer<? super type>}. */
  static TypeName consumerOf(TypeName type) {
    return ParameterizedTypeName.get(ClassName.get(Consumer.class),
        WildcardTypeName.supertypeOf(type));
  }

  /** A javadoc {@code @link} to the event's record. */
  static CodeBlock link(EventModel event) {
    return CodeBlock.of("{@link $T}", event.className());
  }

  /** {@code "{@link AEvent}"}, or {@code "the events from {@link AEvent} to {@link ZEvent}"}. */
  static CodeBlock span(List<EventModel> events) {
    EventModel first = events.get(0);
    EventModel last = events.get(events.size() - 1);
    return first == last
        ? link(first)
        : CodeBlock.of("the events from $L to $L", link(first), link(last));
  }

  /** A count as prose writes it: {@code 2,049}. */
  static String count(int count) {
    return String.format(Locale.ROOT, "%,d", count);
  }
}
