package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;
import org.jspecify.annotations.Nullable;

@SupportEvent
public record ErrorEvent(Throwable error, @Nullable String context) {}
