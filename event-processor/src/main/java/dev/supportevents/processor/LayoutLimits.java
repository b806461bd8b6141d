package dev.supportevents.processor;

/**
 * The sizes that decide how a catalog's generated types are laid out in class files: when it is
 * written in parts, how many events a part and a {@code switch} hold, and when {@code forClass}
 * looks classes up in a map. {@link #PRODUCTION} is what users get; tests give small ones, so that
 * a catalog of a few events shows every shape of the layout.
 *
 * @param largestPart the most events one generated class file holds, a multiple of {@code
 *     largestSwitch}, so that a part's routes are whole
 * @param largestSwitch the most events one {@code switch} of {@code emit} routes
 * @param largestComparedCatalog the largest catalog whose {@code forClass} compares the class with
 *     each event class in turn
 */
record LayoutLimits(int largestPart, int largestSwitch, int largestComparedCatalog) {

  /**
   * The most events one generated class file holds. The hub names about 26 entries of its class
   * file's constant pool per event, of at most 65,535, and up to 32 when each event has components
   * of its own types, generic ones, and is kept for replay: 2,048 such events overflow the pool,
   * 1,792 fill 88% of it ({@link ClassFileBudget} checks each catalog's own). An enum creates every
   * constant in one static initializer of at most 64 KB of bytecode, about 22 bytes a constant. A
   * larger catalog is written in parts of this many events: its {@code SupportEventType} is a class
   * with the enum's members whose constants come from {@code SupportEventTypeConstants1}, 2, ...,
   * and the hub extends {@code SupportEventsPart1}, 2, ..., each holding the listeners and methods
   * of one part.
   */
  static final int LARGEST_PART = 1_792;

  /**
   * The most events one {@code switch} of {@code emit(Record)} routes. HotSpot does not compile a
   * method of more than 8,000 bytes of bytecode, which a switch passes at about 440 events, and an
   * interpreted {@code emit(Record)} is many times slower than a compiled one. Larger catalogs
   * route through one method per this many events.
   */
  static final int LARGEST_SWITCH = 256;

  /**
   * The largest catalog whose {@code forClass} compares the class with each event class in turn:
   * the comparisons are faster than a lookup in an {@code IdentityHashMap} up to about 16 classes,
   * the map beyond.
   */
  static final int LARGEST_COMPARED_CATALOG = 16;

  /** The limits of every user's build. */
  static final LayoutLimits PRODUCTION =
      new LayoutLimits(LARGEST_PART, LARGEST_SWITCH, LARGEST_COMPARED_CATALOG);

  LayoutLimits {
    if (largestSwitch < 1 || largestPart < largestSwitch || largestPart % largestSwitch != 0) {
      throw new IllegalArgumentException(
          "A part of "
              + largestPart
              + " events is not a whole number of switches of "
              + largestSwitch
              + " events");
    }
    if (largestComparedCatalog < 0) {
      throw new IllegalArgumentException(
          "The largest compared catalog is negative: " + largestComparedCatalog);
    }
  }
}
