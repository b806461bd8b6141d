package dev.supportevents.runtime.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.supportevents.runtime.internal.RaceHub.Mode;
import dev.supportevents.runtime.internal.TestEvents.Ping;
import dev.supportevents.runtime.internal.TestEvents.Pong;
import dev.supportevents.runtime.internal.TestEvents.Type;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads emit into one hub at once, and a listener of each event emits a nested one. The hub
 * remembers the delivering state of the thread that emitted last in a field that both threads read
 * and write without a lock; each thread must still find its own state: its nested event waits until
 * its current event reached every listener, and is delivered on that thread, exactly once.
 *
 * <p>Outcome, for each emitting thread (1 and 2): 1 if its nested event came once, after its
 * event's last listener, on that thread, else 0; and the number of nested events delivered in all.
 * {@code -1, -1, -1}: a delivery failed or did not finish.
 */
@Outcome(
    id = "1, 1, 2",
    expect = ACCEPTABLE,
    desc = "Each thread's nested event waited for its current event, on that thread.")
@Outcome(
    id = ".*",
    expect = FORBIDDEN,
    desc = "A nested event came early, on the other thread, twice or not at all.")
@JCStressTest
@State
public class NestedEmitPerThread {

  private final RaceHub hub = new RaceHub(Mode.SYNCHRONOUS);
  private final Listeners<Ping> pings = hub.delivery.listeners(Type.PING);
  private final Listeners<Pong> pongs = hub.delivery.listeners(Type.PONG);

  /** Written and read by the emitting thread of each number only: its own delivery. */
  private final Thread[] emitters = new Thread[3];

  private final boolean[] lastListenerRan = new boolean[3];
  private final int[] nestedInOrder = new int[3];
  private final int[] nested = new int[3];

  public NestedEmitPerThread() {
    hub.subscribe(pings, ping -> pongs.deliver(new Pong(String.valueOf(ping.number()))));
    hub.subscribe(pings, ping -> lastListenerRan[ping.number()] = true);
    hub.subscribe(
        pongs,
        pong -> {
          int number = Integer.parseInt(pong.text());
          nested[number]++;
          if (lastListenerRan[number] && emitters[number] == Thread.currentThread()) {
            nestedInOrder[number]++;
          }
        });
  }

  private void emit(int number) {
    emitters[number] = Thread.currentThread();
    pings.deliver(new Ping(number));
  }

  @Actor
  public void first() {
    emit(1);
  }

  @Actor
  public void second() {
    emit(2);
  }

  @Arbiter
  public void arbiter(III_Result result) {
    if (!hub.settled()) {
      RaceHub.recordUnsettled(result);
      return;
    }
    result.r1 = nested[1] == 1 ? nestedInOrder[1] : 0;
    result.r2 = nested[2] == 1 ? nestedInOrder[2] : 0;
    result.r3 = nested[1] + nested[2];
  }
}
