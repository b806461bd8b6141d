package dev.supportevents.runtime.internal;

/**
 * The mutable fields of a {@link Mailbox}, grouped by the threads that write them, each group on
 * cache lines of its own. Emitting threads write the put side with every event, the task that
 * delivers writes the take side with every event it takes, and the token changes hands only when a
 * task starts or ends. On shared lines, every event would move a line from one core to the other
 * and back.
 *
 * <p>The JVM lays out a superclass's fields before its subclass's, so each group is a class and
 * each class between two groups holds 128 bytes of unused {@code long}s: two cache lines, as
 * processors fetch lines in pairs. {@link Mailbox} extends the last, so its own fields, which never
 * change, come after the take side's padding.
 */
final class MailboxLayout {

  private MailboxLayout() {}

  /** First, so that the token fills the gap after the object's header. */
  abstract static class Token {

    /** {@code IDLE}, or {@code SCHEDULED} while one task of the executor holds the mailbox. */
    volatile int scheduled;
  }

  abstract static class AfterToken extends Token {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  }

  /** Written by emitting threads, under the put lock. */
  abstract static class PutSide extends AfterToken {

    /** 1 while a producer appends; guards this side and the tail's slots. */
    int putLock;

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

    /**
     * Two slots per element, element {@code n} at {@code n & (length - 1)}; replaced under both.
     */
    Object[] ring = new Object[0];
  }

  abstract static class AfterPutSide extends PutSide {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  }

  /** Written by the holder of the token, under the take lock. */
  abstract static class TakeSide extends AfterPutSide {

    /** 1 while a thread takes elements from the head; guards this side and the head's slots. */
    int takeLock;

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
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  }
}
