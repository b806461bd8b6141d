package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javax.lang.model.element.Modifier;

/** Writes {@code SupportEvents.Builder}: the callbacks ("props") and the delivery settings. */
final class HubBuilderWriter {

  private HubBuilderWriter() {}

  static TypeSpec write(Catalog catalog) {
    ClassName builder = catalog.hub().nestedClass("Builder");
    ClassName deliveryBuilder = GeneratedCode.DELIVERY.nestedClass("Builder");
    TypeName callbacksList =
        ParameterizedTypeName.get(ClassName.get(List.class), catalog.callbacks());
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Configures a {@link $T} hub.\n", catalog.hub())
        .addField(FieldSpec.builder(deliveryBuilder, "delivery", Modifier.PRIVATE,
                Modifier.FINAL)
            .initializer("$T.builder()", GeneratedCode.DELIVERY)
            .build())
        .addField(FieldSpec.builder(callbacksList, "callbacks", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T<>()", ArrayList.class)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("callbacks")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(catalog.callbacks(), "callbacks")
            .addJavadoc("Adds callbacks, the widget's props: they run before every listener"
                + " subscribed to the hub later. Callbacks added more than once run in the order"
                + " added.\n\n")
            .addJavadoc("@param callbacks receive the events they override\n")
            .addJavadoc("@return this builder\n")
            .addStatement("this.callbacks.add($T.requireNonNull(callbacks, $S))", Objects.class,
                "callbacks")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("executor")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(Executor.class, "executor")
            .addJavadoc("Delivers events through {@code executor}, one task per emitted event"
                + " that runs its listeners in order. Without it, listeners run on the emitting"
                + " thread before the emit call returns.\n\n")
            .addJavadoc("@param executor runs deliveries\n")
            .addJavadoc("@return this builder\n")
            .addStatement("this.delivery.executor(executor)")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("failureHandler")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(GeneratedCode.FAILURE_HANDLER, "failureHandler")
            .addJavadoc("Sends the failures of listeners to {@code failureHandler} instead of the"
                + " {@code dev.supportevents} {@link System.Logger}.\n\n")
            .addJavadoc("@param failureHandler receives each failure of a listener\n")
            .addJavadoc("@return this builder\n")
            .addStatement("this.delivery.failureHandler(failureHandler)")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("failurePolicy")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(GeneratedCode.FAILURE_POLICY, "failurePolicy")
            .addJavadoc("Chooses what emit does when a listener throws: report the failure to the"
                + " failure handler and carry on ({@link $T#REPORT}, the default), or throw it"
                + " once every listener has run ({@link $T#PROPAGATE}).\n\n",
                GeneratedCode.FAILURE_POLICY, GeneratedCode.FAILURE_POLICY)
            .addJavadoc("@param failurePolicy what to do when a listener throws\n")
            .addJavadoc("@return this builder\n")
            .addStatement("this.delivery.failurePolicy(failurePolicy)")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("unhandledEvents")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(ParameterizedTypeName.get(ClassName.get(BiConsumer.class),
                WildcardTypeName.supertypeOf(catalog.eventType()),
                WildcardTypeName.supertypeOf(Record.class)), "unhandledEvents")
            .addJavadoc("Tells {@code unhandledEvents} of every event emitted while no listener of"
                + " its type is subscribed, the dead events of other event buses. What it throws"
                + " is logged.\n\n")
            .addJavadoc("@param unhandledEvents receives the type and the event nobody listened"
                + " to\n")
            .addJavadoc("@return this builder\n")
            .addStatement("$T.requireNonNull(unhandledEvents, $S)", Objects.class,
                "unhandledEvents")
            .addStatement("this.delivery.unhandledEvents((type, event) -> "
                + "unhandledEvents.accept(($T) type, event))", catalog.eventType())
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(catalog.hub())
            .addJavadoc("Builds the hub and subscribes the callbacks.\n\n")
            .addJavadoc("@return a new hub\n")
            .addStatement("return new $T(this)", catalog.hub())
            .build())
        .build();
  }
}
