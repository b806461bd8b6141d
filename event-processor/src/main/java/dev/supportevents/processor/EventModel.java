package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
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
 */
record EventModel(
    TypeElement element,
    ClassName className,
    String baseName,
    String wireName,
    List<EventComponent> components,
    boolean varargs) {

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
