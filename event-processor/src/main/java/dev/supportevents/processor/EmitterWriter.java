package dev.supportevents.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SupportEventEmitter}: one method per event taking its components, plus shorter
 * overloads that leave out trailing {@code @Nullable} components.
 */
final class EmitterWriter {

  private EmitterWriter() {}

  static TypeSpec write(Catalog catalog) {
    SortedSet<String> warnings = catalog.emitWarnings();
    warnings.addAll(catalog.unionWarnings());
    TypeSpec.Builder emitter =
        TypeSpec.interfaceBuilder(catalog.emitter())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
            .addAnnotations(GeneratedCode.suppressWarnings(catalog, warnings))
            .addJavadoc(
                "Emits the support events of $L: one method per event, and {@link #emit} for"
                    + " an event built beforehand.\n",
                catalog.displayPackage())
            .addJavadoc(
                "\n<p>{@link $T} implements it; {@link $T#emitter()} gives it alone, for code"
                    + " that should emit but not subscribe.\n",
                catalog.hub(),
                catalog.hub());
    for (EventModel event : catalog.events()) {
      emitter.addMethod(
          signature(event, event.components().size())
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .build());
      int all = event.components().size();
      for (int count = all - event.omittableTrailingComponents(); count < all; count++) {
        emitter.addMethod(
            signature(event, count)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addStatement("$N($L)", event.emitName(), arguments(event, count))
                .build());
      }
    }
    return emitter
        .addMethod(anyEvent(catalog).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).build())
        .build();
  }

  /**
   * The declaration of {@code emit(event)}, which takes any event of the catalog, with javadoc: the
   * emitter's, which the hub overrides with the same.
   */
  static MethodSpec.Builder anyEvent(Catalog catalog) {
    return MethodSpec.methodBuilder("emit")
        .addParameter(catalog.anyEvent(), "event")
        .addJavadoc("Emits {@code event} to every listener of its type subscribed now.\n\n")
        .addJavadoc("@param event an event of $L\n", catalog.displayPackage())
        .addJavadoc("@throws NullPointerException if {@code event} is null\n")
        .addJavadoc(
            "@throws IllegalArgumentException if {@code event} is not an event of $L\n",
            catalog.displayPackage())
        .addJavadoc("@throws IllegalStateException if the hub is closed\n");
  }

  /**
   * The declaration of {@code emitX} taking the first {@code count} components, with javadoc; the
   * hub overrides it with the same signature.
   */
  static MethodSpec.Builder signature(EventModel event, int count) {
    MethodSpec.Builder method =
        declaration(event, count)
            .addJavadoc("Emits a new $L to every listener subscribed now.\n", Prose.link(event));
    if (count < event.components().size()) {
      CodeBlock leftOut =
          event.components().subList(count, event.components().size()).stream()
              .map(component -> CodeBlock.of("{@code $L}", component.name()))
              .collect(CodeBlock.joining(", "));
      method.addJavadoc(
          "\n<p>The event's $L $L {@code null}.\n",
          leftOut,
          event.components().size() - count == 1 ? "is" : "are");
    }
    if (count > 0) {
      method.addJavadoc("\n");
    }
    for (EventComponent component : event.components().subList(0, count)) {
      method.addJavadoc(
          CodeBlock.of("@param $N the event's {@code $L}\n", component.name(), component.name()));
    }
    List<CodeBlock> checked =
        event.components().subList(0, count).stream()
            .filter(EventComponent::nullChecked)
            .map(component -> CodeBlock.of("{@code $L}", component.name()))
            .toList();
    if (!checked.isEmpty()) {
      method.addJavadoc("@throws NullPointerException if $L is null\n", orList(checked));
    }
    return method;
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  private static CodeBlock orList(List<CodeBlock> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return CodeBlock.of(
        "$L or $L",
        CodeBlock.join(items.subList(0, items.size() - 1), ", "),
        items.get(items.size() - 1));
  }

  /**
   * The declaration of {@code emitX} taking the first {@code count} components, without javadoc:
   * for private overrides, which no reader of the API sees.
   */
  static MethodSpec.Builder declaration(EventModel event, int count) {
    return MethodSpec.methodBuilder(event.emitName())
        .addParameters(parameters(event, count))
        .varargs(event.varargs() && count == event.components().size());
  }

  /** The first {@code count} components of {@code event} as parameters, annotations kept. */
  static List<ParameterSpec> parameters(EventModel event, int count) {
    List<ParameterSpec> parameters = new ArrayList<>();
    for (EventComponent component : event.components().subList(0, count)) {
      parameters.add(
          ParameterSpec.builder(component.type(), component.name())
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
      arguments.add(
          i < count ? CodeBlock.of("$N", event.components().get(i).name()) : CodeBlock.of("null"));
    }
    return CodeBlock.join(arguments, ",$W");
  }

  /** The emitter handed out by {@code emitter()}: it forwards and exposes nothing else. */
  static TypeSpec view(Catalog catalog) {
    TypeSpec.Builder view =
        TypeSpec.classBuilder(Catalog.EMITTER_VIEW)
            .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
            .addSuperinterface(catalog.emitter());
    for (EventModel event : catalog.events()) {
      int all = event.components().size();
      view.addMethod(
          declaration(event, all)
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addStatement(
                  "$T.this.$N($L)", catalog.hub(), event.emitName(), arguments(event, all))
              .build());
    }
    return view.addMethod(
            MethodSpec.methodBuilder("emit")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(catalog.anyEvent(), "event")
                .addStatement("$T.this.emit(event)", catalog.hub())
                .build())
        .build();
  }
}
