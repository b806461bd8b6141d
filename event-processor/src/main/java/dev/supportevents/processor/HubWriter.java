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
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SupportEvents}, the hub of one widget instance: its fields and lifecycle, the
 * emitter, and the {@code switch} that routes an event of any type to its listeners. The
 * subscribe methods come from {@link HubSubscriptionWriter}, the publishers from
 * {@link HubPublisherWriter}.
 */
final class HubWriter {

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
    type.addMethods(HubSubscriptionWriter.methods(catalog));
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
        .addMethods(HubPublisherWriter.methods(catalog))
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

  private static MethodSpec emit(Catalog catalog, List<List<EventModel>> routes) {
    MethodSpec.Builder emit = MethodSpec.methodBuilder("emit")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(catalog.anyEvent(), "event")
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
        .addParameter(catalog.anyEvent(), "event")
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

}
