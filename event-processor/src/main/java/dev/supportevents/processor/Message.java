package dev.supportevents.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor reports, in one place. Each text says the rule that was broken
 * and how to fix it; {@code %s} placeholders are filled by {@link #format(Object...)}.
 */
enum Message {
  NOT_A_RECORD(
      "@SupportEvent applies to records and sealed interfaces only, and %s is %s. Declare it as a"
          + " record, for example `public record %s(String conversationId) {}`, or remove"
          + " @SupportEvent."),
  UNION_NOT_SEALED(
      "@SupportEvent on an interface makes it the union of its package's events, so it must be"
          + " sealed, and %s is not. Declare it `sealed interface %s permits ...`, its event"
          + " records nested in it or listed after permits, or remove @SupportEvent from it and"
          + " put it on each record."),
  GENERIC_UNION(
      "The union %s cannot be generic, because it is the one type of every event in the"
          + " generated API, and it declares %s. Remove the type parameters."),
  UNION_ANNOTATION_MEMBERS(
      "@SupportEvent on the union %s gives %s, which names one event. Remove it here and put it"
          + " on the permitted record it is meant for, such as"
          + " `@SupportEvent(value = \"chat.opened\", replayLatest = true)`."),
  UNION_NOT_ACCESSIBLE(
      "The union %s is %s, so the generated SupportEvents of its package cannot name it. Make it"
          + " public, package-private or protected, and nest it only in types that are not"
          + " private."),
  UNION_MEMBER_NOT_RECORD(
      "The union %s permits %s, which is %s, but each type a @SupportEvent union permits is one"
          + " event, a record, or a group of events, a sealed interface that permits them. Make"
          + " %s a record or a sealed interface, or remove @SupportEvent from %s and put it on"
          + " each of its records."),
  UNION_MEMBER_IN_OTHER_PACKAGE(
      "The union %s permits %s, which is in package %s, but a union's events belong to the"
          + " catalog of its own package, %s. Move %s into %s, or declare it in a union of its"
          + " own package."),
  DUPLICATE_UNION(
      "Package %s has more than one @SupportEvent interface (%s), but its catalog has one event"
          + " type. Keep @SupportEvent on one sealed interface, and let it permit every event"
          + " record of the package."),
  EVENT_OUTSIDE_UNION(
      "%s is an event of %s, whose events are the records that the union %s permits, and it is"
          + " not one of them. Add `implements %s` to it and list it after permits in %s (or"
          + " nest it there), or move it to another package."),
  UNION_WITH_EXTENDED_CATALOG(
      "The catalog of %s extends other catalogs, whose events cannot implement the union %s, so"
          + " its event type is Record and it has no union. Remove @SupportEvent from %s and put"
          + " it on each of its records, or extend the catalogs in another package."),
  GENERIC_RECORD(
      "@SupportEvent records cannot be generic, because each event needs one fixed type in the"
          + " generated API, and %s declares %s. Remove the type parameters and use concrete"
          + " component types."),
  NOT_ACCESSIBLE(
      "@SupportEvent record %s is %s, so the generated SupportEvents of its package cannot use"
          + " it. Make it public, package-private or protected, and nest it only in types that"
          + " are not private."),
  COMPONENT_NOT_ACCESSIBLE(
      "Component %s of @SupportEvent record %s has a type that uses %s, which is %s, so the"
          + " generated emit methods of its package cannot name it. Make %s package-private or"
          + " wider, and nest it only in types that are not private."),
  INVALID_WIRE_NAME(
      "The wire name \"%s\" of %s is not allowed: " + Rules.WIRE_NAME + " Fix"
          + " @SupportEvent(\"...\"), or remove the value to use the derived name \"%s\"."),
  CATALOG_TOO_LARGE(
      "The catalog of %s holds %s events, more than the %s one catalog can hold: its"
          + " SupportEventCallbacks, SupportEventEmitter and the hub's emitter name every event in"
          + " one class file, whose constant pool holds at most 65,535 entries, which javac"
          + " reports as \"too many constants\". Move some of the events into a package of their"
          + " own, which gets a catalog of its own, or extend fewer catalogs."),
  CLASS_FILE_TOO_LARGE(
      "The catalog of %s would need about %s entries in the constant pool of its generated %s,"
          + " more than the %s it may use of the 65,535 a class file holds, which javac reports as"
          + " \"too many constants\": its events have many components of types of their own, or"
          + " many @Nullable trailing components, each of which adds an emit overload. Move some of the events into a"
          + " package of their own, which gets a catalog of its own."),
  INVALID_CONSTANT_NAME(
      "The name of %s gives the SupportEventType constant %s, which is not allowed: the constant"
          + " is the record's name without a trailing Event, in upper case, and must be a Java"
          + " name other than _ and $VALUES. Rename the record."),
  INVALID_DERIVED_WIRE_NAME(
      "The wire name \"%s\", derived from the name of %s, is not allowed: " + Rules.WIRE_NAME
          + " Give the event a wire name with @SupportEvent(\"...\"), or rename the record."),
  DUPLICATE_WIRE_NAME(
      "%s and %s both have the wire name \"%s\", but wire names are unique within a package."
          + " Give one of them another name with @SupportEvent(\"...\")."),
  DUPLICATE_JAVA_NAME(
      "%s and %s both give the generated name %s (names come from the record's simple name"
          + " without a trailing Event), but each event of a package needs names of its own."
          + " Rename one of the records."),
  DUPLICATE_WIRE_NAME_WITH_EXTENDED(
      "%s and %s, an event of the extended catalog %s, both have the wire name \"%s\", but wire"
          + " names are unique within a catalog. Give %s another name with"
          + " @SupportEvent(\"...\")."),
  DUPLICATE_JAVA_NAME_WITH_EXTENDED(
      "%s and %s, an event of the extended catalog %s, both give the generated name %s (names"
          + " come from the record's simple name without a trailing Event), but each event of a"
          + " catalog needs names of its own. Rename %s."),
  EXTENDED_CATALOGS_CLASH(
      "The catalog of %s cannot hold both %s of %s and %s of %s: they share the %s %s. Extend"
          + " only one of those catalogs."),
  NOT_A_CATALOG(
      "@SupportEventCatalog(extend = ...) names %s, which is not a generated SupportEventType:"
          + " it carries no @SupportEventIndex. Name the SupportEventType that the processor"
          + " generated for the package whose events to include, such as"
          + " com.acme.widget.SupportEventType.class."),
  EXTENDS_ITSELF(
      "@SupportEventCatalog(extend = ...) names %s, the catalog that package %s generates"
          + " itself. Name the SupportEventType of another package."),
  INDEXED_EVENT_MISSING(
      "The index of %s names %s, which is missing from the class path. Put the classes that %s"
          + " was compiled with on the class path, or compile that catalog again."),
  INDEXED_EVENT_NOT_A_RECORD(
      "The index of %s names %s, which is not a record. Put the classes that %s was compiled"
          + " with on the class path, or compile that catalog again."),
  EXTENDED_EVENT_NOT_PUBLIC(
      "The catalog of %s cannot include %s of %s: %s is not public, and the generated code of"
          + " %s must name it. Make it public (and every type it is nested in), or do not extend"
          + " %s."),
  DUPLICATE_CATALOG_DECLARATION(
      "Package %s has more than one @SupportEventCatalog (%s), but it has one catalog. Keep one"
          + " and list in its extend every catalog to include."),
  EMPTY_CATALOG(
      "@SupportEventCatalog on %s extends no catalog, and package %s has no @SupportEvent"
          + " records, so there is no catalog to generate. Name the catalogs to include in"
          + " extend, or remove the annotation."),
  LATE_CATALOG_DECLARATION(
      "%s was generated after the event catalog of package %s had been written, in an earlier"
          + " round of annotation processing. Declare @SupportEventCatalog in a source file."),
  NESTED_TYPE_NAME_TAKEN(
      "The unnamed package holds @SupportEvent records, and its type %s has the name of a type"
          + " nested in the generated %s, where that name means the nested type;"
          + " a type of the unnamed package cannot be written with its package to tell them apart."
          + " Rename %s, or move the events into a named package."),
  NULLABLE_PRIMITIVE(
      "Component %s of %s is of the primitive type %s, which is never null, yet it is marked"
          + " @%s; a shorter emit method could not leave it out. Remove @%s, or use the boxed"
          + " type %s if the value may be missing."),
  GENERATED_NAME_TAKEN(
      "Package %s holds @SupportEvent records, so the processor generates its event catalog"
          + " there, and one of the catalog's types is named %s; the package cannot have a type"
          + " of its own with that name. Rename or move %s."),
  LATE_EVENT(
      "%s was generated after the event catalog of its package had been written, in an earlier"
          + " round of annotation processing; a catalog holds the events present in one round."
          + " Declare the event in a source file, or generate it into a package that has no"
          + " events in source files."),
  RUNTIME_MISSING(
      "The event catalog of %s, like that of every package with @SupportEvent records, is"
          + " generated against the runtime, module %s, whose types are missing from this"
          + " compilation. Add the dependency %s, of the same version as the processor, beside"
          + " the annotations."),
  RUNTIME_NOT_READ(
      "Module %s holds @SupportEvent records in %s, and their generated catalog uses module %s,"
          + " which %s does not read. Add `requires transitive %s;` to the module declaration"
          + " (transitive: the catalog's public API names the runtime's types), and the"
          + " dependency %s to the module path."),
  NEVER_RESOLVED(
      "%s names %s, which did not appear in any round of annotation processing, so the event"
          + " catalog of %s was not generated. Declare that type, add the dependency that holds"
          + " it, or fix its name; if another annotation processor generates it, make sure that"
          + " processor runs."),
  EXTENDED_NEVER_RESOLVED(
      "@SupportEventCatalog on %s extends %s, which did not appear in any round of annotation"
          + " processing, so the event catalog of %s was not generated. Add the dependency that"
          + " holds that catalog, or fix its name."),
  WAITED_WITH_PACKAGE(
      "%s is in no generated catalog: the catalog of %s waited, with all its events, for types"
          + " that never appeared, named by %s. Fix the errors there, and this event is"
          + " included."),
  INVALID_OPTION(
      "The processor option -A%s=%s is not allowed: it takes true or false. Its default, true,"
          + " writes the %s; false leaves it out."),
  CANNOT_WRITE(
      "Could not write the generated file %s. Check that no other source or processor writes a"
          + " type of that name, and that the output directory is writable. The cause: %s"),
  PROCESSOR_BUG(
      "The @SupportEvent processor failed on %s. This is a bug in the processor, not in your"
          + " code: please report it at %s, with this whole message. Processor %s, JDK %s. %s"),
  JACKSON_TYPE_ID(
      "%s carries Jackson's @JsonTypeInfo(use = %s), so Jackson writes a type id beside the"
          + " components of each record that is or implements it, but an event of %s is its"
          + " record's components only on the wire, as its tracking plan and TypeScript"
          + " declarations describe it: the plan rejects the id. Use @JsonTypeInfo(use ="
          + " JsonTypeInfo.Id.DEDUCTION), which writes no id, or make the id a component of each"
          + " record and add include = JsonTypeInfo.As.EXISTING_PROPERTY.");

  /** Rules that more than one message states, worded once. */
  private static final class Rules {
    static final String WIRE_NAME = "a wire name is not blank and uses only ASCII letters,"
        + " digits, '.', '_', '-' and ':'.";
  }

  private final String template;

  Message(String template) {
    this.template = template;
  }

  /**
   * Fills the placeholders of this message.
   *
   * @param arguments one per {@code %s}, in order
   * @return the text to report
   */
  String format(Object... arguments) {
    return String.format(Locale.ROOT, template, arguments);
  }
}
