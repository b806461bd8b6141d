package dev.supportevents.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * One validated {@code @SupportEvent} record and the names it gets in the generated API.
 *
 * @param element the record, the originating element of everything generated for it
 * @param className the record's class
 * @param baseName the record's simple name without a trailing {@code Event}
 * @param wireName the event's name outside Java
 * @param components the record's components, in order
 * @param varargs whether the last component is a varargs array
 * @param recordWarnings the lint warnings that naming the record raises, such as {@code
 *     deprecation}
 * @param emitWarnings the lint warnings that an emit method raises: by its parameter types, by
 *     calling the canonical constructor
 * @param replayLatest whether the hub keeps the latest event and replays it to new listeners
 * @param includedFrom the generated {@code SupportEventType} of the extended catalog the event
 *     comes from, or {@code null} for an event of the package's own
 */
record EventModel(
    TypeElement element,
    ClassName className,
    String baseName,
    String wireName,
    List<EventComponent> components,
    boolean varargs,
    Set<String> recordWarnings,
    Set<String> emitWarnings,
    boolean replayLatest,
    @Nullable ClassName includedFrom) {

  /**
   * This event with the wire name and replay that the index of its extended catalog recorded, which
   * are what that catalog itself was generated with.
   */
  EventModel asIndexed(String indexedWireName, boolean indexedReplayLatest) {
    return new EventModel(
        element,
        className,
        baseName,
        indexedWireName,
        components,
        varargs,
        recordWarnings,
        emitWarnings,
        indexedReplayLatest,
        includedFrom);
  }

  /** {@code MESSAGE_SENT}. */
  String constantName() {
    return Names.constantName(baseName);
  }

  /** {@code onMessageSent}. */
  String callbackName() {
    return Names.callbackName(baseName);
  }

  /** {@code emitMessageSent}. */
  String emitName() {
    return Names.emitName(baseName);
  }

  /** {@code messageSentListeners}, the hub's field. */
  String listenersField() {
    return Names.listenersField(baseName);
  }

  /** {@code latestConversationStart}, the hub's accessor of a kept event. */
  String latestName() {
    return Names.latestName(baseName);
  }

  /** {@code forgetLatestConversationStart}, the hub's method that drops a kept event. */
  String forgetLatestName() {
    return "forgetLatest" + baseName;
  }

  /** Whether the event is declared in the catalog's package, not included from another catalog. */
  boolean isOwn() {
    return includedFrom == null;
  }

  /** Whether the wire name is the one derived from the record's name. */
  boolean hasDerivedWireName() {
    return wireName.equals(Names.lowerCamel(baseName));
  }

  /**
   * The record's name as users wrote it, {@code Outer.PingEvent}; qualified for an event of another
   * catalog, which the package does not import.
   */
  String displayName() {
    return isOwn() ? String.join(".", className.simpleNames()) : className.canonicalName();
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
