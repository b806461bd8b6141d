package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;

/**
 * Random packages of {@code @SupportEvent} records, each valid Java on its own, from a seed: names
 * of every kind (cases, digits, acronyms, Unicode letters, {@code $}, names of JDK, runtime and
 * generated types and members), components of every kind of type, and the annotations of the API,
 * valid and not. {@link #shrink} makes a failing package smaller while it still fails.
 *
 * <p>The sources name every type they use by its qualified name, so that a record named like a JDK
 * type is legal Java wherever it appears; only type names that would obscure the packages {@code
 * java}, {@code org} and {@code dev} of those qualified names are never drawn.
 */
final class RandomCatalogs {

  /**
   * A package of declarations; {@code name} is empty for the unnamed package. {@code union}, or
   * {@code null}, is an interface marked {@code @SupportEvent} that the member records implement.
   */
  record Catalog(String name, List<Declaration> declarations, Union union) {

    /** The source files: one per top-level type, and the shared types of {@code other}. */
    List<JavaFileObject> sources() {
      List<JavaFileObject> sources = new ArrayList<>(OTHER_PACKAGE);
      sources.addAll(ownSources());
      return sources;
    }

    /** The source files of the package's own types. */
    List<JavaFileObject> ownSources() {
      List<JavaFileObject> sources = new ArrayList<>();
      declarations.forEach(declaration -> sources.add(declaration.source(name, union)));
      if (union != null) {
        String qualified = name.isEmpty() ? union.name() : name + "." + union.name();
        sources.add(TestCompiler.source(qualified, unionText()));
      }
      return sources;
    }

    /**
     * The union's source: sealed, permitting every member record, if it asks to be and has members
     * (a sealed interface must permit a type); a plain interface otherwise.
     */
    private String unionText() {
      List<String> members =
          declarations.stream()
              .filter(declaration -> declaration.implementsUnion(union))
              .map(
                  declaration ->
                      declaration.outer().isEmpty()
                          ? declaration.name()
                          : declaration.outer() + "." + declaration.name())
              .toList();
      boolean sealed = union.sealed() && !members.isEmpty();
      // Permitting a deprecated record is a use of it, which a strict build would fail on.
      boolean permitsDeprecated =
          sealed
              && declarations.stream()
                  .anyMatch(
                      declaration ->
                          declaration.implementsUnion(union) && declaration.deprecated());
      return (name.isEmpty() ? "" : "package " + name + ";\n\n")
          + union.annotation()
          + "\n"
          + (permitsDeprecated ? "@java.lang.SuppressWarnings(\"deprecation\")\n" : "")
          + "public "
          + (sealed ? "sealed " : "")
          + "interface "
          + union.name()
          + (sealed ? " permits " + String.join(", ", members) : "")
          + " {}\n";
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      for (Declaration declaration : declarations) {
        text.append(declaration.text(name, union)).append('\n');
      }
      if (union != null) {
        text.append(unionText());
      }
      return text.toString();
    }
  }

  /** An interface marked {@code @SupportEvent} with {@code annotation}, sealed or not. */
  record Union(String name, String annotation, boolean sealed) {}

