package dev.supportevents.runtime;

/**
 * What the runtime knows of an event type. Each generated {@code SupportEventType} enum implements
 * it, so failure reports and hooks can name the event without knowing the catalog.
 */
public interface EventType {

  /**
   * The name of the event outside Java, for example {@code "messageSent"}.
   *
   * @return the wire name, unique within its catalog
   */
  String wireName();

  /**
   * The record class of the event, for example {@code MessageSentEvent.class}. A generated {@code
   * SupportEventType} narrows the type: {@code Class<? extends Record>}, or the class of a record
   * of the catalog's sealed interface where it has one, which is not a subtype of {@code Record}.
   *
   * @return the event's record class
   */
  Class<?> eventClass();
}
