package dev.supportevents.runtime.internal;

import dev.supportevents.runtime.OverflowPolicy;
import java.util.ArrayDeque;

/**
 * Holds back the live events of a new synchronous subscription while its replay is pending, so that
 * it receives the replayed event first. An emit that finds the gate holding leaves its event here
 * instead of calling the listener; the subscribing thread runs the replay, then the held events in
 * order, and only then lets later emits call the listener themselves.
 *
 * <p>It holds at most the subscription's queue capacity; one more event is handled by its {@link
 * OverflowPolicy}, as on an executor's queue.
 *
 * @param <E> the event's record type
 */
final class ReplayGate<E extends Record> {

  private final Listeners.Entry<E> entry;

  /** Replaced by an empty queue once the gate opens, so the grown one is not kept. */
  private ArrayDeque<E> held = new ArrayDeque<>();

  private boolean holding = true;

  ReplayGate(Listeners.Entry<E> entry) {
    this.entry = entry;
  }

  /**
   * Keeps {@code event} for after the replay, if the replay has not finished. An event beyond the
   * capacity is reported, the new one or the oldest held as the policy says.
   *
   * @return whether the event is kept or reported; if not, the caller delivers it
   */
  boolean hold(E event) {
    Registration registration = entry.registration();
    E dropped;
    synchronized (this) {
      if (!holding) {
        return false;
      }
      if (held.size() < registration.queueCapacity()) {
        held.add(event);
        return true;
      }
      if (registration.overflowPolicy() == OverflowPolicy.DROP_OLDEST) {
        dropped = held.poll();
        held.add(event);
      } else {
        dropped = event;
      }
    }
    registration.overflowed(entry.type(), dropped);
    return true;
  }

  /**
   * Counts the events held back.
   *
   * @return how many events wait for the replay to end
   */
  synchronized int size() {
    return held.size();
  }

  /**
   * The next event held back; once none is left, the gate lets every later event through.
   *
   * @return the next held event, or {@code null} once the gate is open
   */
  synchronized E next() {
    E next = held.poll();
    if (next == null) {
      holding = false;
      held = new ArrayDeque<>(0);
    }
    return next;
  }
}
