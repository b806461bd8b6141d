package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SupportEvents}, the hub of one widget instance: typed subscriptions, the emitter,
 * and the {@code switch} that routes an event of any type to its listeners.
 */
final class HubWriter {

  private static final ClassName CONSUMER = ClassName.get(Consumer.class);
  private static final ClassName RECORD = ClassName.get(Record.class);

  /**
   * The most events one {@code switch} of {@code emit(Record)} routes. HotSpot does not compile a
   * method of more than 8,000 bytes of bytecode, which a switch passes at about 440 events: an
   * interpreted {@code emit(Record)} of a 500-event catalog took 160 ns where a compiled one takes
   * 2 ns. Larger catalogs route through one method per this many events.
   */
  static final int LARGEST_SWITCH = 256;

  private HubWriter() {}

  static TypeSpec write(Catalog catalog) {
    ClassName hub = catalog.hub();
    TypeSpec.Builder type = TypeSpec.classBuilder(hub)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(catalog.emitter())
        .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
        .addAnnotations(GeneratedCode.suppressWarnings(catalog, catalog.allWarnings()))
        .addJavadoc(CodeBlock.builder()
            .add("The support events of one widget instance ($L): subscribe to them and emit"
                + " them.\n", catalog.displayPackage())
            .add("\n<p>Create one per widget with {@link #create()} or {@link #builder()}."
                + " Listeners run in the order they subscribed, callbacks given to the builder"
                + " first. A listener that throws does not stop the others: its failure goes to"
                + " the builder's failure handler, which logs it by default. Subscribing,"
                + " closing a subscription and emitting are safe from any thread and from inside"
                + " a listener; a listener subscribed while an event is delivered receives only"
                + " later events.\n")
            .add(replayDoc(catalog))
            .build())
        .addField(GeneratedCode.DELIVERY, "delivery", Modifier.PRIVATE, Modifier.FINAL);
    for (EventModel event : catalog.events()) {
      type.addField(listenersType(event), event.listenersField(), Modifier.PRIVATE,
          Modifier.FINAL);
    }
    type.addField(FieldSpec.builder(catalog.emitter(), "emitter", Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new EmitterView()")
        .build());
    type.addMethod(constructor(catalog))
        .addMethod(MethodSpec.methodBuilder("create")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(hub)
            .addJavadoc("Creates a hub that delivers synchronously and logs listener failures.\n\n")
            .addJavadoc("@return a new hub with no listeners\n")
            .addStatement("return builder().build()")
            .build())
        .addMethod(MethodSpec.methodBuilder("builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(hub.nestedClass("Builder"))
            .addJavadoc("Starts configuring a hub: callbacks, executor, failure handler.\n\n")
            .addJavadoc("@return a new builder\n")
            .addStatement("return new Builder()")
            .build());
    for (EventModel event : catalog.events()) {
      type.addMethod(typedSubscribe(event, false)).addMethod(typedSubscribe(event, true));
    }
    for (boolean ownExecutor : new boolean[] {false, true}) {
      type.addMethod(subscribeCallbacks(catalog, ownExecutor))
          .addMethod(subscribeClass(catalog, ownExecutor))
          .addMethod(subscribeType(catalog, ownExecutor))
          .addMethod(subscribeAll(catalog, ownExecutor));
    }
    type.addMethod(listenCallbacks(catalog))
        .addMethod(listenType(catalog))
        .addMethod(listenAll(catalog));
    for (EventModel event : catalog.events()) {
      type.addMethod(EmitterWriter.signature(event, event.components().size())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addStatement("this.$N.deliver(new $T($L))", event.listenersField(), event.className(),
              GeneratedCode.arguments(event, event.components().size()))
          .build());
    }
    for (EventModel event : catalog.events()) {
      if (event.replayLatest()) {
        type.addMethod(latest(event));
      }
    }
    List<List<EventModel>> routes = routes(catalog);
    type.addMethod(emit(catalog, routes));
    if (routes.size() > 1) {
      routes.forEach(route -> type.addMethod(route(catalog, route)));
    }
    return type
        .addMethod(MethodSpec.methodBuilder("emitter")
            .addModifiers(Modifier.PUBLIC)
            .returns(catalog.emitter())
            .addJavadoc("The emitter of this hub alone, for code that emits but must not"
                + " subscribe.\n\n")
            .addJavadoc("@return an emitter that emits through this hub\n")
            .addStatement("return this.emitter")
            .build())
        .addType(HubBuilderWriter.write(catalog))
        .addType(emitterView(catalog))
        .build();
  }

  /** Names the events the hub keeps and replays, if any. */
  private static CodeBlock replayDoc(Catalog catalog) {
    List<CodeBlock> replayed = catalog.events().stream()
        .filter(EventModel::replayLatest)
        .map(GeneratedCode::link)
        .toList();
    if (replayed.isEmpty()) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("\n<p>The hub keeps the latest $L: a listener that subscribes to it"
        + " later receives it at once.\n", CodeBlock.join(replayed, ", "));
  }

  /** {@code latestConversationStart()}: the event kept to replay to later listeners. */
  private static MethodSpec latest(EventModel event) {
    return MethodSpec.methodBuilder(event.latestName())
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), event.className()))
        .addJavadoc("The latest $L emitted on this hub. The hub keeps it because the event is"
            + " declared with {@code replayLatest = true}, and hands it to each listener that"
            + " subscribes to it later, at once.\n\n", GeneratedCode.link(event))
        .addJavadoc("@return the latest event, or empty if none was emitted yet\n")
        .addStatement("return this.$N.latest()", event.listenersField())
        .build();
  }

  private static TypeName listenersType(EventModel event) {
    return ParameterizedTypeName.get(GeneratedCode.LISTENERS, event.className());
  }

  private static TypeName consumerOf(TypeName type) {
    return ParameterizedTypeName.get(CONSUMER, WildcardTypeName.supertypeOf(type));
  }

  private static MethodSpec constructor(Catalog catalog) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(catalog.hub().nestedClass("Builder"), "builder")
        .addStatement("this.delivery = builder.delivery.build()");
    for (EventModel event : catalog.events()) {
      constructor.addStatement("this.$N = this.delivery.$N($T.$N)", event.listenersField(),
          event.replayLatest() ? "listenersReplayingLatest" : "listeners", catalog.eventType(),
          event.constantName());
    }
    return constructor
        .beginControlFlow("for ($T callbacks : builder.callbacks)", catalog.callbacks())
        .addStatement("subscribe(callbacks)")
        .endControlFlow()
        .build();
  }

  private static MethodSpec typedSubscribe(EventModel event, boolean ownExecutor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(event.callbackName())
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(consumerOf(event.className()), "listener")
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
          .addJavadoc("@param executor runs the listener: one task per event, submitted in the"
              + " order of delivery\n");
    }
    return method;
  }

  /** {@code return this.delivery.subscribe([executor, ]registration -> call);} */
  private static CodeBlock subscribeVia(boolean ownExecutor, CodeBlock call) {
    return CodeBlock.of("return this.delivery.subscribe($Lregistration -> $L);\n",
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
        .addCode(subscribeVia(ownExecutor, CodeBlock.of("listen(registration, callbacks)")))
        .build();
  }

  private static MethodSpec subscribeClass(Catalog catalog, boolean ownExecutor) {
    TypeVariableName e = TypeVariableName.get("E", RECORD);
    MethodSpec.Builder method = MethodSpec.methodBuilder("subscribe")
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(e)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), e), "eventClass")
        .addParameter(consumerOf(e), "listener")
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
        .addStatement("return subscribe(type, event -> listener.accept(eventClass.cast(event))$L)",
            ownExecutor ? ", executor" : "")
        .build();
  }

  private static MethodSpec subscribeType(Catalog catalog, boolean ownExecutor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("subscribe")
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedCode.SUBSCRIPTION)
        .addParameter(catalog.eventType(), "type")
        .addParameter(consumerOf(RECORD), "listener")
        .addJavadoc("Subscribes {@code listener} to the events of {@code type}$L.\n\n",
            ownExecutor ? ", to run on {@code executor}" : "")
        .addJavadoc("@param type the event type\n")
        .addJavadoc("@param listener receives the events\n");
    return withExecutor(method, ownExecutor)
        .addJavadoc("@return the subscription; close it to unsubscribe\n")
        .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
        .addStatement("$T.requireNonNull(listener, $S)", Objects.class, "listener")
        .addCode(subscribeVia(ownExecutor, CodeBlock.of("listen(registration, type, listener)")))
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
        .addCode(subscribeVia(ownExecutor, CodeBlock.of("listen(registration, listener)")))
        .build();
  }

  /** {@code BiConsumer<? super SupportEventType, ? super Record>}: told every event and its type. */
  static TypeName allListener(Catalog catalog) {
    return ParameterizedTypeName.get(ClassName.get(BiConsumer.class),
        WildcardTypeName.supertypeOf(catalog.eventType()), WildcardTypeName.supertypeOf(RECORD));
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
        .addParameter(consumerOf(RECORD), "listener")
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

  private static MethodSpec emit(Catalog catalog, List<List<EventModel>> routes) {
    MethodSpec.Builder emit = MethodSpec.methodBuilder("emit")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RECORD, "event")
        .addJavadoc("Emits {@code event} to every listener of its type subscribed now.\n\n")
        .addJavadoc("@param event an event of $L\n", catalog.displayPackage())
        .addJavadoc("@throws NullPointerException if {@code event} is null\n")
        .addJavadoc("@throws IllegalArgumentException if {@code event} is not an event of $L\n",
            catalog.displayPackage());
    if (routes.size() == 1) {
      return emit.addCode(routeSwitch(CodeBlock.of("$T.of(event)", catalog.eventType()),
              catalog.events()))
          .build();
    }
    emit.addStatement("$T type = $T.of(event)", catalog.eventType(), catalog.eventType());
    int last = routes.size() - 1;
    for (int i = 0; i < last; i++) {
      // A route runs up to the first event of the next one.
      CodeBlock before = CodeBlock.of("if (type.compareTo($T.$N) < 0)", catalog.eventType(),
          routes.get(i + 1).get(0).constantName());
      if (i == 0) {
        emit.beginControlFlow("$L", before);
      } else {
        emit.nextControlFlow("else $L", before);
      }
      emit.addStatement("$N(type, event)", routeName(routes.get(i)));
    }
    return emit.nextControlFlow("else")
        .addStatement("$N(type, event)", routeName(routes.get(last)))
        .endControlFlow()
        .build();
  }

  /** The catalog's events in runs of at most {@link #LARGEST_SWITCH}, in the enum's order. */
  private static List<List<EventModel>> routes(Catalog catalog) {
    List<EventModel> events = catalog.events();
    List<List<EventModel>> routes = new ArrayList<>();
    for (int from = 0; from < events.size(); from += LARGEST_SWITCH) {
      routes.add(events.subList(from, Math.min(events.size(), from + LARGEST_SWITCH)));
    }
    return routes;
  }

  /** {@code routeStep000ToStep255}: emits the events of one run of a large catalog. */
  private static MethodSpec route(Catalog catalog, List<EventModel> route) {
    return MethodSpec.methodBuilder(routeName(route))
        .addModifiers(Modifier.PRIVATE)
        .addParameter(catalog.eventType(), "type")
        .addParameter(RECORD, "event")
        .addCode(routeSwitch(CodeBlock.of("type"), route))
        .build();
  }

  private static String routeName(List<EventModel> route) {
    return "route" + route.get(0).baseName() + "To" + route.get(route.size() - 1).baseName();
  }

  private static CodeBlock routeSwitch(CodeBlock type, List<EventModel> events) {
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch ($L)", type);
    for (EventModel event : events) {
      code.addStatement("case $N -> this.$N.deliver(($T) event)", event.constantName(),
          event.listenersField(), event.className());
    }
    return code.endControlFlow().build();
  }

  /** The emitter handed out by {@code emitter()}: it forwards and exposes nothing else. */
  private static TypeSpec emitterView(Catalog catalog) {
    TypeSpec.Builder view = TypeSpec.classBuilder("EmitterView")
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .addSuperinterface(catalog.emitter());
    for (EventModel event : catalog.events()) {
      int all = event.components().size();
      view.addMethod(EmitterWriter.declaration(event, all)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addStatement("$T.this.$N($L)", catalog.hub(), event.emitName(),
              GeneratedCode.arguments(event, all))
          .build());
    }
    return view.build();
  }
}
