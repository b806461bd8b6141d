package dev.supportevents.runtime.internal;

import java.util.ArrayDeque;

/**
 * Holds back the live events of a new synchronous subscription while its replay is pending, so
 * that it receives the replayed event first. An emit that finds the gate holding leaves its event
 * here instead of calling the listener; the subscribing thread runs the replay, then the held
 * events in order, and only then lets later emits call the listener themselves.
 *
 * @param <E> the event's record type
 */
final class ReplayGate<E extends Record> {

  private final ArrayDeque<E> held = new ArrayDeque<>();
  private boolean holding = true;

  /**
   * Keeps {@code event} for after the replay, if the replay has not finished.
   *
   * @return whether the event is kept; if not, the caller delivers it
   */
  synchronized boolean hold(E event) {
    if (holding) {
      held.add(event);
    }
    return holding;
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
    }
    return next;
  }
}
