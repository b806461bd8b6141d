package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.lang.model.element.Modifier;

/** Writes {@code SupportEvents.Builder}: the callbacks ("props") and the delivery settings. */
final class HubBuilderWriter {

  private HubBuilderWriter() {}

  static TypeSpec write(Catalog catalog) {
    ClassName builder = catalog.hub().nestedClass(Catalog.HUB_BUILDER);
    TypeName callbacksList =
        ParameterizedTypeName.get(ClassName.get(List.class), catalog.callbacks());
    TypeName unhandledListener = HubSubscriptionWriter.allListener(catalog);
    ClassName policy = GeneratedCode.FAILURE_POLICY;
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Configures a {@link $T} hub.\n", catalog.hub())
        .addField(
            FieldSpec.builder(
                    GeneratedCode.DELIVERY.nestedClass("Builder"),
                    "delivery",
                    Modifier.PRIVATE,
                    Modifier.FINAL)
                .initializer("$Z$T.builder()", GeneratedCode.DELIVERY)
                .build())
        .addField(
            FieldSpec.builder(callbacksList, "callbacks", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", ArrayList.class)
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(
            setter(
                    builder,
                    catalog.callbacks(),
                    "callbacks",
                    CodeBlock.of(
                        "Adds callbacks, the widget's props: they run before every listener"
                            + " subscribed to the hub later. Callbacks added more than once run in the"
                            + " order added."),
                    "receive the events they override")
                .addStatement(
                    "this.callbacks.add($T.requireNonNull(callbacks, $S))",
                    Objects.class,
                    "callbacks")
                .addStatement("return this")
                .build())
        .addMethod(
            deliverySetter(
                builder,
                ClassName.get(Executor.class),
                "executor",
                CodeBlock.of(
                    "Runs every subscription without an executor of its own on"
                        + " {@code executor}: each receives its events one at a time and in the order"
                        + " emitted, on a thread pool too, and a listener's failure goes to the failure"
                        + " handler whatever the failure policy. Without it, listeners run on the"
                        + " emitting thread before the emit call returns."),
                "runs deliveries"))
        .addMethod(
            deliverySetter(
                builder,
                TypeName.INT,
                "queueCapacity",
                CodeBlock.of(
                    "Bounds the queue of each subscription that sets no capacity of its own"
                        + " ({@code $T.queueCapacity}): the events that wait for its executor, or that"
                        + " are held back while the replay of a kept event to it runs. 65,536 unless set;"
                        + " one more event applies the overflow policy.",
                    GeneratedCode.SUBSCRIPTION_OPTIONS),
                "from 1 to 268,435,456 ({@code SubscriptionOptions.MAX_QUEUE_CAPACITY})"))
        .addMethod(
            deliverySetter(
                builder,
                GeneratedCode.OVERFLOW_POLICY,
                "onOverflow",
                CodeBlock.of(
                    "Chooses what happens to an event that finds a subscription's queue"
                        + " full, for each subscription that sets no policy of its own:"
                        + " {@link $T#DROP_NEWEST} unless set. Emit never blocks, and each event not"
                        + " delivered goes to the failure handler.",
                    GeneratedCode.OVERFLOW_POLICY),
                "what a full queue does with an event"))
        .addMethod(
            deliverySetter(
                builder,
                GeneratedCode.FAILURE_HANDLER,
                "failureHandler",
                CodeBlock.of(
                    "Sends the failures of listeners to {@code failureHandler} instead of"
                        + " the {@code dev.supportevents} {@link System.Logger}."),
                "receives each failure of a listener"))
        .addMethod(
            deliverySetter(
                builder,
                policy,
                "failurePolicy",
                CodeBlock.of(
                    "Chooses what emit does when a listener throws: report the failure to"
                        + " the failure handler and carry on ({@link $T#REPORT}, the default), or throw"
                        + " the first one once every listener has run ({@link $T#PROPAGATE}). Listeners"
                        + " that run on an executor cannot fail the emit call: their failures always go to"
                        + " the failure handler.",
                    policy,
                    policy),
                "what to do when a listener throws"))
        .addMethod(
            setter(
                    builder,
                    unhandledListener,
                    "unhandledEvents",
                    CodeBlock.of(
                        "Tells {@code unhandledEvents} of every event emitted while no"
                            + " listener of its type is subscribed, the dead events of other event buses."
                            + " What it throws is logged."),
                    "receives the type and the event nobody listened to")
                .addStatement(
                    "$T.requireNonNull(unhandledEvents, $S)", Objects.class, "unhandledEvents")
                .addStatement(
                    "this.delivery.unhandledEvents((type, event) ->$W"
                        + "unhandledEvents.accept(($T) type,$L))",
                    catalog.eventType(),
                    // The runtime hands over a Record, which a union's listener takes once cast.
                    catalog.union() == null
                        ? CodeBlock.of(" event")
                        : CodeBlock.of("$W($T) event", catalog.anyEvent()))
                .addStatement("return this")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(catalog.hub())
                .addJavadoc("Builds the hub and subscribes the callbacks.\n\n")
                .addJavadoc("@return a new hub\n")
                .addStatement("return new $T(this)", catalog.hub())
                .build())
        .build();
  }

  /** A builder method that hands its argument to the runtime's {@code Delivery.Builder}. */
  private static MethodSpec deliverySetter(
      ClassName builder, TypeName type, String name, CodeBlock doc, String parameterDoc) {
    return setter(builder, type, name, doc, parameterDoc)
        .addStatement("this.delivery.$N($N)", name, name)
        .addStatement("return this")
        .build();
  }

  /** The declaration and javadoc of a builder method taking one parameter named {@code name}. */
  private static MethodSpec.Builder setter(
      ClassName builder, TypeName type, String name, CodeBlock doc, String parameterDoc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(type, name)
        .addJavadoc("$L\n\n", doc)
        .addJavadoc("@param $N $L\n", name, parameterDoc)
        .addJavadoc("@return this builder\n");
  }
}
