package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SupportEventRecorder}: subscribes to a hub and keeps every event in order, so that
 * users' tests assert on events without writing a listener.
 */
final class RecorderWriter {

  private static final ClassName LIST = ClassName.get(List.class);

  private RecorderWriter() {}

  static TypeSpec write(Catalog catalog) {
    ClassName recorder = catalog.recorder();
    ClassName eventType = catalog.eventType();
    EventModel example = catalog.events().get(0);
    ClassName anyEvent = catalog.anyEvent();
    return TypeSpec.classBuilder(recorder)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
        .addAnnotations(GeneratedCode.suppressWarnings(catalog, catalog.unionWarnings()))
        .addJavadoc(
            "Records every support event of $L that one hub delivers, in order: for"
                + " tests.\n\n",
            catalog.displayPackage())
        // Names, not $T: an import used only inside {@code} is an unused import to ecj.
        .addJavadoc(
            "<pre>{@code\n"
                + "try (SupportEventRecorder recorder = SupportEventRecorder.attach(events)) {\n"
                + "  widget.doSomething();\n"
                + "  assertEquals(List.of(SupportEventType.$L), recorder.types());\n"
                + "  var event = recorder.of($L.class).get(0);\n"
                + "}\n"
                + "}</pre>\n\n",
            example.constantName(),
            String.join(".", example.className().simpleNames()))
        .addJavadoc(
            "<p>It subscribes with {@link $T#subscribeAll}, so it sees events as its"
                + " listeners do: with an executor, once the executor has run the delivery, which"
                + " {@link #awaitDelivered(Duration)} waits for. It is safe to read from any thread;"
                + " each accessor returns an unmodifiable snapshot.\n",
            catalog.hub())
        .addField(
            FieldSpec.builder(
                    ParameterizedTypeName.get(LIST, anyEvent),
                    "events",
                    Modifier.PRIVATE,
                    Modifier.FINAL)
                .initializer("$Znew $T<>()", ArrayList.class)
                .build())
        .addField(catalog.hub(), "hub", Modifier.PRIVATE, Modifier.FINAL)
        .addField(GeneratedCode.SUBSCRIPTION, "subscription", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(catalog.hub(), "hub")
                .addStatement("this.hub = hub")
                .addStatement("this.subscription = hub.subscribeAll((type, event) -> add(event))")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("attach")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(recorder)
                .addParameter(catalog.hub(), "events")
                .addJavadoc(
                    "Starts recording the events that {@code events} delivers from now on.\n\n")
                .addJavadoc("@param events the hub to record\n")
                .addJavadoc("@return a recorder, subscribed to every event; close it to stop\n")
                .addStatement("$T.requireNonNull(events, $S)", Objects.class, "events")
                .addStatement("return new $T(events)", recorder)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("add")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(anyEvent, "event")
                .beginControlFlow("synchronized (this.events)")
                .addStatement("this.events.add(event)")
                .endControlFlow()
                .build())
        .addMethod(
            MethodSpec.methodBuilder("all")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, anyEvent))
                .addJavadoc("Every event recorded, in the order delivered.\n\n")
                .addJavadoc("@return an unmodifiable snapshot\n")
                .beginControlFlow("synchronized (this.events)")
                .addStatement("return $T.copyOf(this.events)", List.class)
                .endControlFlow()
                .build())
        .addMethod(of(catalog))
        .addMethod(
            MethodSpec.methodBuilder("types")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, eventType))
                .addJavadoc("The type of every event recorded, in the order delivered.\n\n")
                .addJavadoc("@return an unmodifiable snapshot\n")
                .addStatement(
                    "$T types = new $T<>()",
                    ParameterizedTypeName.get(LIST, eventType),
                    ArrayList.class)
                .beginControlFlow("for ($T event : all())", anyEvent)
                .addStatement("types.add($T.of(event))", eventType)
                .endControlFlow()
                .addStatement("return $T.copyOf(types)", List.class)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("clear")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Forgets the events recorded so far; recording goes on.\n")
                .beginControlFlow("synchronized (this.events)")
                .addStatement("this.events.clear()")
                .endControlFlow()
                .build())
        .addMethod(awaitDelivered())
        .addMethod(
            MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Stops recording; the events recorded so far stay readable.\n")
                .addStatement("this.subscription.close()")
                .build())
        .build();
  }

  /** {@code awaitDelivered(Duration)}: for a hub with executors, waits before the test reads. */
  private static MethodSpec awaitDelivered() {
    return HubWriter.awaitDeliveredDeclaration(
            CodeBlock.of(
                "Waits until the hub's executors have"
                    + " delivered every event emitted so far, so that this recorder holds them: for a hub"
                    + " with an executor. Without executors every event is recorded before its emit"
                    + " returns."))
        .addStatement("return this.hub.awaitDelivered(timeout)")
        .build();
  }

  private static MethodSpec of(Catalog catalog) {
    ClassName anyEvent = catalog.anyEvent();
    TypeVariableName e = TypeVariableName.get("E", anyEvent);
    TypeName listOfE = ParameterizedTypeName.get(LIST, e);
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(e)
        .returns(listOfE)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), e), "eventClass")
        .addJavadoc("The events of class {@code eventClass} recorded, in the order delivered.\n\n")
        .addJavadoc(Prose.eventClassDoc(catalog))
        .addJavadoc("@param <E> the type of the events\n")
        .addJavadoc("@return an unmodifiable snapshot\n")
        .addJavadoc(Prose.eventClassThrows(catalog))
        .addStatement(
            "$T types = $T.typesOf(eventClass)",
            ParameterizedTypeName.get(LIST, catalog.eventType()),
            catalog.eventType())
        .addStatement("$T matching = new $T<>()", listOfE, ArrayList.class)
        .beginControlFlow("for ($T event : all())", anyEvent)
        .beginControlFlow("if (types.contains($T.of(event)))", catalog.eventType())
        .addStatement("matching.add(eventClass.cast(event))")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return $T.copyOf(matching)", List.class)
        .build();
  }
}
