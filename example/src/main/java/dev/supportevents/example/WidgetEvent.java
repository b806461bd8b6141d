package dev.supportevents.example;

import dev.supportevents.annotations.SupportEvent;

/**
 * Any event of the support widget: the union of its event records, which the web widget exports as
 * its {@code SupportEvent} type.
 *
 * <p>{@code @SupportEvent} on this sealed interface makes each record it permits an event of the
 * package's catalog, and so are the records of the sealed interfaces it permits, groups of events
 * such as {@link ConversationEvent}, which a listener subscribes to by class as to one record. The
 * generated API takes a {@code WidgetEvent} wherever it means any event: {@link
 * SupportEvents#emit(WidgetEvent)}, {@link SupportEvents#subscribeAll}, {@link
 * SupportEventType#of(WidgetEvent)}, the recorder. A record of another catalog is a compile error
 * there, and from JDK 21 a {@code switch} over a {@code WidgetEvent} needs no {@code default}. Each
 * record, in a file of its own, carries {@code @SupportEvent} too, which may name or replay it: a
 * build that compiles only that record's file then runs the processor and regenerates the catalog.
 */
@SupportEvent
public sealed interface WidgetEvent
    permits ConversationEvent,
        MessageEvent,
        ErrorEvent,
        RatingSubmittedEvent,
        WidgetOpenedEvent,
        WidgetClosedEvent {}
