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
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Writes the hub's subscribe methods: one typed {@code onX} per event, by callbacks, class, type
 * and for every event, each also with an executor of its own and with subscription options; and the
 * private {@code listen} methods that add a subscription's listeners while it is created.
 */
final class HubSubscriptionWriter {

  /** Where a subscribe method's listeners run: as the hub says, on an executor, as options say. */
  private enum Runs {
    AS_THE_HUB,
    ON_EXECUTOR,
    WITH_OPTIONS
  }

  private HubSubscriptionWriter() {}

  /** The typed subscribe methods of {@code events}: {@code onX}, and with an executor. */
  static List<MethodSpec> typedMethods(List<EventModel> events) {
    List<MethodSpec> methods = new ArrayList<>();
    for (EventModel event : events) {
      for (Runs runs : Runs.values()) {
        methods.add(typedSubscribe(event, runs));
      }
    }
    return methods;
  }

  /** The hub's subscribe methods by callbacks, class and type, and for every event. */
  static List<MethodSpec> methods(Catalog catalog) {
    List<MethodSpec> methods = new ArrayList<>();
    for (Runs runs : Runs.values()) {
      methods.add(subscribeCallbacks(catalog, runs));
      methods.add(subscribeClass(catalog, runs));
      methods.add(subscribeType(catalog, runs));
      methods.add(subscribeAll(catalog, runs));
    }
    return methods;
  }

  /**
   * The methods named {@code name} that add a subscription's listeners of {@code events}, the first
   * of which has the ordinal {@code first}: the hub's private {@code listen} methods, or those of
   * one part of a hub in parts.
   */
  static List<MethodSpec> listenMethods(
      CatalogLayout layout,
      List<EventModel> events,
      int first,
      String name,
      Modifier... modifiers) {
    return List.of(
        listenCallbacks(layout.catalog(), events, name, modifiers),
        listenType(layout, events, first, name, modifiers),
        listenAll(layout, events, first, name, modifiers));
  }

  /** The hub's private {@code listen} methods when it is in parts: each asks the parts. */
  static List<MethodSpec> listenByPart(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    MethodSpec.Builder callbacks =
        listenMethod("listen", Modifier.PRIVATE).addParameter(catalog.callbacks(), "callbacks");
    MethodSpec.Builder all =
        listenMethod("listen", Modifier.PRIVATE).addParameter(allListener(catalog), "listener");
    List<CodeBlock> byType = new ArrayList<>();
    for (int part = 1; part <= layout.parts().size(); part++) {
      callbacks.addStatement("listen$L(registration, callbacks)", part);
      all.addStatement("listen$L(registration, listener)", part);
      byType.add(CodeBlock.of("listen$L(registration, type, listener)", part));
    }
    MethodSpec type =
        listenMethod("listen", Modifier.PRIVATE)
            .addParameter(catalog.eventType(), "type")
            .addParameter(consumerOf(catalog.anyEvent()), "listener")
            .addCode(HubWriter.byRun(layout.limits().largestPart(), byType))
            .build();
    return List.of(callbacks.build(), type, all.build());
  }

