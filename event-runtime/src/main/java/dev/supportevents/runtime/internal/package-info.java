/**
 * For generated code only, not API: the listener lists and the delivery that generated {@code
 * SupportEvents} hubs call. Nothing here keeps its name or signature from one release to the next;
 * applications use the generated hub and {@link dev.supportevents.runtime}.
 *
 * <h2>Threading model</h2>
 *
 * <p>A hub is one {@link dev.supportevents.runtime.internal.Delivery} and one {@link
 * dev.supportevents.runtime.internal.Listeners} per event type. Changes to the listener lists take
 * the delivery's lock; an emit takes none (apart from a type's own short lock when it keeps its
 * latest event) and reads a copy-on-write snapshot of its type's listeners.
 *
 * <p><b>Nested emits are per hub and per thread.</b> Each delivery keeps, for each thread that
 * delivers its events, one {@code DeliveringThread}: whether the thread is running this hub's
 * listeners now, the events emitted into this hub meanwhile, and the failure kept for a {@code
 * PROPAGATE} emit. An emit into a hub that is delivering on the calling thread waits in that queue,
 * behind the current event, and runs in the loop of the emit that started the delivery, never down
 * the stack. An emit into any other hub, from a listener of this one or not, delivers at once with
 * that hub's failure policy and handler: nothing of one hub's delivery state is seen by another.
 * The states live in a {@code ThreadLocal} of the delivery; each event type's listener list also
 * remembers the last state it used in a plain field, read and written by every emitting thread
 * without a lock, so that one thread emitting many events skips the {@code ThreadLocal} lookup. A
 * thread uses a state only after checking that the state's final {@code owner} field names it, and
 * only that thread ever reads or writes the rest of a state, so the racy field can cost a lookup,
 * never another thread's queue ({@code NestedEmitPerThread} under jcstress). A pool thread keeps
 * one small state per hub it delivered for; a hub no longer reachable leaves its states to be
 * cleared with the thread's other stale thread-locals. An emit that nests nothing and fails nowhere
 * writes the state's one field once on each side and reads it twice.
 *
 * <p>A subscription on an executor has a {@code Mailbox}: its events wait in an array ring of at
 * most its capacity, with two short locks of its own. Emitting threads append at the tail under the
 * put lock. One token says who may take events out: an emitter that finds it free takes it and
 * hands the mailbox to the executor; the task then takes up to 64 events at a time from the head
 * under the take lock and calls the listener outside it, and releases the token once the ring looks
 * empty. So an emitter and the task never wait for each other; growing the ring, dropping its
 * oldest event and putting events back take both locks, the put lock first. An emitter reads what
 * the task writes (the head, the count of events taken out) only when its own copies, never ahead
 * of them, say the ring is full; what each side writes sits on cache lines of its own ({@code
 * MailboxLayout}). An emitter writes the ring's tail (volatile) before it reads the token, the task
 * writes the token before it reads the tail, so an event is never left without a task. A full ring
 * applies the overflow policy on the emitting thread, outside the locks. A refusal of the executor
 * is handled by the thread that holds the token: it reports the events queued at that moment, then
 * releases the token and tries again if more came. The events held back during a replay ({@code
 * ReplayGate}) are bounded by the same capacity and policy, under the gate's lock. The task
 * delivers while it marks this hub as delivering on the pool thread, so that an emit from that
 * listener into the same hub waits for the listener to return.
 *
 * <p>A {@code Flow} subscriber is an ordinary listener that feeds a {@code FlowSubscription}, whose
 * serial drain keeps its signals from overlapping.
 *
 * <p><b>The default failure log.</b> A {@code RateLimitedFailureLog} is called on whatever thread
 * reports a failure; its counts per event type and listener, and whether a flush is due, are
 * guarded by its own monitor, held only to update them: records are logged after it is released.
 * Counts are flushed by one daemon thread that every hub shares ({@code
 * support-events-failure-log}, a {@code ScheduledThreadPoolExecutor} whose thread ends when idle),
 * or by the next failure of the same listener if the flush is late.
 */
package dev.supportevents.runtime.internal;