  /**
   * One top-level type: a record, or another kind of type where {@code kind} says so, optionally
   * nested in a class {@code outer}; {@code annotation} is the {@code @SupportEvent} written on it,
   * or empty for a payload record.
   */
  record Declaration(
      String outer,
      String kind,
      String modifiers,
      String annotation,
      boolean deprecated,
      String name,
      String typeParameters,
      List<Component> components,
      boolean member) {

    Declaration with(List<Component> newComponents) {
      return new Declaration(
          outer,
          kind,
          modifiers,
          annotation,
          deprecated,
          name,
          typeParameters,
          newComponents,
          member);
    }

    Declaration withAnnotation(String newAnnotation) {
      return new Declaration(
          outer,
          kind,
          modifiers,
          newAnnotation,
          deprecated,
          name,
          typeParameters,
          components,
          member);
    }

    /**
     * Whether this record implements {@code union}: a member record that can name it, neither
     * private (the union could not permit it) nor named like it (it would name itself).
     */
    boolean implementsUnion(Union union) {
      return union != null
          && member
          && kind.equals("record")
          && !modifiers.contains("private")
          && !name.equals(union.name());
    }

    String topLevelName() {
      return outer.isEmpty() ? name : outer;
    }

    JavaFileObject source(String packageName, Union union) {
      String qualified =
          packageName.isEmpty() ? topLevelName() : packageName + "." + topLevelName();
      return TestCompiler.source(qualified, text(packageName, union));
    }

    String text(String packageName, Union union) {
      String header = packageName.isEmpty() ? "" : "package " + packageName + ";\n\n";
      String type =
          (deprecated ? "/** Replaced. */\n@java.lang.Deprecated\n" : "")
              + (annotation.isEmpty() ? "" : annotation + "\n")
              + modifiers
              + kind
              + " "
              + name
              + typeParameters
              + body(implementsUnion(union) ? " implements " + union.name() : "")
              + "\n";
      if (outer.isEmpty()) {
        return header + type;
      }
      return header
          + "public final class "
          + outer
          + " {\n  private "
          + outer
          + "() {}\n\n"
          + type.indent(2)
          + "}\n";
    }

    private String body(String implementsClause) {
      if (!kind.equals("record")) {
        return kind.equals("enum") ? " { ONE }" : " {}";
      }
      List<String> declared = new ArrayList<>();
      for (int i = 0; i < components.size(); i++) {
        Component component = components.get(i);
        boolean last = i == components.size() - 1;
        declared.add(
            last && component.varargs()
                ? component.type() + "... " + component.name()
                : component.type() + " " + component.name());
      }
      return "(" + String.join(", ", declared) + ")" + implementsClause + " {}";
    }
  }

  /** A record component; {@code varargs} makes it {@code T... name} where it comes last. */
  record Component(String type, String name, boolean varargs) {}

  private static final String NULLABLE = "@org.jspecify.annotations.Nullable";

  /** Types of another package, among them some named like the generated and the JDK's. */
  private static final List<JavaFileObject> OTHER_PACKAGE =
      List.of(
          source("other.Payload", "package other;\n\npublic record Payload(String id) {}\n"),
          source("other.Box", "package other;\n\npublic record Box<T>(T value) {}\n"),
          source(
              "other.SupportEventType",
              "package other;\n\npublic record SupportEventType(String name) {}\n"),
          source("other.Optional", "package other;\n\npublic record Optional(int present) {}\n"),
          source(
              "other.Subscription",
              "package other;\n\npublic record Subscription(String topic) {}\n"));

  /** Pieces of type names: words, acronyms, digits, Unicode letters, JDK and generated names. */
  private static final List<String> NAME_PIECES =
      List.of(
          "Message",
          "Sent",
          "Conversation",
          "Start",
          "Rating",
          "HTTP",
          "URL",
          "IO",
          "2",
          "42",
          "Id",
          "ter",
          "all",
          "x",
          "Ünï",
          "Café",
          "Δelta",
          "事件",
          "$",
          "_",
          "Ω",
          "Event",
          "Events",
          "String",
          "Record",
          "Object",
          "Subscription",
          "Consumer",
          "Optional",
          "Executor",
          "List",
          "Map",
          "Class",
          "Override",
          "Generated",
          "Objects",
          "Builder",
          "EmitterView",
          "Listeners",
          "Delivery",
          "Registration",
          "FailureLog",
          "FailurePolicy",
          "EventType",
          "Nullable",
          "SupportEvent",
          "SupportEventType",
          "SupportEventCallbacks",
          "SupportEventEmitter",
          "SupportEvents",
          "SupportEventRecorder",
          "Emitter",
          "Latest",
          "Subscribe",
          "Close");

