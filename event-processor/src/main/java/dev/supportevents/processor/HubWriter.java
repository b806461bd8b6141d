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
import java.util.concurrent.Flow;
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
        .addSuperinterface(AutoCloseable.class)
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
            .add(deliveryDoc())
            .add(replayDoc(catalog))
            .build())
        .addField(GeneratedCode.DELIVERY, "delivery", Modifier.PRIVATE, Modifier.FINAL);
    for (EventModel event : catalog.events()) {
      type.addField(listenersType(event), event.listenersField(), Modifier.PRIVATE,
          Modifier.FINAL);
    }
    type.addField(FieldSpec.builder(catalog.emitter(), "emitter", Modifier.PRIVATE,
            Modifier.FINAL)
        .initializer("new $L()", Catalog.EMITTER_VIEW)
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
            .returns(hub.nestedClass(Catalog.HUB_BUILDER))
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
        type.addMethod(latest(event)).addMethod(forgetLatest(event));
      }
    }
    List<List<EventModel>> routes = routes(catalog);
    type.addMethod(emit(catalog, routes));
    if (routes.size() > 1) {
      routes.forEach(route -> type.addMethod(route(catalog, route)));
    }
    return type
        .addMethod(close())
        .addMethod(awaitDelivered())
        .addMethod(MethodSpec.methodBuilder("emitter")
            .addModifiers(Modifier.PUBLIC)
            .returns(catalog.emitter())
            .addJavadoc("The emitter of this hub alone, for code that emits but must not"
                + " subscribe.\n\n")
            .addJavadoc("@return an emitter that emits through this hub\n")
            .addStatement("return this.emitter")
            .build())
        .addMethods(publishers(catalog))
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
        .addParameter(catalog.hub().nestedClass(Catalog.HUB_BUILDER), "builder")
        .addStatement("this.delivery = builder.delivery.name($S).build()",
            catalog.hub().simpleName() + " of " + catalog.displayPackage());
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
        .addStatement("$T cast = event -> listener.accept(eventClass.cast(event))",
            consumerOf(RECORD))
        .addCode(subscribeVia("listener", ownExecutor,
            CodeBlock.of("listen(registration, type, cast)")))
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
            catalog.displayPackage())
        .addJavadoc("@throws IllegalStateException if the hub is closed\n");
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

  /** How events reach listeners on a delivering thread, on executors, and after the hub closes. */
  private static CodeBlock deliveryDoc() {
    return CodeBlock.of("\n<p>An event emitted from inside a listener waits until the current"
        + " event has reached every listener, so that every listener sees the events of a"
        + " thread in one order; an emit on any other thread runs the listeners before it"
        + " returns. A subscription on an executor, the hub's or its own, receives its events one"
        + " at a time and in that order, on a thread pool too. {@link #close()} ends the hub;"
        + " {@link #awaitDelivered(Duration)} waits for the events queued on executors.\n");
  }

  /** {@code forgetLatestConversationStart()}: drops the kept event. */
  private static MethodSpec forgetLatest(EventModel event) {
    return MethodSpec.methodBuilder(event.forgetLatestName())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Forgets the kept $L: a listener that subscribes to it from now on is"
            + " replayed nothing until the next one is emitted. For an event that no longer"
            + " holds, a conversation that ended say.\n", GeneratedCode.link(event))
        .addStatement("this.$N.forgetLatest()", event.listenersField())
        .build();
  }

  /** {@code close()}: the hub ends. */
  private static MethodSpec close() {
    return MethodSpec.methodBuilder("close")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Closes the hub: every subscription ends as by its own {@code close()}, and"
            + " every later emit or subscribe throws {@link IllegalStateException}. Events"
            + " already queued on executors are still delivered, or reported to the failure"
            + " handler if an executor refuses them; this returns at once, and"
            + " {@link #awaitDelivered(Duration)} waits for them. Each subscriber of a publisher"
            + " completes once it has received the events in its buffer. Closing twice does"
            + " nothing.\n")
        .addStatement("this.delivery.close()")
        .build();
  }

  /** {@code awaitDelivered(Duration)}: waits for what executors still have to deliver. */
  private static MethodSpec awaitDelivered() {
    return GeneratedCode.awaitDelivered(CodeBlock.of("Waits until every event queued on an"
            + " executor before this call was delivered, or reported as refused: for tests and"
            + " shutdown hooks. Listeners without an executor have run before their emit"
            + " returned. Called from a listener that runs on an executor, it waits for that"
            + " listener's own queue, until the timeout."))
        .addStatement("return this.delivery.awaitDelivered(timeout)")
        .build();
  }

  /** The emitter handed out by {@code emitter()}: it forwards and exposes nothing else. */
  private static TypeSpec emitterView(Catalog catalog) {
    TypeSpec.Builder view = TypeSpec.classBuilder(Catalog.EMITTER_VIEW)
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

  /**
   * {@code publisher(eventClass[, options])} and {@code publisherAll([options])}: the events as
   * {@link Flow.Publisher}s, with demand. No publisher per event: {@code
   * publisher(MessageSentEvent.class)} is typed already, and one per event would add two methods
   * per event to the hub.
   */
  private static final String PUBLISHER_DOC = "each of its subscribers is one subscription of"
      + " this hub, as ordered as any listener, and receives the events emitted after it"
      + " subscribed as it requests them. Closing the hub completes every subscriber.\n\n";
  private static final String OPTIONS_DOC = "the buffer of each subscriber, what happens when it"
      + " is full, and where the subscribers are called.\n\n";

  private static List<MethodSpec> publishers(Catalog catalog) {
    TypeVariableName e = TypeVariableName.get("E", RECORD);
    ParameterizedTypeName eventClass = ParameterizedTypeName.get(ClassName.get(Class.class), e);
    MethodSpec ofClass = publisherMethod("publisher", publisherOf(e))
        .addTypeVariable(e)
        .addParameter(eventClass, "eventClass")
        .addJavadoc("A publisher of the events of class {@code eventClass}, with the default"
            + " {@link $T}: " + PUBLISHER_DOC, GeneratedCode.PUBLISHER_OPTIONS)
        .addJavadoc("@param eventClass the record class of an event of $L\n",
            catalog.displayPackage())
        .addJavadoc("@param <E> the event's record type\n")
        .addJavadoc("@return a publisher of those events\n")
        .addJavadoc("@throws IllegalArgumentException if {@code eventClass} is not an event of"
            + " $L\n", catalog.displayPackage())
        .addStatement("return publisher(eventClass, $T.defaults())",
            GeneratedCode.PUBLISHER_OPTIONS)
        .build();
    MethodSpec ofClassWithOptions = publisherMethod("publisher", publisherOf(e))
        .addTypeVariable(e)
        .addParameter(eventClass, "eventClass")
        .addParameter(GeneratedCode.PUBLISHER_OPTIONS, "options")
        .addJavadoc("A publisher of the events of class {@code eventClass}, with {@code"
            + " options}: " + OPTIONS_DOC)
        .addJavadoc("@param eventClass the record class of an event of $L\n",
            catalog.displayPackage())
        .addJavadoc("@param options each subscriber's buffer size, overflow policy and"
            + " executor\n")
        .addJavadoc("@param <E> the event's record type\n")
        .addJavadoc("@return a publisher of those events\n")
        .addJavadoc("@throws IllegalArgumentException if {@code eventClass} is not an event of"
            + " $L\n", catalog.displayPackage())
        .addStatement("$T type = $T.forClass(eventClass)", catalog.eventType(),
            catalog.eventType())
        .addStatement("return new $T<>(this.delivery, options, event -> type,\n"
            + "(registration, listener) -> listen(registration, type,\n"
            + "event -> listener.accept(eventClass.cast(event))))",
            GeneratedCode.EVENT_PUBLISHER)
        .build();
    MethodSpec all = publisherMethod("publisherAll", publisherOf(RECORD))
        .addJavadoc("A publisher of every event of $L, with the default {@link $T}: "
            + PUBLISHER_DOC, catalog.displayPackage(), GeneratedCode.PUBLISHER_OPTIONS)
        .addJavadoc("@return a publisher of every event\n")
        .addStatement("return publisherAll($T.defaults())", GeneratedCode.PUBLISHER_OPTIONS)
        .build();
    MethodSpec allWithOptions = publisherMethod("publisherAll", publisherOf(RECORD))
        .addParameter(GeneratedCode.PUBLISHER_OPTIONS, "options")
        .addJavadoc("A publisher of every event of $L, with {@code options}: " + OPTIONS_DOC,
            catalog.displayPackage())
        .addJavadoc("@param options each subscriber's buffer size, overflow policy and"
            + " executor\n")
        .addJavadoc("@return a publisher of every event\n")
        .addStatement("return new $T<>(this.delivery, options, $T::of,\n"
            + "(registration, listener) -> listen(registration,\n"
            + "(type, event) -> listener.accept(event)))",
            GeneratedCode.EVENT_PUBLISHER, catalog.eventType())
        .build();
    return List.of(ofClass, ofClassWithOptions, all, allWithOptions);
  }

  private static MethodSpec.Builder publisherMethod(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
  }

  private static TypeName publisherOf(TypeName element) {
    return ParameterizedTypeName.get(ClassName.get(Flow.Publisher.class), element);
  }
}
