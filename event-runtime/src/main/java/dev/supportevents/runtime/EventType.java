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
   * The record class of the event, for example {@code MessageSentEvent.class}.
   *
   * @return the event's record class
   */
  Class<? extends Record> eventClass();
}
