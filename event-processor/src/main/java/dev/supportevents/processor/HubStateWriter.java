package dev.supportevents.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes what the hub tells of itself: {@code hasListeners(type)} and {@code listenerCount(type)},
 * which find the listeners of a type in an array by ordinal, the same few instructions whatever the
 * catalog's size, and {@code toString()}, which names the catalog and counts subscriptions.
 */
final class HubStateWriter {

  /**
   * The hub's field of every event's listeners by ordinal; in a hub in parts, the first part's,
   * which each part fills with its own.
   */
  static final String LISTENERS_BY_ORDINAL = "listenersByOrdinal";

  private static final TypeName ANY_LISTENERS =
      ArrayTypeName.of(
          ParameterizedTypeName.get(
              GeneratedCode.LISTENERS, WildcardTypeName.subtypeOf(Object.class)));

  private HubStateWriter() {}

  /** The array of every event's listeners, by ordinal. */
  static FieldSpec field(Modifier... modifiers) {
    return FieldSpec.builder(ANY_LISTENERS, LISTENERS_BY_ORDINAL, modifiers).build();
  }

  /** {@code this.listenersByOrdinal = new Listeners<?>[] {...}}: every event's, in order. */
  static CodeBlock initAll(List<EventModel> events) {
    CodeBlock lists =
        events.stream()
            .map(event -> CodeBlock.of("this.$N", event.listenersField()))
            .collect(CodeBlock.joining(",$W"));
    return CodeBlock.builder()
        .addStatement("this.$N =$Wnew $T {$L}", LISTENERS_BY_ORDINAL, ANY_LISTENERS, lists)
        .build();
  }

  /**
   * For a hub in parts: the first part creates the array for the whole catalog, and each part puts
   * its events' listeners in it, the first of which has the ordinal {@code first}.
   */
  static CodeBlock fillPart(Catalog catalog, List<EventModel> events, int first) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (first == 0) {
      code.addStatement(
          "this.$N = new $T[$L]",
          LISTENERS_BY_ORDINAL,
          ParameterizedTypeName.get(
              GeneratedCode.LISTENERS, WildcardTypeName.subtypeOf(Object.class)),
          catalog.events().size());
    }
    int ordinal = first;
    for (EventModel event : events) {
      code.addStatement(
          "this.$N[$L] = this.$N", LISTENERS_BY_ORDINAL, ordinal++, event.listenersField());
    }
    return code.build();
  }

  /** {@code hasListeners(type)} and {@code listenerCount(type)}. */
  static List<MethodSpec> listenerMethods(Catalog catalog) {
    MethodSpec hasListeners =
        MethodSpec.methodBuilder("hasListeners")
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(catalog.eventType(), "type")
            .addJavadoc(
                "Tells whether an event of {@code type} emitted now would reach a listener:"
                    + " to skip building an event that nobody listens to.\n\n")
            .addJavadoc("@param type the event type\n")
            .addJavadoc(
                "@return {@code true} if a listener of {@code type} is subscribed;"
                    + " {@code false} once the hub is closed\n")
            .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
            .addStatement("return this.$N[type.ordinal()].hasListeners()", LISTENERS_BY_ORDINAL)
            .build();
    MethodSpec listenerCount =
        MethodSpec.methodBuilder("listenerCount")
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addParameter(catalog.eventType(), "type")
            .addJavadoc(
                "Counts the listeners of {@code type}: one for each subscription that"
                    + " receives its events, which a subscription of callbacks, of every event or of a"
                    + " group of events is for each of its types.\n\n")
            .addJavadoc("@param type the event type\n")
            .addJavadoc(
                "@return how many listeners an event of {@code type} emitted now would"
                    + " reach; 0 once the hub is closed\n")
            .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
            .addStatement("return this.$N[type.ordinal()].listenerCount()", LISTENERS_BY_ORDINAL)
            .build();
    return List.of(hasListeners, listenerCount);
  }

  /**
   * {@code toString()}: {@code "SupportEvents of com.acme.chat: 2 subscriptions"}, or {@code "...:
   * closed"}.
   */
  static MethodSpec toStringMethod(Catalog catalog) {
    String name = name(catalog);
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc(
            "Names this hub's catalog and counts its subscriptions, for logs and"
                + " debuggers: {@code \"$L: 2 subscriptions\"}, or {@code \"$L: closed\"}.\n\n",
            name,
            name)
        .addJavadoc("@return what this hub is\n")
        .beginControlFlow("if (this.delivery.isClosed())")
        .addStatement("return $L", LongLiteral.of(name + ": closed"))
        .endControlFlow()
        .addStatement("int subscriptions = this.delivery.subscriptionCount()")
        .addStatement(
            "return $L + subscriptions$W+ (subscriptions == 1 ? $S : $S)",
            LongLiteral.of(name + ": "),
            " subscription",
            " subscriptions")
        .build();
  }

  /** {@code "SupportEvents of com.acme.chat"}: the hub in its errors and its description. */
  static String name(Catalog catalog) {
    return catalog.hub().simpleName() + " of " + catalog.displayPackage();
  }
}
