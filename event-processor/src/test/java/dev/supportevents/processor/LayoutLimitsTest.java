package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The limits that decide a catalog's layout, and the one rule between them. */
class LayoutLimitsTest {

  @Test
  void productionLimitsAreTheDocumentedSizes() {
    assertEquals(new LayoutLimits(1_792, 256, 16), LayoutLimits.PRODUCTION);
  }

  /**
   * A part is a whole number of switches: the hub routes an event by its ordinal divided by the
   * switch's size, to a route that one part declares.
   */
  @Test
  void rejectsAPartThatIsNotAWholeNumberOfSwitches() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> new LayoutLimits(3, 2, 2));
    assertEquals(
        "A part of 3 events is not a whole number of switches of 2 events", thrown.getMessage());
  }

  @Test
  void rejectsANegativeComparedCatalog() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> new LayoutLimits(4, 2, -1));
    assertEquals("The largest compared catalog is negative: -1", thrown.getMessage());
  }
}