  /**
   * Whole type names that the generated code also uses: its own nested types and members (a record
   * {@code ter} gives {@code emitter}), and the JDK and runtime types it names.
   */
  private static final List<String> TAKEN_NAMES =
      List.of(
          "ter",
          "terEvent",
          "Builder",
          "EmitterView",
          "Delivery",
          "Registration",
          "Listeners",
          "Subscription",
          "EventType",
          "FailurePolicy",
          "ListenerFailureHandler",
          "Generated",
          "SupportEventIndex",
          "Override",
          "String",
          "Record",
          "Optional",
          "Consumer",
          "Executor",
          "Objects",
          "List",
          "ArrayList",
          "Map",
          "Class",
          "Object",
          "IllegalArgumentException");

  /** Component names, among them the generated code's parameters, fields and locals. */
  private static final List<String> COMPONENT_NAMES =
      List.of(
          "id",
          "conversationId",
          "message",
          "event",
          "events",
          "listener",
          "listeners",
          "type",
          "executor",
          "callbacks",
          "delivery",
          "registration",
          "subscription",
          "value",
          "count",
          "wireName",
          "eventClass",
          "builder",
          "emitter",
          "recorder",
          "Δ",
          "ünï",
          "$",
          "_x",
          "x2",
          "HTTP",
          "failure",
          "name",
          "index",
          "all");

  /** Names whose top-level type would obscure the first segment of the sources' qualified names. */
  private static final Set<String> OBSCURING = Set.of("java", "org", "dev", "other");

  /** Names a record component cannot have (JLS 8.10.1). */
  private static final Set<String> NOT_COMPONENTS =
      Set.of(
          "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private static final List<String> PACKAGES =
      List.of("p", "com.acme.widget", "café.ünï", "a$b.c2", "support.events", "");

  private static final List<String> WIRE_NAMES =
      List.of(
          "opened",
          "widget.opened",
          "tagged:v1",
          "a-b_c.d",
          "X",
          "message.sent",
          "messageSent",
          "has space",
          "",
          " ",
          "ünï",
          "a/b",
          "emoji😀",
          "messageSent");

  private final SplittableRandom random;

  private RandomCatalogs(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The package of {@code seed}. */
  static Catalog of(long seed) {
    return new RandomCatalogs(seed).catalog();
  }

  private Catalog catalog() {
    String packageName = pick(PACKAGES);
    Set<String> typeNames = new HashSet<>();
    List<Declaration> payloads = new ArrayList<>();
    int payloadCount = random.nextInt(3);
    for (int i = 0; i < payloadCount; i++) {
      String name = freshTypeName(typeNames);
      payloads.add(
          new Declaration(
              "",
              "record",
              "public ",
              "",
              false,
              name,
              random.nextInt(4) == 0 ? "<T>" : "",
              List.of(new Component("java.lang.String", "id", false)),
              false));
    }
    Union union = random.nextInt(4) == 0 ? union(typeNames) : null;
    List<Declaration> declarations = new ArrayList<>(payloads);
    int eventCount = 1 + random.nextInt(4);
    for (int i = 0; i < eventCount; i++) {
      declarations.add(event(packageName, typeNames, payloads, union != null));
    }
    return new Catalog(packageName, List.copyOf(declarations), union);
  }

  /** A union, sealed but now and then; its records carry {@code @SupportEvent} or not. */
  private Union union(Set<String> typeNames) {
    String annotation =
        random.nextInt(8) == 0 ? annotation() : "@dev.supportevents.annotations.SupportEvent";
    return new Union(freshTypeName(typeNames), annotation, random.nextInt(10) != 0);
  }

  private Declaration event(
      String packageName, Set<String> typeNames, List<Declaration> payloads, boolean inUnion) {
    String outer = random.nextInt(5) == 0 ? freshTypeName(typeNames) : "";
    String name = outer.isEmpty() ? freshTypeName(typeNames) : nestedName(outer);
    String kind = random.nextInt(25) == 0 ? pick(List.of("class", "interface", "enum")) : "record";
    String modifiers =
        !outer.isEmpty() && random.nextInt(8) == 0
            ? "private "
            : random.nextInt(4) == 0 ? "" : "public ";
    if (!outer.isEmpty() && kind.equals("class")) {
      modifiers += "static ";
    }
    String typeParameters = kind.equals("record") && random.nextInt(25) == 0 ? "<T>" : "";
    List<Component> components = new ArrayList<>();
    Set<String> componentNames = new HashSet<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String componentName = componentName(componentNames);
      boolean varargs = i == count - 1 && random.nextInt(8) == 0;
      components.add(
          new Component(
              varargs
                  ? pick(List.of("java.lang.String", "int", "other.Payload"))
                  : componentType(packageName, payloads, 2),
              componentName,
              varargs));
    }
    // A member of a union in a file of its own needs an annotation of its own, now and then it
    // lacks one (a located error); one that is not a member stays outside the union.
    boolean member = random.nextInt(8) != 0;
    String annotation = inUnion && member && random.nextInt(12) == 0 ? "" : annotation();
    return new Declaration(
        outer,
        kind,
        modifiers,
        annotation,
        random.nextInt(10) == 0,
        name,
        typeParameters,
        List.copyOf(components),
        member);
  }

  private String annotation() {
    List<String> members = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      members.add("value = \"" + pick(WIRE_NAMES) + "\"");
    }
    if (random.nextInt(4) == 0) {
      members.add("replayLatest = " + random.nextBoolean());
    }
    return "@dev.supportevents.annotations.SupportEvent"
        + (members.isEmpty() ? "" : "(" + String.join(", ", members) + ")");
  }

