/**
 * For generated code only, not API: the listener lists and the delivery that generated
 * {@code SupportEvents} hubs call. Nothing here keeps its name or signature from one release to
 * the next; applications use the generated hub and {@link dev.supportevents.runtime}.
 *
 * <p><b>The default failure log.</b> A {@code RateLimitedFailureLog} is called on whatever thread
 * reports a failure; its counts per event type and subscription, and whether a flush is due, are
 * guarded by its own monitor, held only to update them: records are logged after it is released.
 * Counts are flushed by one daemon thread that every hub shares ({@code
 * support-events-failure-log}, a {@code ScheduledThreadPoolExecutor} whose thread ends when idle),
 * or by the next failure of the same listener if the flush is late.
 */
package dev.supportevents.runtime.internal;
