package dev.supportevents.example.drafts;

import dev.supportevents.annotations.SupportEvent;

/**
 * An event with a varargs component, which the generated emit checks like any array.
 *
 * @param name never null
 * @param tags never null
 */
@SupportEvent
public record TaggedEvent(String name, String... tags) {}