  /** A type of at most {@code depth} levels of type arguments, {@code @Nullable} at random. */
  private String componentType(String packageName, List<Declaration> payloads, int depth) {
    int choice = random.nextInt(depth > 0 ? 14 : 9);
    return switch (choice) {
      case 0 -> pick(List.of("int", "long", "boolean", "char", "byte", "short", "float", "double"));
      case 1 -> random.nextInt(6) == 0 ? NULLABLE + " int" : "long";
      case 2 ->
          nullable(
              "java.lang.",
              pick(
                  List.of(
                      "String",
                      "Integer",
                      "Long",
                      "Object",
                      "CharSequence",
                      "Throwable",
                      "Character",
                      "Boolean")));
      case 3 ->
          pick(
              List.of(
                  "int[]",
                  "byte[][]",
                  "java.lang.String[]",
                  "java.lang.String " + NULLABLE + " []",
                  "char[]"));
      case 4 -> nullable("java.time.", pick(List.of("Instant", "Duration", "LocalDate")));
      case 5 ->
          nullable(
              "other.", pick(List.of("Payload", "SupportEventType", "Optional", "Subscription")));
      case 6 ->
          nullable("dev.supportevents.runtime.", pick(List.of("Subscription", "FailurePolicy")));
      case 7 -> nullable("java.util.", pick(List.of("UUID", "OptionalInt")));
      case 8 ->
          payloads.isEmpty()
              ? "java.math.BigDecimal"
              : payloadType(pick(payloads), packageName, payloads);
      case 9 -> "java.util.List<" + argument(packageName, payloads, depth) + ">";
      case 10 -> "java.util.Map<java.lang.String, " + argument(packageName, payloads, depth) + ">";
      case 11 -> "java.util.Optional<" + argument(packageName, payloads, depth) + ">";
      case 12 ->
          pick(
              List.of(
                  "java.util.List<?>",
                  "java.util.Set<? extends java.lang.Number>",
                  "java.lang.Comparable<? super java.lang.Integer>",
                  "java.util.function.Consumer<java.lang.String>",
                  "java.util.concurrent.Executor"));
      default -> "other.Box<" + argument(packageName, payloads, depth) + ">";
    };
  }

  private String payloadType(Declaration payload, String packageName, List<Declaration> payloads) {
    String type = nullable(packageName.isEmpty() ? "" : packageName + ".", payload.name());
    return payload.typeParameters().isEmpty()
        ? type
        : type + "<" + argument(packageName, payloads, 0) + ">";
  }

