package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SupportEvents}, the hub of one widget instance: its fields and lifecycle, the
 * emitter, and the {@code switch} that routes an event of any type to its listeners. The subscribe
 * methods come from {@link HubSubscriptionWriter}, the publishers from {@link HubPublisherWriter}.
 * For a catalog in parts it also writes the hub's superclasses, which hold what the hub has per
 * event.
 */
final class HubWriter {

  private HubWriter() {}

  static TypeSpec write(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    ClassName hub = catalog.hub();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(hub)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(catalog.emitter())
            .addSuperinterface(AutoCloseable.class)
            .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
            .addAnnotations(
                GeneratedCode.suppressWarningsNamingRuntime(catalog, catalog.allWarnings()))
            .addJavadoc(
                CodeBlock.builder()
                    .add(
                        "The support events of one widget instance ($L): subscribe to them and emit"
                            + " them.\n",
                        catalog.displayPackage())
                    .add(
                        "\n<p>Create one per widget with {@link #create()} or {@link #builder()}."
                            + " Listeners run in the order they subscribed, callbacks given to the builder"
                            + " first. A listener that throws does not stop the others: its failure goes to"
                            + " the builder's failure handler, which logs it by default. Subscribing,"
                            + " closing a subscription and emitting are safe from any thread and from inside"
                            + " a listener; a listener subscribed while an event is delivered receives only"
                            + " later events.\n")
                    .add(deliveryDoc())
                    .add(replayDoc(catalog))
                    .build());
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(hub.nestedClass(Catalog.HUB_BUILDER), "builder");
    CodeBlock delivery =
        CodeBlock.of(
            "builder.delivery.name($L).build()", LongLiteral.of(HubStateWriter.name(catalog)));
    if (layout.inParts()) {
      type.superclass(layout.hubPart(layout.parts().size()));
      constructor.addStatement("super($L)", delivery);
    } else {
      type.addField(GeneratedCode.DELIVERY, "delivery", Modifier.PRIVATE, Modifier.FINAL);
      listenersFields(type, catalog.events());
      type.addField(HubStateWriter.field(Modifier.PRIVATE, Modifier.FINAL));
      constructor.addStatement("this.delivery = $L", delivery);
      initListeners(constructor, layout, catalog.events(), 0);
      constructor.addCode(HubStateWriter.initAll(catalog.events()));
    }
    type.addField(
        FieldSpec.builder(catalog.emitter(), "emitter", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $L()", Catalog.EMITTER_VIEW)
            .build());
    type.addMethod(
            constructor
                .beginControlFlow("for ($T callbacks : builder.callbacks)", catalog.callbacks())
                .addStatement("subscribe(callbacks)")
                .endControlFlow()
                .build())
        .addMethod(
            MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(hub)
                .addJavadoc(
                    "Creates a hub that delivers synchronously and logs listener failures.\n\n")
                .addJavadoc("@return a new hub with no listeners\n")
                .addStatement("return builder().build()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(hub.nestedClass(Catalog.HUB_BUILDER))
                .addJavadoc("Starts configuring a hub: callbacks, executor, failure handler.\n\n")
                .addJavadoc("@return a new builder\n")
                .addStatement("return new Builder()")
                .build());
    List<List<EventModel>> routes = layout.routes(catalog.events());
    if (layout.inParts()) {
      type.addMethods(HubSubscriptionWriter.methods(catalog))
          .addMethods(HubSubscriptionWriter.listenByPart(layout))
          .addMethod(HubSubscriptionWriter.listenTypes(catalog));
    } else {
      type.addMethods(HubSubscriptionWriter.typedMethods(catalog.events()))
          .addMethods(HubSubscriptionWriter.methods(catalog))
          .addMethods(
              HubSubscriptionWriter.listenMethods(
                  layout, catalog.events(), 0, "listen", Modifier.PRIVATE))
          .addMethod(HubSubscriptionWriter.listenTypes(catalog));
      emitMethods(type, catalog.events(), true);
    }
    type.addMethod(emit(layout, routes));
    if (routes.size() > 1 && !layout.inParts()) {
      addRoutes(type, layout, catalog.events(), 0, Modifier.PRIVATE);
    }
    return type.addMethod(close())
        .addMethod(awaitDelivered())
        .addMethod(
            MethodSpec.methodBuilder("emitter")
                .addModifiers(Modifier.PUBLIC)
                .returns(catalog.emitter())
                .addJavadoc(
                    "The emitter of this hub alone, for code that emits but must not"
                        + " subscribe.\n\n")
                .addJavadoc("@return an emitter that emits through this hub\n")
                .addStatement("return this.emitter")
                .build())
        .addMethods(HubStateWriter.listenerMethods(catalog))
        .addMethods(HubPublisherWriter.methods(catalog))
        .addMethod(HubStateWriter.toStringMethod(catalog))
        .addType(HubBuilderWriter.write(catalog))
        .addType(EmitterWriter.view(catalog))
        .build();
  }

  /**
   * {@code SupportEventsPart1}, 2, ...: for a catalog in parts, the hub's superclasses, each
   * holding the listeners, typed methods and routes of one part, since one class file cannot name
   * them all; none for other catalogs. They are public, for the hub inherits their public methods,
   * and their constructors are not: only the hub extends them.
   */
  static List<TypeSpec> parts(CatalogLayout layout) {
    Catalog catalog = layout.catalog();
    if (!layout.inParts()) {
      return List.of();
    }
    List<TypeSpec> types = new ArrayList<>();
    List<List<EventModel>> parts = layout.parts();
    int first = 0;
    for (int part = 1; part <= parts.size(); part++) {
      List<EventModel> events = parts.get(part - 1);
      TypeSpec.Builder type =
          TypeSpec.classBuilder(layout.hubPart(part))
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
              .addAnnotations(
                  GeneratedCode.suppressWarningsNamingRuntime(catalog, catalog.allWarnings()))
              .addJavadoc(
                  "The listeners and typed methods of {@link $T} for $L, part $L of $L: one"
                      + " class file cannot hold them for a catalog of $L events. Use {@link $T},"
                      + " which extends it.\n",
                  catalog.hub(),
                  Prose.span(events),
                  part,
                  parts.size(),
                  Prose.count(catalog.events().size()),
                  catalog.hub());
      MethodSpec.Builder constructor =
          MethodSpec.constructorBuilder().addParameter(GeneratedCode.DELIVERY, "delivery");
      if (part == 1) {
        type.addField(GeneratedCode.DELIVERY, "delivery", Modifier.FINAL)
            .addField(HubStateWriter.field(Modifier.FINAL));
        constructor.addStatement("this.delivery = delivery");
      } else {
        type.superclass(layout.hubPart(part - 1));
        constructor.addStatement("super(delivery)");
      }
      listenersFields(type, events);
      initListeners(constructor, layout, events, first);
      constructor.addCode(HubStateWriter.fillPart(catalog, events, first));
      type.addMethod(constructor.build())
          .addMethods(HubSubscriptionWriter.typedMethods(events))
          .addMethods(HubSubscriptionWriter.listenMethods(layout, events, first, "listen" + part));
      emitMethods(type, events, false);
      addRoutes(type, layout, events, first);
      types.add(type.build());
      first += events.size();
    }
    return types;
  }

  private static void listenersFields(TypeSpec.Builder type, List<EventModel> events) {
    for (EventModel event : events) {
      type.addField(listenersType(event), event.listenersField(), Modifier.PRIVATE, Modifier.FINAL);
    }
  }

  /**
   * {@code this.messageSentListeners = this.delivery.listeners(SupportEventType.MESSAGE_SENT)} for
   * {@code events}, the first of which has the ordinal {@code first}.
   */
  private static void initListeners(
      MethodSpec.Builder constructor, CatalogLayout layout, List<EventModel> events, int first) {
    int ordinal = first;
    for (EventModel event : events) {
      constructor.addStatement(
          "this.$N =$Wthis.delivery.$N($T.$N)",
          event.listenersField(),
          event.replayLatest() ? "listenersReplayingLatest" : "listeners",
          layout.constantOwner(ordinal++),
          event.constantName());
    }
  }

  /**
   * {@code emitX} of each event, overriding the emitter's in the hub; a part's are inherited by the
   * hub, which implements the emitter with them. Each refuses a null component that is not
   * {@code @Nullable} before it builds the event, so that no listener sees one. Then {@code
   * latestX} and {@code forgetLatestX} of each event kept for replay.
   */
  private static void emitMethods(
      TypeSpec.Builder type, List<EventModel> events, boolean overrides) {
    for (EventModel event : events) {
      MethodSpec.Builder emit = EmitterWriter.signature(event, event.components().size());
      if (overrides) {
        emit.addAnnotation(Override.class);
      }
      for (EventComponent component : event.components()) {
        if (component.nullChecked()) {
          emit.addStatement(
              "$T.requireNonNull($N, $S)", Objects.class, component.name(), component.name());
        }
      }
      type.addMethod(
          emit.addModifiers(Modifier.PUBLIC)
              .addStatement(
                  "this.$N.deliver($Znew $T($L))",
                  event.listenersField(),
                  event.className(),
                  EmitterWriter.arguments(event, event.components().size()))
              .build());
    }
    for (EventModel event : events) {
      if (event.replayLatest()) {
        type.addMethod(latest(event)).addMethod(forgetLatest(event));
      }
    }
  }

  /** The route methods of {@code events}, the first of which has the ordinal {@code first}. */
  private static void addRoutes(
      TypeSpec.Builder type,
      CatalogLayout layout,
      List<EventModel> events,
      int first,
      Modifier... modifiers) {
    for (List<EventModel> route : layout.routes(events)) {
      type.addMethod(route(layout, route, first, modifiers));
      first += route.size();
    }
  }

  /** Names the events the hub keeps and replays, if any. */
  private static CodeBlock replayDoc(Catalog catalog) {
    List<CodeBlock> replayed =
        catalog.events().stream().filter(EventModel::replayLatest).map(Prose::link).toList();
    if (replayed.isEmpty()) {
      return CodeBlock.of("");
    }
    return CodeBlock.of(
        "\n<p>The hub keeps the latest $L: a listener that subscribes to it"
            + " later receives it at once.\n",
        CodeBlock.join(replayed, ", "));
  }

  /** {@code latestConversationStart()}: the event kept to replay to later listeners. */
  private static MethodSpec latest(EventModel event) {
    return MethodSpec.methodBuilder(event.latestName())
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), event.className()))
        .addJavadoc(
            "The latest $L emitted on this hub. The hub keeps it because the event is"
                + " declared with {@code replayLatest = true}, and hands it to each listener that"
                + " subscribes to it later, at once.\n\n",
            Prose.link(event))
        .addJavadoc("@return the latest event, or empty if none was emitted yet\n")
        .addStatement("return this.$N.latest()", event.listenersField())
        .build();
  }

  private static TypeName listenersType(EventModel event) {
    return ParameterizedTypeName.get(GeneratedCode.LISTENERS, event.className());
  }

  private static MethodSpec emit(CatalogLayout layout, List<List<EventModel>> routes) {
    Catalog catalog = layout.catalog();
    MethodSpec.Builder emit =
        EmitterWriter.anyEvent(catalog).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    if (routes.size() == 1) {
      return emit.addCode(
              routeSwitch(
                  layout, CodeBlock.of("$T.of(event)", catalog.eventType()), catalog.events(), 0))
          .build();
    }
    emit.addStatement("$T type = $T.of(event)", catalog.eventType(), catalog.eventType());
    List<CodeBlock> calls =
        routes.stream().map(route -> CodeBlock.of("$N(type, event)", routeName(route))).toList();
    return emit.addCode(byRun(layout.limits().largestSwitch(), calls)).build();
  }

  /**
   * {@code switch (type.ordinal() / 256) { case 0 -> first; ... }}: the call for the run of {@code
   * runSize} consecutive events that holds {@code type}, the runs in order from the first event; a
   * single run is called at once.
   */
  static CodeBlock byRun(int runSize, List<CodeBlock> calls) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (calls.size() == 1) {
      return code.addStatement("$L", calls.get(0)).build();
    }
    code.beginControlFlow("switch (type.ordinal() / $L)", runSize);
    for (int run = 0; run < calls.size(); run++) {
      code.addStatement("case $L -> $L", run, calls.get(run));
    }
    return code.endControlFlow().build();
  }

  /**
   * {@code routeStep000ToStep255}: emits the events of one run of a large catalog, the first of
   * which has the ordinal {@code first}.
   */
  private static MethodSpec route(
      CatalogLayout layout, List<EventModel> route, int first, Modifier... modifiers) {
    Catalog catalog = layout.catalog();
    return MethodSpec.methodBuilder(routeName(route))
        .addModifiers(modifiers)
        .addParameter(catalog.eventType(), "type")
        .addParameter(catalog.anyEvent(), "event")
        .addCode(routeSwitch(layout, CodeBlock.of("type"), route, first))
        .build();
  }

  private static String routeName(List<EventModel> route) {
    return "route" + route.get(0).baseName() + "To" + route.get(route.size() - 1).baseName();
  }

  private static CodeBlock routeSwitch(
      CatalogLayout layout, CodeBlock type, List<EventModel> events, int first) {
    CodeBlock.Builder code =
        CodeBlock.builder().beginControlFlow("switch ($L)", layout.switchOn(type));
    int ordinal = first;
    for (EventModel event : events) {
      code.addStatement(
          "case $L ->$Wthis.$N.deliver($Z($T) event)",
          layout.caseLabel(event, ordinal++),
          event.listenersField(),
          event.className());
    }
    return code.endControlFlow().build();
  }

  /** How events reach listeners on a delivering thread, on executors, and after the hub closes. */
  private static CodeBlock deliveryDoc() {
    return CodeBlock.of(
        "\n<p>An event emitted from inside a listener waits until the current"
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
        .addJavadoc(
            "Forgets the kept $L: a listener that subscribes to it from now on is"
                + " replayed nothing until the next one is emitted. For an event that no longer"
                + " holds, a conversation that ended say.\n",
            Prose.link(event))
        .addStatement("this.$N.forgetLatest()", event.listenersField())
        .build();
  }

  /** {@code close()}: the hub ends. */
  private static MethodSpec close() {
    return MethodSpec.methodBuilder("close")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "Closes the hub: every subscription ends as by its own {@code close()}, and"
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
    return awaitDeliveredDeclaration(
            CodeBlock.of(
                "Waits until every event queued on an"
                    + " executor before this call was delivered, or reported as refused: for tests and"
                    + " shutdown hooks. Listeners without an executor have run before their emit"
                    + " returned. Called from a listener that runs on an executor, it waits for that"
                    + " listener's own queue, until the timeout."))
        .addStatement("return this.delivery.awaitDelivered(timeout)")
        .build();
  }

  /**
   * The declaration and javadoc of {@code boolean awaitDelivered(Duration timeout)}, on the hub and
   * on the recorder, described by {@code doc}; the caller adds the body.
   */
  static MethodSpec.Builder awaitDeliveredDeclaration(CodeBlock doc) {
    return MethodSpec.methodBuilder("awaitDelivered")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Duration.class, "timeout")
        .addException(InterruptedException.class)
        .addJavadoc("$L\n\n", doc)
        .addJavadoc("@param timeout the longest wait\n")
        .addJavadoc(
            "@return {@code true} if everything was delivered, {@code false} if the"
                + " timeout passed first\n")
        .addJavadoc("@throws InterruptedException if the waiting thread is interrupted\n");
  }
}
