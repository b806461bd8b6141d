package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.concurrent.Flow;
import javax.lang.model.element.Modifier;

/** Writes the hub's {@code Flow.Publisher} methods: of one event class, and of every event. */
final class HubPublisherWriter {

  private HubPublisherWriter() {}

  /**
   * {@code publisher(eventClass[, options])} and {@code publisherAll([options])}: the events as
   * {@link Flow.Publisher}s, with demand. No publisher per event: {@code
   * publisher(MessageSentEvent.class)} is typed already, and one per event would add two methods
   * per event to the hub.
   */
  private static final String PUBLISHER_DOC =
      "each of its subscribers is one subscription of"
          + " this hub, as ordered as any listener, and receives the events emitted after it"
          + " subscribed as it requests them. Closing the hub completes every subscriber.\n\n";

  private static final String OPTIONS_DOC =
      "the buffer of each subscriber, what happens when it"
          + " is full, and where the subscribers are called.\n\n";

  /** The publisher methods of the hub of {@code catalog}. */
  static List<MethodSpec> methods(Catalog catalog) {
    TypeVariableName e = TypeVariableName.get("E", catalog.anyEvent());
    ParameterizedTypeName eventClass = ParameterizedTypeName.get(ClassName.get(Class.class), e);
    MethodSpec ofClass =
        publisherMethod("publisher", publisherOf(e))
            .addTypeVariable(e)
            .addParameter(eventClass, "eventClass")
            .addJavadoc(
                "A publisher of the events of class {@code eventClass}, with the default"
                    + " {@link $T}: "
                    + PUBLISHER_DOC,
                GeneratedCode.PUBLISHER_OPTIONS)
            .addJavadoc(Prose.eventClassDoc(catalog))
            .addJavadoc("@param <E> the type of the events\n")
            .addJavadoc("@return a publisher of those events\n")
            .addJavadoc(Prose.eventClassThrows(catalog))
            .addStatement(
                "return publisher(eventClass, $T.defaults())", GeneratedCode.PUBLISHER_OPTIONS)
            .build();
    MethodSpec ofClassWithOptions =
        publisherMethod("publisher", publisherOf(e))
            .addTypeVariable(e)
            .addParameter(eventClass, "eventClass")
            .addParameter(GeneratedCode.PUBLISHER_OPTIONS, "options")
            .addJavadoc(
                "A publisher of the events of class {@code eventClass}, with {@code"
                    + " options}: "
                    + OPTIONS_DOC)
            .addJavadoc(Prose.eventClassDoc(catalog))
            .addJavadoc(
                "@param options each subscriber's buffer size, overflow policy and" + " executor\n")
            .addJavadoc("@param <E> the type of the events\n")
            .addJavadoc("@return a publisher of those events\n")
            .addJavadoc(Prose.eventClassThrows(catalog))
            .addStatement(
                "$T types = $T.typesOf(eventClass)",
                HubSubscriptionWriter.typeList(catalog),
                catalog.eventType())
            .addStatement(
                "return new $T<>(this.delivery, options, $T::of,\n"
                    + "(registration, listener) -> listen(registration, types,\n"
                    + "event -> listener.accept(eventClass.cast(event))))",
                GeneratedCode.EVENT_PUBLISHER,
                catalog.eventType())
            .build();
    MethodSpec all =
        publisherMethod("publisherAll", publisherOf(catalog.anyEvent()))
            .addJavadoc(
                "A publisher of every event of $L, with the default {@link $T}: " + PUBLISHER_DOC,
                catalog.displayPackage(),
                GeneratedCode.PUBLISHER_OPTIONS)
            .addJavadoc("@return a publisher of every event\n")
            .addStatement("return publisherAll($T.defaults())", GeneratedCode.PUBLISHER_OPTIONS)
            .build();
    MethodSpec allWithOptions =
        publisherMethod("publisherAll", publisherOf(catalog.anyEvent()))
            .addParameter(GeneratedCode.PUBLISHER_OPTIONS, "options")
            .addJavadoc(
                "A publisher of every event of $L, with {@code options}: " + OPTIONS_DOC,
                catalog.displayPackage())
            .addJavadoc(
                "@param options each subscriber's buffer size, overflow policy and" + " executor\n")
            .addJavadoc("@return a publisher of every event\n")
            .addStatement(
                "return new $T<>(this.delivery, options, $T::of,\n"
                    + "(registration, listener) -> listen(registration,\n"
                    + "(type, event) -> listener.accept(event)))",
                GeneratedCode.EVENT_PUBLISHER,
                catalog.eventType())
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