  private String argument(String packageName, List<Declaration> payloads, int depth) {
    String type = componentType(packageName, payloads, depth - 1);
    return switch (type) {
      case "int" -> "java.lang.Integer";
      case "long" -> "java.lang.Long";
      case "boolean" -> "java.lang.Boolean";
      case "char" -> "java.lang.Character";
      case "byte" -> "java.lang.Byte";
      case "short" -> "java.lang.Short";
      case "float" -> "java.lang.Float";
      case "double" -> "java.lang.Double";
      default -> type.startsWith(NULLABLE + " int") ? "java.lang.Integer" : type;
    };
  }

  private String nullable(String qualifier, String simpleName) {
    return qualifier + (random.nextInt(4) == 0 ? NULLABLE + " " : "") + simpleName;
  }

  private String freshTypeName(Set<String> taken) {
    while (true) {
      String name = typeName();
      if (taken.add(name)) {
        return name;
      }
    }
  }

  private String nestedName(String outer) {
    while (true) {
      String name = typeName();
      if (!name.equals(outer)) {
        return name;
      }
    }
  }

  private String typeName() {
    if (random.nextInt(5) == 0) {
      return pick(TAKEN_NAMES);
    }
    while (true) {
      StringBuilder name = new StringBuilder();
      int pieces = 1 + random.nextInt(3);
      for (int i = 0; i < pieces; i++) {
        name.append(pick(NAME_PIECES));
      }
      if (random.nextInt(3) == 0) {
        name.append("Event");
      }
      String candidate = name.toString();
      if (SourceVersion.isIdentifier(candidate)
          && !SourceVersion.isKeyword(candidate)
          && !candidate.equals("_")
          && !OBSCURING.contains(candidate)) {
        return candidate;
      }
    }
  }

  private String componentName(Set<String> taken) {
    while (true) {
      String name = pick(COMPONENT_NAMES) + (random.nextInt(3) == 0 ? random.nextInt(3) : "");
      if (!NOT_COMPONENTS.contains(name) && taken.add(name)) {
        return name;
      }
    }
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /**
   * A smaller package that still {@code fails}: declarations, then components, then annotation
   * members left out one at a time, for as long as one of them can go.
   */
  static Catalog shrink(Catalog failing, java.util.function.Predicate<Catalog> fails) {
    Catalog smallest = failing;
    boolean shrunk = true;
    while (shrunk) {
      shrunk = false;
      for (Catalog candidate : smaller(smallest)) {
        if (fails.test(candidate)) {
          smallest = candidate;
          shrunk = true;
          break;
        }
      }
    }
    return smallest;
  }

  private static List<Catalog> smaller(Catalog catalog) {
    List<Catalog> candidates = new ArrayList<>();
    List<Declaration> declarations = catalog.declarations();
    for (int i = 0; i < declarations.size(); i++) {
      List<Declaration> fewer = new ArrayList<>(declarations);
      fewer.remove(i);
      if (catalog.union() != null
          || fewer.stream().anyMatch(declaration -> !declaration.annotation().isEmpty())) {
        candidates.add(new Catalog(catalog.name(), fewer, catalog.union()));
      }
    }
    if (catalog.union() != null
        && declarations.stream().anyMatch(declaration -> !declaration.annotation().isEmpty())) {
      candidates.add(new Catalog(catalog.name(), declarations, null));
    }
    for (int i = 0; i < declarations.size(); i++) {
      Declaration declaration = declarations.get(i);
      for (int j = 0; j < declaration.components().size(); j++) {
        List<Component> components = new ArrayList<>(declaration.components());
        components.remove(j);
        candidates.add(replaced(catalog, i, unused -> declaration.with(components)));
      }
      String annotation = declaration.annotation();
      if (annotation.contains("(")) {
        candidates.add(
            replaced(
                catalog,
                i,
                unused ->
                    declaration.withAnnotation(annotation.substring(0, annotation.indexOf('(')))));
      }
    }
    return candidates;
  }

  private static Catalog replaced(Catalog catalog, int index, UnaryOperator<Declaration> change) {
    List<Declaration> declarations = new ArrayList<>(catalog.declarations());
    declarations.set(index, change.apply(declarations.get(index)));
    return new Catalog(catalog.name(), declarations, catalog.union());
  }
}
