package dev.supportevents.processor;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every diagnostic the processor reports, in one place. Each text says the rule that was broken and
 * how to fix it, and starts with the message's id in brackets, {@code [SE014]}, which users search
 * for and the documentation has a section for (docs/declaring-events.md, anchor {@code se014}). Ids
 * are numbered in the order the messages were added; a number is never given to another message.
 * Placeholders are named, {@code {record}}, and {@link #format(Map)} fills them.
 */
enum Message {
  NOT_A_RECORD(
      "SE001",
      "@SupportEvent applies to records and sealed interfaces only, and {type} is {kind}. Declare"
          + " it as a record, for example `public record {simpleName}(String conversationId) {}`,"
          + " or remove @SupportEvent."),
  UNION_NOT_SEALED(
      "SE002",
      "@SupportEvent on an interface makes it the union of its package's events, so it must be"
          + " sealed, and {union} is not. Declare it `sealed interface {simpleName} permits ...`,"
          + " its event records nested in it or listed after permits, or remove @SupportEvent"
          + " from it and put it on each record."),
  GENERIC_UNION(
      "SE003",
      "The union {union} cannot be generic, because it is the one type of every event in the"
          + " generated API, and it declares {typeParameters}. Remove the type parameters."),
  UNION_ANNOTATION_MEMBERS(
      "SE004",
      "@SupportEvent on the union {union} gives {members}, which names one event. Remove it here"
          + " and put it on the permitted record it is meant for, such as `@SupportEvent(value ="
          + " \"chat.opened\", replayLatest = true)`."),
  UNION_NOT_ACCESSIBLE(
      "SE005",
      "The union {union} is {hiddenBy}, so the generated SupportEvents of its package cannot name"
          + " it. Make it public, package-private or protected, and nest it only in types that"
          + " are not private."),
  UNION_MEMBER_NOT_RECORD(
      "SE006",
      "The union {union} permits {member}, which is {kind}, but each type a @SupportEvent union"
          + " permits is one event, a record, or a group of events, a sealed interface that"
          + " permits them. Make {memberSimpleName} a record or a sealed interface, or remove"
          + " @SupportEvent from {unionSimpleName} and put it on each of its records."),
  UNION_MEMBER_IN_OTHER_PACKAGE(
      "SE007",
      "The union {union} permits {member}, which is in package {memberPackage}, but a union's"
          + " events belong to the catalog of its own package, {package}. Move {memberSimpleName}"
          + " into {package}, or declare it in a union of its own package."),
  DUPLICATE_UNION(
      "SE008",
      "Package {package} has more than one @SupportEvent interface ({unions}), but its catalog"
          + " has one event type. Keep @SupportEvent on one sealed interface, and let it permit"
          + " every event record of the package."),
  EVENT_OUTSIDE_UNION(
      "SE009",
      "{record} is an event of {package}, whose events are the records that the union {union}"
          + " permits, and it is not one of them. Add `implements {unionSimpleName}` to it and"
          + " list it after permits in {unionSimpleName} (or nest it there), or move it to"
          + " another package."),
  UNION_WITH_EXTENDED_CATALOG(
      "SE010",
      "The catalog of {package} extends other catalogs, whose events cannot implement the union"
          + " {union}, so its event type is Record and it has no union. Remove @SupportEvent from"
          + " {unionSimpleName} and put it on each of its records, or extend the catalogs in"
          + " another package."),
  GENERIC_RECORD(
      "SE011",
      "@SupportEvent records cannot be generic, because each event needs one fixed type in the"
          + " generated API, and {record} declares {typeParameters}. Remove the type parameters"
          + " and use concrete component types."),
  NOT_ACCESSIBLE(
      "SE012",
      "@SupportEvent record {record} is {hiddenBy}, so the generated SupportEvents of its package"
          + " cannot use it. Make it public, package-private or protected, and nest it only in"
          + " types that are not private."),
  COMPONENT_NOT_ACCESSIBLE(
      "SE013",
      "Component {component} of @SupportEvent record {record} has a type that uses {type}, which"
          + " is {hiddenBy}, so the generated emit methods of its package cannot name it. Make"
          + " {typeSimpleName} package-private or wider, and nest it only in types that are not"
          + " private."),
  INVALID_WIRE_NAME(
      "SE014",
      "The wire name \"{wireName}\" of {record} is not allowed: "
          + Rules.WIRE_NAME
          + " Fix @SupportEvent(\"...\"), or remove the value to use the derived name"
          + " \"{derivedWireName}\"."),
  CATALOG_TOO_LARGE(
      "SE015",
      "The catalog of {package} holds {count} events, more than the {largest} one catalog can"
          + " hold: its SupportEventCallbacks, SupportEventEmitter and the hub's emitter name"
          + " every event in one class file, whose constant pool holds at most 65,535 entries,"
          + " which javac reports as \"too many constants\". Move some of the events into a"
          + " package of their own, which gets a catalog of its own, or extend fewer catalogs."),
  CLASS_FILE_TOO_LARGE(
      "SE016",
      "The catalog of {package} would need about {entries} entries in the constant pool of its"
          + " generated {type}, more than the {largest} it may use of the 65,535 a class file"
          + " holds, which javac reports as \"too many constants\": its events have many"
          + " components of types of their own, or many @Nullable trailing components, each of"
          + " which adds an emit overload. Move some of the events into a package of their own,"
          + " which gets a catalog of its own."),
  INVALID_CONSTANT_NAME(
      "SE017",
      "The name of {record} gives the SupportEventType constant {constant}, which is not allowed:"
          + " the constant is the record's name without a trailing Event, in upper case, and must"
          + " be a Java name other than _ and $VALUES. Rename the record."),
  INVALID_DERIVED_WIRE_NAME(
      "SE018",
      "The wire name \"{wireName}\", derived from the name of {record}, is not allowed: "
          + Rules.WIRE_NAME
          + " Give the event a wire name with @SupportEvent(\"...\"), or rename the record."),
  DUPLICATE_WIRE_NAME(
      "SE019",
      "{record} and {other} both have the wire name \"{wireName}\", but wire names are unique"
          + " within a package. Give one of them another name with @SupportEvent(\"...\")."),
  DUPLICATE_JAVA_NAME(
      "SE020",
      "{record} and {other} both give the generated name {javaName} (names come from the record's"
          + " simple name without a trailing Event), but each event of a package needs names of"
          + " its own. Rename one of the records."),
  DUPLICATE_WIRE_NAME_WITH_EXTENDED(
      "SE021",
      "{record} and {other}, an event of the extended catalog {catalog}, both have the wire name"
          + " \"{wireName}\", but wire names are unique within a catalog. Give {record} another"
          + " name with @SupportEvent(\"...\")."),
  DUPLICATE_JAVA_NAME_WITH_EXTENDED(
      "SE022",
      "{record} and {other}, an event of the extended catalog {catalog}, both give the generated"
          + " name {javaName} (names come from the record's simple name without a trailing"
          + " Event), but each event of a catalog needs names of its own. Rename {record}."),
  EXTENDED_CATALOGS_CLASH(
      "SE023",
      "The catalog of {package} cannot hold both {record} of {catalog} and {other} of"
          + " {otherCatalog}: they share the {kindOfName} {name}. Extend only one of those"
          + " catalogs."),
  NOT_A_CATALOG(
      "SE024",
      "@SupportEventCatalog(extend = ...) names {named}, which is not a generated"
          + " SupportEventType: it carries no @SupportEventIndex. Name the SupportEventType that"
          + " the processor generated for the package whose events to include, such as"
          + " com.acme.widget.SupportEventType.class."),
  EXTENDS_ITSELF(
      "SE025",
      "@SupportEventCatalog(extend = ...) names {catalog}, the catalog that package {package}"
          + " generates itself. Name the SupportEventType of another package."),
  INDEXED_EVENT_MISSING(
      "SE026",
      "The index of {catalog} names {record}, which is missing from the class path. Put the"
          + " classes that {catalog} was compiled with on the class path, or compile that catalog"
          + " again."),
  INDEXED_EVENT_NOT_A_RECORD(
      "SE027",
      "The index of {catalog} names {record}, which is not a record. Put the classes that"
          + " {catalog} was compiled with on the class path, or compile that catalog again."),
  EXTENDED_EVENT_NOT_PUBLIC(
      "SE028",
      "The catalog of {package} cannot include {record} of {catalog}: {type} is not public, and"
          + " the generated code of {package} must name it. Make it public (and every type it is"
          + " nested in), or do not extend {catalog}."),
  DUPLICATE_CATALOG_DECLARATION(
      "SE029",
      "Package {package} has more than one @SupportEventCatalog ({declarations}), but it has one"
          + " catalog. Keep one and list in its extend every catalog to include."),
  EMPTY_CATALOG(
      "SE030",
      "@SupportEventCatalog on {declaration} extends no catalog, and package {package} has no"
          + " @SupportEvent records, so there is no catalog to generate. Name the catalogs to"
          + " include in extend, or remove the annotation."),
  LATE_CATALOG_DECLARATION(
      "SE031",
      "{declaration} was generated after the event catalog of package {package} had been written,"
          + " in an earlier round of annotation processing. Declare @SupportEventCatalog in a"
          + " source file."),
  NESTED_TYPE_NAME_TAKEN(
      "SE032",
      "The unnamed package holds @SupportEvent records, and its type {name} has the name of a"
          + " type nested in the generated {owner}, where that name means the nested type; a type"
          + " of the unnamed package cannot be written with its package to tell them apart."
          + " Rename {name}, or move the events into a named package."),
  NULLABLE_PRIMITIVE(
      "SE033",
      "Component {component} of {record} is of the primitive type {primitive}, which is never"
          + " null, yet it is marked @Nullable; a shorter emit method could not leave it out."
          + " Remove @Nullable, or use the boxed type {boxed} if the value may be missing."),
  GENERATED_NAME_TAKEN(
      "SE034",
      "Package {package} holds @SupportEvent records, so the processor generates its event"
          + " catalog there, and one of the catalog's types is named {simpleName}; the package"
          + " cannot have a type of its own with that name. Rename or move {type}."),
  LATE_EVENT(
      "SE035",
      "{record} was generated after the event catalog of its package had been written, in an"
          + " earlier round of annotation processing; a catalog holds the events present in one"
          + " round. Declare the event in a source file, or generate it into a package that has"
          + " no events in source files."),
  RUNTIME_MISSING(
      "SE036",
      "The event catalog of {package}, like that of every package with @SupportEvent records, is"
          + " generated against the runtime, module {runtimeModule}, whose types are missing from"
          + " this compilation. Add the dependency {runtimeArtifact}, of the same version as the"
          + " processor, beside the annotations."),
  RUNTIME_NOT_READ(
      "SE037",
      "Module {module} holds @SupportEvent records in {package}, and their generated catalog uses"
          + " module {runtimeModule}, which {module} does not read. Add `requires transitive"
          + " {runtimeModule};` to the module declaration (transitive: the catalog's public API"
          + " names the runtime's types), and the dependency {runtimeArtifact} to the module"
          + " path."),
  NEVER_RESOLVED(
      "SE038",
      "{declaration} names {types}, which did not appear in any round of annotation processing,"
          + " so the event catalog of {package} was not generated. Declare that type, add the"
          + " dependency that holds it, or fix its name; if another annotation processor"
          + " generates it, make sure that processor runs."),
  EXTENDED_NEVER_RESOLVED(
      "SE039",
      "@SupportEventCatalog on {declaration} extends {catalogs}, which did not appear in any"
          + " round of annotation processing, so the event catalog of {package} was not"
          + " generated. Add the dependency that holds that catalog, or fix its name."),
  WAITED_WITH_PACKAGE(
      "SE040",
      "{record} is in no generated catalog: the catalog of {package} waited, with all its events,"
          + " for types that never appeared, named by {waitingFor}. Fix the errors there, and"
          + " this event is included."),
  INVALID_OPTION(
      "SE041",
      "The processor option -A{option}={value} is not allowed: it takes true or false. Its"
          + " default, true, writes the {output}; false leaves it out."),
  CANNOT_WRITE(
      "SE042",
      "Could not write the generated file {file}. Check that no other source or processor writes"
          + " a type of that name, and that the output directory is writable. The cause: {cause}"),
  PROCESSOR_BUG(
      "SE043",
      "The @SupportEvent processor failed on {element}. This is a bug in the processor, not in"
          + " your code: please report it at {issues}, with this whole message. Processor"
          + " {version}, JDK {jdk}. {crash}"),
  UNION_MEMBER_NOT_ANNOTATED(
      "SE044",
      "{record} is an event of the union {union} and is not nested in it, so it must carry"
          + " @SupportEvent: javac runs the processor only for sources that carry its"
          + " annotations, and compiling the file of {recordSimpleName} alone would leave the"
          + " generated catalog as it was, for the record's earlier components, which fails at"
          + " run time. Add @SupportEvent to {recordSimpleName}, or nest it in {unionSimpleName}."),
  INDEXED_EVENT_CHANGED(
      "SE045",
      "The index of {catalog} describes {record} with the components ({recorded}), but its class"
          + " file has ({components}): the record changed after that catalog was generated, and"
          + " the catalog's code would fail at run time. Compile {catalog} again with the record"
          + " as it is, or put the classes it was compiled with on the class path."),
  JACKSON_TYPE_ID(
      "SE046",
      "{type} carries Jackson's @JsonTypeInfo(use = {use}), so Jackson writes a type id beside"
          + " the components of each record that is or implements it, but an event of {package}"
          + " is its record's components only on the wire, as its tracking plan and TypeScript"
          + " declarations describe it: the plan rejects the id. Use @JsonTypeInfo(use ="
          + " JsonTypeInfo.Id.DEDUCTION), which writes no id, or make the id a component of each"
          + " record and add include = JsonTypeInfo.As.EXISTING_PROPERTY."),
  GROUP_MEMBER_NOT_RECORD(
      "SE047",
      "{group}, a group of the events of the union {union}, permits {member}, which is {kind},"
          + " but each type a group permits is one event, a record, or a group of its own, a"
          + " sealed interface that permits them. Make {memberSimpleName} a record or a sealed"
          + " interface, or take it out of the group: remove it from the permits clause of"
          + " {groupSimpleName}, and {groupSimpleName} from its supertypes."),
  GROUP_MEMBER_IN_OTHER_PACKAGE(
      "SE048",
      "{group}, a group of the events of the union {union}, permits {member}, which is in"
          + " package {memberPackage}, but the events of a union and of its groups belong to the"
          + " catalog of the union's package, {package}. Move {memberSimpleName} into {package},"
          + " or take it out of the group: remove it from the permits clause of"
          + " {groupSimpleName}, and {groupSimpleName} from its supertypes.");

  /** Rules that more than one message states, worded once. */
  private static final class Rules {
    static final String WIRE_NAME =
        "a wire name is not blank and uses only ASCII letters," + " digits, '.', '_', '-' and ':'.";
  }

  /** Apart from the constants: their constructor cannot read a static field of the enum. */
  private static final class Placeholder {
    /** A name in braces. Braces around anything else, {@code {}}, are text. */
    static final Pattern PATTERN = Pattern.compile("\\{([a-z][A-Za-z]*)\\}");
  }

  private final String id;
  private final String template;
  private final Set<String> placeholders;

  Message(String id, String template) {
    this.id = id;
    this.template = template;
    Set<String> names = new LinkedHashSet<>();
    Matcher placeholder = Placeholder.PATTERN.matcher(template);
    while (placeholder.find()) {
      names.add(placeholder.group(1));
    }
    this.placeholders = Set.copyOf(names);
  }

  /** The stable id, {@code SE014}. */
  String id() {
    return id;
  }

  /**
   * The text to report: the id in brackets, then the template with each placeholder filled.
   *
   * @param arguments the value of each placeholder by its name, exactly those of the template
   * @throws IllegalArgumentException if a placeholder has no value, or a value no placeholder
   */
  String format(Map<String, ?> arguments) {
    if (!arguments.keySet().equals(placeholders)) {
      throw new IllegalArgumentException(
          name() + " takes " + placeholders + ", not " + arguments.keySet());
    }
    Matcher placeholder = Placeholder.PATTERN.matcher(template);
    StringBuilder text = new StringBuilder("[").append(id).append("] ");
    while (placeholder.find()) {
      placeholder.appendReplacement(
          text, Matcher.quoteReplacement(String.valueOf(arguments.get(placeholder.group(1)))));
    }
    placeholder.appendTail(text);
    return text.toString();
  }
}
