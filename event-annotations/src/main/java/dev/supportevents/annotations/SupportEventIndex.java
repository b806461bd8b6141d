package dev.supportevents.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The index of a generated event catalog: the record of every event in it, and what the processor
 * read of their declarations. Generated code only: the processor puts it on each {@code
 * SupportEventType} it writes, and reads it back when a later compilation sees these records as
 * class files only: the catalog of another package that includes these events ({@link
 * SupportEventCatalog#extend()}), or a compilation of some of the package's sources again. Do not
 * write it by hand.
 *
 * <p>The index records the type-use annotations of the records' components itself because javac
 * before JDK 22 does not read them from class files: a component marked with JSpecify's
 * {@code @Nullable} would look non-null there.
 *
 * <p>Kept in the class file and not at run time: nothing reads it by reflection.
 */
// Not @Documented: a documented annotation is part of the API of the type it marks, so a module
// that reads this one as `requires static` would get javac's `exports` lint warning on every event.
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SupportEventIndex {

  /**
   * The records of the catalog's events, in the order of its enum constants, the events of the
   * catalogs it extends included.
   *
   * @return the event records
   */
  Class<? extends Record>[] events();

  /**
   * The wire names of the events, in the order of {@link #events()}.
   *
   * @return one wire name per event; empty in an index written before wire names were recorded
   */
  String[] wireNames() default {};

  /**
   * The events whose latest one the hub keeps and replays ({@code @SupportEvent(replayLatest =
   * true)}).
   *
   * @return those event records, in the order of {@link #events()}
   */
  Class<? extends Record>[] replayLatest() default {};

  /**
   * The components of every event, and of each other record the events' components use whose
   * components carry type-use annotations, such as a payload with a {@code @Nullable} field.
   *
   * @return one entry per record, events first in the order of {@link #events()}
   */
  Components[] components() default {};

  /** The components of one record, in order, with their type-use annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface Components {

    /**
     * The record.
     *
     * @return the record's class
     */
    Class<? extends Record> of();

    /**
     * The names of the record's components, in order.
     *
     * @return the component names
     */
    String[] names();

    /**
     * The type-use annotations of the components' types.
     *
     * @return every type-use annotation, in the order of the components
     */
    TypeUse[] typeUses() default {};
  }

  /** One type-use annotation in the type of a record component. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface TypeUse {

    /**
     * The component.
     *
     * @return its name
     */
    String component();

    /**
     * Where the annotation stands in the component's type, from the outside in: empty for the type
     * itself, {@code "<1>"} for its second type argument, {@code "[]"} for an array's component
     * type, {@code "?"} for a wildcard's bound and {@code "^"} for the type an inner class is
     * nested in. {@code "<0>[]"} is the component type of the first type argument.
     *
     * @return the path of the annotated type
     */
    String path() default "";

    /**
     * The annotation type.
     *
     * @return its canonical name, such as {@code org.jspecify.annotations.Nullable}
     */
    String annotation();

    /**
     * The members the annotation gives, as Java source.
     *
     * @return each member's name followed by its value, such as {@code {"max", "10"}}
     */
    String[] members() default {};
  }
}
