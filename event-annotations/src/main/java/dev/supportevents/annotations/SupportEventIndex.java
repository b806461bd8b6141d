package dev.supportevents.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The index of a generated event catalog: the record of every event in it. Generated code only:
 * the processor puts it on each {@code SupportEventType} it writes, so that the catalog of another
 * package can include these events ({@link SupportEventCatalog#extend()}) by reading the class
 * file at compile time. Do not write it by hand.
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
}
