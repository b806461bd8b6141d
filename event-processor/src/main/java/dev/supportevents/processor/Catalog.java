package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.Element;

/**
 * The events of one package, sorted by name, and the types generated for them.
 *
 * @param packageName the package, empty for the unnamed package
 * @param events the package's events, sorted by their record's canonical name
 * @param packageTypeNames the simple names of the package's top-level types: generated code
 *     writes a type of another package with one of these names qualified, since the simple name
 *     would mean the package's own type
 */
record Catalog(String packageName, List<EventModel> events, Set<String> packageTypeNames) {

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

  /** The lint warnings that naming the event records raises. */
  SortedSet<String> recordWarnings() {
    return union(EventModel::recordWarnings);
  }

  /** The lint warnings that emit methods raise: their parameter types, the constructor calls. */
  SortedSet<String> emitWarnings() {
    return union(EventModel::emitWarnings);
  }

  /** The lint warnings of both kinds, for the hub, which names the records and emits. */
  SortedSet<String> allWarnings() {
    SortedSet<String> all = recordWarnings();
    all.addAll(emitWarnings());
    return all;
  }

  private SortedSet<String> union(Function<EventModel, Set<String>> warnings) {
    SortedSet<String> union = new TreeSet<>();
    events.forEach(event -> union.addAll(warnings.apply(event)));
    return union;
  }
}
