package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;

@SupportEvent
public record MessageSentEvent(String conversationId, String message) {}
