package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * One validated {@code @SupportEvent} record and the names it gets in the generated API.
 *
 * @param element the record, the originating element of everything generated for it
 * @param className the record's class
 * @param baseName the record's simple name without a trailing {@code Event}
 * @param wireName the event's name outside Java
 * @param components the record's components, in order
 * @param varargs whether the last component is a varargs array
 * @param recordWarnings the lint warnings that naming the record raises, such as
 *     {@code deprecation}
 * @param emitWarnings the lint warnings that an emit method raises: by its parameter types, by
 *     calling the canonical constructor
 */
record EventModel(
    TypeElement element,
    ClassName className,
    String baseName,
    String wireName,
    List<EventComponent> components,
    boolean varargs,
    Set<String> recordWarnings,
    Set<String> emitWarnings) {

  /** {@code MESSAGE_SENT}. */
  String constantName() {
    return Names.constantName(baseName);
  }

  /** {@code onMessageSent}. */
  String callbackName() {
    return "on" + baseName;
  }

  /** {@code emitMessageSent}. */
  String emitName() {
    return "emit" + baseName;
  }

  /** {@code messageSentListeners}, the hub's field. */
  String listenersField() {
    return Names.lowerCamel(baseName) + "Listeners";
  }

  /** Whether the wire name is the one derived from the record's name. */
  boolean hasDerivedWireName() {
    return wireName.equals(Names.lowerCamel(baseName));
  }

  /** The record's name as users wrote it: {@code Outer.PingEvent}. */
  String displayName() {
    return String.join(".", className.simpleNames());
  }

  /**
   * How many trailing components may be left out of an emit call because they are
   * {@code @Nullable}: {@code emitError(error)} beside {@code emitError(error, context)}.
   */
  int omittableTrailingComponents() {
    if (varargs) {
      return 0;
    }
    int count = 0;
    for (int i = components.size() - 1; i >= 0 && components.get(i).nullable(); i--) {
      count++;
    }
    return count;
  }
}
