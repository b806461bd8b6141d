package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javax.lang.model.element.Modifier;

/**
 * Writes the hub's subscribe methods: one typed {@code onX} per event, by callbacks, class, type
 * and for every event, each also with an executor of its own; and the private {@code listen}
 * methods that add a subscription's listeners while it is created.
 */
final class HubSubscriptionWriter {

  private HubSubscriptionWriter() {}

  /** The subscribe and listen methods of the hub of {@code catalog}, in the order written. */
  static List<MethodSpec> methods(Catalog catalog) {
    List<MethodSpec> methods = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      methods.add(typedSubscribe(event, false));
      methods.add(typedSubscribe(event, true));
    }
    for (boolean ownExecutor : new boolean[] {false, true}) {
      methods.add(subscribeCallbacks(catalog, ownExecutor));
      methods.add(subscribeClass(catalog, ownExecutor));
      methods.add(subscribeType(catalog, ownExecutor));
      methods.add(subscribeAll(catalog, ownExecutor));
    }
    methods.add(listenCallbacks(catalog));
    methods.add(listenType(catalog));
    methods.add(listenAll(catalog));
    return methods;
  }

  private static MethodSpec typedSubscribe(EventModel event, boolean ownExecutor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(event.callbackName())
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(GeneratedCode.consumerOf(event.className()), "listener")
        .addJavadoc("Subscribes {@code listener} to each $L emitted from now on$L.\n\n",
            GeneratedCode.link(event), ownExecutor ? ", to run on {@code executor}" : "")
        .addJavadoc("@param listener receives the events\n");
    return withExecutor(method, ownExecutor)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement(ownExecutor
                ? "return this.$N.subscribe(listener, executor)"
                : "return this.$N.subscribe(listener)",
            event.listenersField())
        .build();
  }

  /** Adds the {@code executor} parameter of the overloads that run a listener on its own. */
  private static MethodSpec.Builder withExecutor(MethodSpec.Builder method, boolean ownExecutor) {
    if (ownExecutor) {
      method.addParameter(Executor.class, "executor")
          .addJavadoc("@param executor runs the listener, one event at a time and in the order"
              + " delivered\n");
    }
    return method;
  }

  /**
   * {@code return this.delivery.subscribe(described, [executor, ]registration -> call);}: the
   * subscription is described by what the application passed, not by the code that wraps it.
   */
  private static CodeBlock subscribeVia(String described, boolean ownExecutor, CodeBlock call) {
    return CodeBlock.of("return this.delivery.subscribe($N, $Lregistration -> $L);\n", described,
        ownExecutor ? "executor, " : "", call);
  }

  private static MethodSpec subscribeCallbacks(Catalog catalog, boolean ownExecutor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("subscribe")
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(catalog.callbacks(), "callbacks")
        .addJavadoc("Subscribes every method of {@code callbacks} to its event, as one"
            + " subscription$L.\n\n", ownExecutor ? " that runs on {@code executor}" : "")
        .addJavadoc("@param callbacks receive the events they override\n");
    return withExecutor(method, ownExecutor)
        .addJavadoc("@return the subscription; close it to unsubscribe all of them\n")
        .addStatement("$T.requireNonNull(callbacks, $S)", Objects.class, "callbacks")
        .addCode(subscribeVia("callbacks", ownExecutor,
            CodeBlock.of("listen(registration, callbacks)")))
        .build();
  }

  private static MethodSpec subscribeClass(Catalog catalog, boolean ownExecutor) {
    TypeVariableName e = TypeVariableName.get("E", catalog.anyEvent());
    MethodSpec.Builder method = MethodSpec.methodBuilder("subscribe")
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(e)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), e), "eventClass")
        .addParameter(GeneratedCode.consumerOf(e), "listener")
        .addJavadoc("Subscribes {@code listener} to the events of class {@code eventClass}$L.\n\n",
            ownExecutor ? ", to run on {@code executor}" : "")
        .addJavadoc("@param eventClass the record class of an event of $L\n",
            catalog.displayPackage())
        .addJavadoc("@param listener receives the events\n");
    return withExecutor(method, ownExecutor)
        .addJavadoc("@param <E> the event's record type\n")
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addJavadoc("@throws IllegalArgumentException if {@code eventClass} is not an event of"
            + " $L\n", catalog.displayPackage())
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addStatement("$T type = $T.forClass(eventClass)", catalog.eventType(),
            catalog.eventType())
        .addStatement("$T cast = event -> listener.accept(eventClass.cast(event))",
            GeneratedCode.consumerOf(catalog.anyEvent()))
        .addCode(subscribeVia("listener", ownExecutor,
            CodeBlock.of("listen(registration, type, cast)")))
        .build();
  }

  private static MethodSpec subscribeType(Catalog catalog, boolean ownExecutor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("subscribe")
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(catalog.eventType(), "type")
        .addParameter(GeneratedCode.consumerOf(catalog.anyEvent()), "listener")
        .addJavadoc("Subscribes {@code listener} to the events of {@code type}$L.\n\n",
            ownExecutor ? ", to run on {@code executor}" : "")
        .addJavadoc("@param type the event type\n")
        .addJavadoc("@param listener receives the events\n");
    return withExecutor(method, ownExecutor)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addCode(subscribeVia("listener", ownExecutor,
            CodeBlock.of("listen(registration, type, listener)")))
        .build();
  }

  private static MethodSpec subscribeAll(Catalog catalog, boolean ownExecutor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("subscribeAll")
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(allListener(catalog), "listener")
        .addJavadoc("Subscribes {@code listener} to every event of $L, told each event's"
            + " type$L.\n\n", catalog.displayPackage(),
            ownExecutor ? ", to run on {@code executor}" : "")
        .addJavadoc("@param listener receives every event with its type\n");
    return withExecutor(method, ownExecutor)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addCode(subscribeVia("listener", ownExecutor,
            CodeBlock.of("listen(registration, listener)")))
        .build();
  }

  /**
   * {@code BiConsumer<? super SupportEventType, ? super Record>}, or the union in place of
   * {@code Record}: told every event and its type.
   */
  static TypeName allListener(Catalog catalog) {
    return ParameterizedTypeName.get(ClassName.get(BiConsumer.class),
        WildcardTypeName.supertypeOf(catalog.eventType()),
        WildcardTypeName.supertypeOf(catalog.anyEvent()));
  }

  private static MethodSpec listenCallbacks(Catalog catalog) {
    MethodSpec.Builder method = listenMethod()
        .addParameter(catalog.callbacks(), "callbacks");
    for (EventModel event : catalog.events()) {
      method.addStatement("registration.listen(this.$N, callbacks::$N)",
          event.listenersField(), event.callbackName());
    }
    return method.build();
  }

  private static MethodSpec listenType(Catalog catalog) {
    CodeBlock.Builder cases = CodeBlock.builder();
    for (EventModel event : catalog.events()) {
      cases.addStatement("case $N -> registration.listen(this.$N, listener)",
          event.constantName(), event.listenersField());
    }
    return listenMethod()
        .addParameter(catalog.eventType(), "type")
        .addParameter(GeneratedCode.consumerOf(catalog.anyEvent()), "listener")
        .beginControlFlow("switch (type)")
        .addCode(cases.build())
        .endControlFlow()
        .build();
  }

  private static MethodSpec listenAll(Catalog catalog) {
    MethodSpec.Builder method = listenMethod()
        .addParameter(allListener(catalog), "listener");
    for (EventModel event : catalog.events()) {
      method.addStatement("registration.listen(this.$N, event -> listener.accept($T.$N, event))",
          event.listenersField(), catalog.eventType(), event.constantName());
    }
    return method.build();
  }

  /** A private method that adds one subscription's listeners while it is being created. */
  private static MethodSpec.Builder listenMethod() {
    return MethodSpec.methodBuilder("listen")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(GeneratedCode.REGISTRATION, "registration");
  }
}
