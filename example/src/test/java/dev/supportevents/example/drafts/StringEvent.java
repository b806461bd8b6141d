package dev.supportevents.example.drafts;

import dev.supportevents.annotations.SupportEvent;

/**
 * The smallest event whose record checks nothing itself: only the generated emit can refuse a null
 * {@code text}.
 *
 * @param text never null
 */
@SupportEvent
public record StringEvent(String text) {}
