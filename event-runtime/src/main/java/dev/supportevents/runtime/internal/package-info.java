/**
 * For generated code only, not API: the listener lists and the delivery that generated
 * {@code SupportEvents} hubs call. Nothing here keeps its name or signature from one release to
 * the next; applications use the generated hub and {@link dev.supportevents.runtime}.
 *
 * <p>Threading of a subscription on an executor ({@code Mailbox}):
 * its events wait in an array ring of at most its capacity, appended to by emitting threads under
 * the ring's own short lock. One token says who may take events out: an emitter that finds it
 * free takes it and hands the mailbox to the executor; the task then takes up to 64 events at a
 * time under the lock and calls the listener outside it, and releases the token once the ring
 * looks empty. An emitter writes the ring's size before it reads the token, the task writes the
 * token before it reads the size, so an event is never left without a task. A full ring applies
 * the overflow policy on the emitting thread, outside the lock. A refusal of the executor is
 * handled by the thread that holds the token: it reports the events queued at that moment, then
 * releases the token and tries again if more came. The events held back during a replay
 * ({@code ReplayGate}) are bounded by the same capacity and
 * policy, under the gate's lock.
 */
package dev.supportevents.runtime.internal;