  private static MethodSpec typedSubscribe(EventModel event, Runs runs) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(event.callbackName())
            .addModifiers(Modifier.PUBLIC)
            .returns(GeneratedCode.SUBSCRIPTION)
            .addParameter(consumerOf(event.className()), "listener")
            .addJavadoc(
                "Subscribes {@code listener} to each $L emitted from now on$L.\n\n",
                Prose.link(event),
                toRun(runs))
            .addJavadoc("@param listener receives the events\n");
    return withWhereToRun(method, runs)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement(
            switch (runs) {
              case AS_THE_HUB -> "return this.$N.subscribe(listener)";
              case ON_EXECUTOR -> "return this.$N.subscribe(listener, executor)";
              case WITH_OPTIONS -> "return this.$N.subscribe(listener, options)";
            },
            event.listenersField())
        .build();
  }

  /** What a subscribe method's first javadoc sentence adds: where the listener runs. */
  private static String toRun(Runs runs) {
    return switch (runs) {
      case AS_THE_HUB -> "";
      case ON_EXECUTOR -> ", to run on {@code executor}";
      case WITH_OPTIONS -> ", with {@code options}";
    };
  }

  /**
   * Adds the {@code executor} parameter of the overloads that run a listener on its own, or the
   * {@code options} parameter of those that set its executor, queue capacity and overflow policy.
   */
  private static MethodSpec.Builder withWhereToRun(MethodSpec.Builder method, Runs runs) {
    if (runs == Runs.ON_EXECUTOR) {
      method
          .addParameter(Executor.class, "executor")
          .addJavadoc(
              "@param executor runs the listener, one event at a time and in the order"
                  + " delivered\n");
    } else if (runs == Runs.WITH_OPTIONS) {
      method
          .addParameter(GeneratedCode.SUBSCRIPTION_OPTIONS, "options")
          .addJavadoc(
              "@param options the listener's executor, queue capacity and overflow"
                  + " policy, each the hub's where not set\n");
    }
    return method;
  }

  /**
   * {@code return this.delivery.subscribe(described, [executor, ]registration -> call);}: the
   * subscription is described by what the application passed, not by the code that wraps it.
   */
  private static CodeBlock subscribeVia(String described, Runs runs, CodeBlock call) {
    return CodeBlock.of(
        "return this.delivery.subscribe($N,$W$Lregistration -> $L);\n",
        described,
        switch (runs) {
          case AS_THE_HUB -> CodeBlock.of("");
          case ON_EXECUTOR -> CodeBlock.of("executor,$W");
          case WITH_OPTIONS -> CodeBlock.of("options,$W");
        },
        call);
  }

  private static MethodSpec subscribeCallbacks(Catalog catalog, Runs runs) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("subscribe")
            .addModifiers(Modifier.PUBLIC)
            .returns(GeneratedCode.SUBSCRIPTION)
            .addParameter(catalog.callbacks(), "callbacks")
            .addJavadoc(
                "Subscribes every method of {@code callbacks} to its event, as one"
                    + " subscription$L.\n\n",
                switch (runs) {
                  case AS_THE_HUB -> "";
                  case ON_EXECUTOR -> " that runs on {@code executor}";
                  case WITH_OPTIONS -> " with {@code options}";
                })
            .addJavadoc("@param callbacks receive the events they override\n");
    return withWhereToRun(method, runs)
        .addJavadoc("@return the subscription; close it to unsubscribe all of them\n")
        .addStatement("$T.requireNonNull(callbacks, $S)", Objects.class, "callbacks")
        .addCode(subscribeVia("callbacks", runs, CodeBlock.of("listen(registration, callbacks)")))
        .build();
  }

  private static MethodSpec subscribeClass(Catalog catalog, Runs runs) {
    TypeVariableName e = TypeVariableName.get("E", catalog.anyEvent());
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("subscribe")
            .addModifiers(Modifier.PUBLIC)
            .addTypeVariable(e)
            .returns(GeneratedCode.SUBSCRIPTION)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), e), "eventClass")
            .addParameter(consumerOf(e), "listener")
            .addJavadoc(
                "Subscribes {@code listener} to the events of class {@code eventClass}$L, as"
                    + " one subscription: the events of one record class, or of each that implements an"
                    + " interface.\n\n",
                toRun(runs))
            .addJavadoc(Prose.eventClassDoc(catalog))
            .addJavadoc("@param listener receives the events\n");
    return withWhereToRun(method, runs)
        .addJavadoc("@param <E> the type of the events\n")
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addJavadoc(Prose.eventClassThrows(catalog))
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addStatement("$T types = $T.typesOf(eventClass)", typeList(catalog), catalog.eventType())
        .addStatement(
            "$T cast =$Wevent -> listener.accept(eventClass.cast(event))",
            consumerOf(catalog.anyEvent()))
        .addCode(subscribeVia("listener", runs, CodeBlock.of("listen(registration, types, cast)")))
        .build();
  }

  private static MethodSpec subscribeType(Catalog catalog, Runs runs) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("subscribe")
            .addModifiers(Modifier.PUBLIC)
            .returns(GeneratedCode.SUBSCRIPTION)
            .addParameter(catalog.eventType(), "type")
            .addParameter(consumerOf(catalog.anyEvent()), "listener")
            .addJavadoc(
                "Subscribes {@code listener} to the events of {@code type}$L.\n\n", toRun(runs))
            .addJavadoc("@param type the event type\n")
            .addJavadoc("@param listener receives the events\n");
    return withWhereToRun(method, runs)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addCode(
            subscribeVia("listener", runs, CodeBlock.of("listen(registration, type, listener)")))
        .build();
  }

  private static MethodSpec subscribeAll(Catalog catalog, Runs runs) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("subscribeAll")
            .addModifiers(Modifier.PUBLIC)
            .returns(GeneratedCode.SUBSCRIPTION)
            .addParameter(allListener(catalog), "listener")
            .addJavadoc(
                "Subscribes {@code listener} to every event of $L, told each event's"
                    + " type$L.\n\n",
                catalog.displayPackage(),
                toRun(runs))
            .addJavadoc("@param listener receives every event with its type\n");
    return withWhereToRun(method, runs)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addCode(subscribeVia("listener", runs, CodeBlock.of("listen(registration, listener)")))
        .build();
  }

  /**
   * {@code BiConsumer<? super SupportEventType, ? super Record>}, or the union in place of {@code
   * Record}: told every event and its type.
   */
  static TypeName allListener(Catalog catalog) {
    return ParameterizedTypeName.get(
        ClassName.get(BiConsumer.class),
        WildcardTypeName.supertypeOf(catalog.eventType()),
        WildcardTypeName.supertypeOf(catalog.anyEvent()));
  }

  private static MethodSpec listenCallbacks(
      Catalog catalog, List<EventModel> events, String name, Modifier... modifiers) {
    MethodSpec.Builder method =
        listenMethod(name, modifiers).addParameter(catalog.callbacks(), "callbacks");
    for (EventModel event : events) {
      method.addStatement(
          "registration.listen(this.$N,$Wcallbacks::$N)",
          event.listenersField(),
          event.callbackName());
    }
    return method.build();
  }

  private static MethodSpec listenType(
      CatalogLayout layout,
      List<EventModel> events,
      int first,
      String name,
      Modifier... modifiers) {
    Catalog catalog = layout.catalog();
    CodeBlock.Builder cases = CodeBlock.builder();
    int ordinal = first;
    for (EventModel event : events) {
      cases.addStatement(
          "case $L ->$Wregistration.listen(this.$N, listener)",
          layout.caseLabel(event, ordinal++),
          event.listenersField());
    }
    return listenMethod(name, modifiers)
        .addParameter(catalog.eventType(), "type")
        .addParameter(consumerOf(catalog.anyEvent()), "listener")
        .beginControlFlow("switch ($L)", layout.switchOn(CodeBlock.of("type")))
        .addCode(cases.build())
        .endControlFlow()
        .build();
  }

  private static MethodSpec listenAll(
      CatalogLayout layout,
      List<EventModel> events,
      int first,
      String name,
      Modifier... modifiers) {
    Catalog catalog = layout.catalog();
    MethodSpec.Builder method =
        listenMethod(name, modifiers).addParameter(allListener(catalog), "listener");
    int ordinal = first;
    for (EventModel event : events) {
      method.addStatement(
          "registration.listen(this.$N,$Wevent -> listener.accept($T.$N, event))",
          event.listenersField(),
          layout.constantOwner(ordinal++),
          event.constantName());
    }
    return method.build();
  }

  /** {@code List<SupportEventType>}. */
  static TypeName typeList(Catalog catalog) {
    return ParameterizedTypeName.get(ClassName.get(List.class), catalog.eventType());
  }

  /**
   * The hub's private {@code listen} method that adds one listener to the events of several types,
   * each through the {@code listen} method of one type: the events of a class, or of the classes
   * that implement an interface.
   */
  static MethodSpec listenTypes(Catalog catalog) {
    return listenMethod("listen", Modifier.PRIVATE)
        .addParameter(typeList(catalog), "types")
        .addParameter(consumerOf(catalog.anyEvent()), "listener")
        .beginControlFlow("for ($T type : types)", catalog.eventType())
        .addStatement("listen(registration, type, listener)")
        .endControlFlow()
        .build();
  }

  /** A method that adds one subscription's listeners while it is being created. */
  private static MethodSpec.Builder listenMethod(String name, Modifier... modifiers) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(modifiers)
        .addParameter(GeneratedCode.REGISTRATION, "registration");
  }

  /** {@code Consumer<? super type>}. */
  static TypeName consumerOf(TypeName type) {
    return ParameterizedTypeName.get(
        ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(type));
  }
}
