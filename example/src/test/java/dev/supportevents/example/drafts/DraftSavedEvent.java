package dev.supportevents.example.drafts;

import dev.supportevents.annotations.SupportEvent;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's unsent message, saved as they type: one component of each kind that the generated
 * emit checks for null or lets through.
 *
 * @param conversationId never null
 * @param attachmentName an {@code Optional}, which the tracking plan does not require either
 * @param length a primitive, never null
 * @param words never null, an array
 * @param previousText {@code null} for the first draft
 */
@SupportEvent
public record DraftSavedEvent(
    String conversationId,
    Optional<String> attachmentName,
    int length,
    String[] words,
    @Nullable String previousText) {}
