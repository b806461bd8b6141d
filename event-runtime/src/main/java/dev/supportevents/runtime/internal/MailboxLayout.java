package dev.supportevents.runtime.internal;

/**
 * The mutable fields of a {@link Mailbox}, grouped by the threads that write them, each group on
 * cache lines of its own. Emitting threads write the put side with every event, and the task that
 * delivers writes the take side with every event it takes; the locks and the token are in an array
 * of their own, laid out the same way. On shared lines, every event would move a line from one core
 * to the other and back.
 *
 * <p>The JVM lays out a superclass's fields before its subclass's, so each group is a class and
 * each class between two groups holds 128 bytes of unused {@code int}s, which leave no gap for
 * another field to fill: two cache lines, as processors fetch lines in pairs. {@link Mailbox}
 * extends the last, so its own fields, which never change, come after the take side's padding.
 */
final class MailboxLayout {

  private MailboxLayout() {}

  /** Read by both sides and replaced under both locks. */
  abstract static class Ring {

    /** Two slots per element, element {@code n} at {@code n & (length - 1)}. */
    Object[] ring = new Object[0];
  }

  abstract static class AfterRing extends Ring {
    int p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    int p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31;
  }

  /** Written by emitting threads, under the put lock, which also guards the tail's slots. */
  abstract static class PutSide extends AfterRing {

    /**
     * Elements ever appended, fences included, counted modulo 2<sup>32</sup>; read by takers to
     * know what they may take.
     */
    volatile int tail;

    /** Events ever appended, fences not counted. */
    int eventsIn;

    /**
     * The take side's {@code head} and {@code eventsOut} as last read by a producer, never ahead of
     * them: a producer reads the take side again only when these say the ring is full.
     */
    int headSeen;

    int eventsOutSeen;
  }

  abstract static class AfterPutSide extends PutSide {
    int p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    int p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31;
  }

  /**
   * Written by the holder of the token, under the take lock, which also guards the head's slots.
   */
  abstract static class TakeSide extends AfterPutSide {

    /** Elements ever taken out, counted as {@code tail}. */
    volatile int head;

    /** Events ever taken out or dropped, fences not counted; written after {@link #head}. */
    volatile int eventsOut;

    /**
     * Events taken out and not yet handed to their listener, for {@code queued()}: read racily, as
     * a count that another thread may see late.
     */
    int takenLeft;
  }

  abstract static class AfterTakeSide extends TakeSide {
    int p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    int p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31;
  }
}
