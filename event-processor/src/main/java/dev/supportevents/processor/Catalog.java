package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * The events of one package, sorted by name, and the types generated for them.
 *
 * @param packageName the package, empty for the unnamed package
 * @param events the package's events, sorted by their record's canonical name
 */
record Catalog(String packageName, List<EventModel> events) {

  /** The simple names of the generated types, which no type of the package may take. */
  static final List<String> GENERATED_TYPES =
      List.of("SupportEventType", "SupportEventCallbacks", "SupportEventEmitter", "SupportEvents");

  /** {@code simpleName} in this catalog's package. */
  String qualify(String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  ClassName eventType() {
    return ClassName.get(packageName, "SupportEventType");
  }

  ClassName callbacks() {
    return ClassName.get(packageName, "SupportEventCallbacks");
  }

  ClassName emitter() {
    return ClassName.get(packageName, "SupportEventEmitter");
  }

  ClassName hub() {
    return ClassName.get(packageName, "SupportEvents");
  }

  /** The records whose change must regenerate this catalog. */
  Element[] originatingElements() {
    return events.stream().map(EventModel::element).toArray(Element[]::new);
  }

  /** How the catalog's package reads in javadoc and messages. */
  String displayPackage() {
    return packageName.isEmpty() ? "the unnamed package" : packageName;
  }
}
