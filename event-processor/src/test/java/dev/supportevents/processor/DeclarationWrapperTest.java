package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Type declarations of generated code wrapped at 100 columns, before their supertypes. */
class DeclarationWrapperTest {

  @Test
  void breaksALongDeclarationBeforeImplements() {
    String hub = "public final class SupportEvents extends SupportEventsPart12 implements"
        + " SupportEventEmitter, AutoCloseable {";
    assertEquals("public final class SupportEvents extends SupportEventsPart12\n"
        + "    implements SupportEventEmitter, AutoCloseable {", DeclarationWrapper.wrap(hub));
  }

  @Test
  void breaksBeforeExtendsTooWhenTheFirstLineIsStillTooLong() {
    String nested = "  private static final class AVeryLongNameForANestedClassThatGoesOnAndOn"
        + " extends SomeRatherLongSuperclassName implements Runnable {";
    assertEquals("  private static final class AVeryLongNameForANestedClassThatGoesOnAndOn\n"
        + "      extends SomeRatherLongSuperclassName\n"
        + "      implements Runnable {", DeclarationWrapper.wrap(nested));
  }

  @Test
  void breaksALongFieldDeclarationBeforeItsName() {
    String field = "  private final dev.supportevents.runtime.internal.Listeners<Listeners.ConsumerURLEvent>"
        + " consumerURLListeners;";
    assertEquals("  private final dev.supportevents.runtime.internal.Listeners<Listeners.ConsumerURLEvent>\n"
        + "      consumerURLListeners;", DeclarationWrapper.wrap(field));
  }

  @Test
  void leavesShortDeclarationsCommentsAndCodeAlone() {
    String source = "public final class SupportEvents implements SupportEventEmitter, AutoCloseable {\n"
        + "   * A comment that names a class SupportEvents extends SupportEventsPart2 implements"
        + " SupportEventEmitter {\n"
        + "    return this.delivery.subscribe(listener, executor, registration -> listen(registration,"
        + " type, listener));";
    assertEquals(source, DeclarationWrapper.wrap(source));
  }
}
