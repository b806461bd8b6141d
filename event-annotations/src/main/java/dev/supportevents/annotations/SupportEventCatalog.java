package dev.supportevents.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shapes the event catalog of a package: which other catalogs it includes.
 *
 * <p>A library ships its events compiled, with the catalog the processor generated for them. An
 * application that adds events of its own can have one typed API over both: it names the library's
 * generated {@code SupportEventType} in {@code package-info.java} of its own events' package,
 *
 * <pre>{@code
 * @SupportEventCatalog(extend = com.acme.widget.SupportEventType.class)
 * package com.acme.shop;
 *
 * import dev.supportevents.annotations.SupportEventCatalog;
 * }</pre>
 *
 * <p>and the catalog generated for {@code com.acme.shop} holds the library's events and its own:
 * its {@code SupportEvents} hub subscribes to and emits both ({@code onMessageSent}, {@code
 * emitCheckoutHelpRequested}, {@code emit(anyOfThem)}). The library's own catalog is left as it is
 * and keeps working alone.
 *
 * <p>The processor reads the library's events at compile time, from the index the library's
 * generated {@code SupportEventType} carries ({@link SupportEventIndex}); nothing is looked up at
 * run time. Every naming rule of {@link SupportEvent} holds across the events of both, and the
 * library's events and the types of their components must be public. A catalog that extends another
 * may itself be extended: the events of both come along.
 *
 * <p>The annotation may also stand on any top-level type of the package, for projects without
 * {@code package-info.java}; a package has at most one. With {@code extend}, a package needs no
 * events of its own: its catalog then combines the catalogs it names.
 */
// Not @Documented: a documented annotation is part of the API of the type it marks, so a module
// that reads this one as `requires static` would get javac's `exports` lint warning on every event.
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface SupportEventCatalog {

  /**
   * The catalogs to include, each named by the {@code SupportEventType} enum the processor
   * generated for it, such as {@code com.acme.widget.SupportEventType.class}. It may be on the
   * class path or generated in the same compilation.
   *
   * @return the generated event-type enums of the catalogs to include, none by default
   */
  Class<?>[] extend() default {};
}
