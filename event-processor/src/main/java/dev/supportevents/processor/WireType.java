package dev.supportevents.processor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A value as an event carries it in its wire JSON, which the tracking plan and the TypeScript
 * declarations both describe. {@link WireTypes} decides which Java type takes which form; the
 * writers only spell the forms, each in its language.
 */
sealed interface WireType {

  /** A JSON string, number or boolean, and what it holds. */
  enum Scalar implements WireType {
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING,
    /** One character. */
    CHARACTER,
    /** Bytes in base64, as Jackson writes a {@code byte[]}. */
    BASE64,
    UUID,
    URI,
    /** An ISO-8601 date and time with an offset, such as an {@code Instant}. */
    DATE_TIME,
    DATE,
    TIME,
    /** An ISO-8601 duration. */
    DURATION
  }

  /**
   * An enum, as the name of one of its constants.
   *
   * @param name the enum's canonical name
   * @param constants the names of its constants, in order
   */
  record Enumeration(String name, List<String> constants) implements WireType {}

  /** A JSON array: a Java array other than {@code byte[]} and {@code char[]}, a collection. */
  record ArrayOf(WireType items) implements WireType {}

  /** A JSON object of any keys, as a {@code Map} is written. */
  record MapOf(WireType values) implements WireType {}

  /** {@code type}, or {@code null}. */
  record OrNull(WireType type) implements WireType {}

  /** The shared {@link Definition} named {@code name}. */
  record Reference(String name) implements WireType {}

  /**
   * Any JSON value, {@code null} included: the type has no one JSON form.
   *
   * @param reason why, a sentence; {@code null} where the type says it, as for a raw collection's
   *     elements
   */
  record Any(@Nullable String reason) implements WireType {}

  /** {@code type}, or {@code null}; {@code type} itself if it already allows {@code null}. */
  static WireType orNull(WireType type) {
    return type instanceof Any || type instanceof OrNull ? type : new OrNull(type);
  }

  /** A form that several values share by name: a record's object, a union of records. */
  sealed interface Definition {

    /** The canonical name of the Java type, such as {@code com.acme.parts.Part.TextPart}. */
    String name();
  }

  /**
   * A JSON object with exactly these properties, as a record is written.
   *
   * @param name the record's canonical name
   * @param description what the object is, or {@code null} for a record, which its name says
   * @param properties one per component, in order
   */
  record ObjectType(String name, @Nullable String description, List<Property> properties)
      implements Definition {}

  /**
   * One property of an object.
   *
   * @param name its name in JSON
   * @param type its value; {@link OrNull} where it may be {@code null}
   * @param required whether every object has it; one that may be {@code null} may be left out
   * @param description what it holds, or {@code null}
   */
  record Property(String name, WireType type, boolean required, @Nullable String description) {}

  /**
   * The records a sealed interface permits, one of which a value is: written as that record, with
   * no type id.
   *
   * @param name the interface's canonical name
   * @param records the names of the records' {@link ObjectType} definitions, in the order of {@code
   *     permits}
   */
  record Union(String name, List<String> records) implements Definition {}
}
