package dev.supportevents.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Writes {@code SupportEventCallbacks}: one do-nothing {@code default} method per event. */
final class CallbacksWriter {

  private CallbacksWriter() {}

  static TypeSpec write(Catalog catalog) {
    TypeSpec.Builder callbacks =
        TypeSpec.interfaceBuilder(catalog.callbacks())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotations(GeneratedCode.generatedAnnotation(catalog))
            .addAnnotations(GeneratedCode.suppressWarnings(catalog, catalog.recordWarnings()))
            .addJavadoc(
                "Callbacks for the support events of $L: override the ones you need.\n",
                catalog.displayPackage())
            .addJavadoc(
                "\n<p>Give them to {@link $T.Builder#callbacks} to run before any later"
                    + " listener, or subscribe them with {@link $T#subscribe($T)}.\n",
                catalog.hub(),
                catalog.hub(),
                catalog.callbacks());
    for (EventModel event : catalog.events()) {
      callbacks.addMethod(
          MethodSpec.methodBuilder(event.callbackName())
              .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
              .addParameter(event.className(), "event")
              .addJavadoc(
                  "Called for each $L; does nothing unless overridden.\n\n", Prose.link(event))
              .addJavadoc("@param event the event\n")
              .build());
    }
    return callbacks.build();
  }
}
