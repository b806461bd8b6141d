package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Type declarations of generated code wrapped at 100 columns, before their supertypes. */
class DeclarationWrapperTest {

  @Test
  void breaksALongDeclarationBeforeImplements() {
    String hub =
        "public final class SupportEvents extends SupportEventsPart12 implements"
            + " SupportEventEmitter, AutoCloseable {";
    assertEquals(
        "public final class SupportEvents extends SupportEventsPart12\n"
            + "    implements SupportEventEmitter, AutoCloseable {",
        DeclarationWrapper.wrap(hub));
  }

  @Test
  void breaksBeforeExtendsTooWhenTheFirstLineIsStillTooLong() {
    String nested =
        "  private static final class AVeryLongNameForANestedClassThatGoesOnAndOn"
            + " extends SomeRatherLongSuperclassName implements Runnable {";
    assertEquals(
        "  private static final class AVeryLongNameForANestedClassThatGoesOnAndOn\n"
            + "      extends SomeRatherLongSuperclassName\n"
            + "      implements Runnable {",
        DeclarationWrapper.wrap(nested));
  }

  @Test
  void breaksALongFieldDeclarationBeforeItsName() {
    String field =
        "  private final dev.supportevents.runtime.internal.Listeners<Listeners.ConsumerURLEvent>"
            + " consumerURLListeners;";
    assertEquals(
        "  private final dev.supportevents.runtime.internal.Listeners<Listeners.ConsumerURLEvent>\n"
            + "      consumerURLListeners;",
        DeclarationWrapper.wrap(field));
  }

  /** JavaPoet puts each parameter of a long signature on a line; one may still be too long. */
  @Test
  void breaksALongParameterBeforeItsName() {
    String builder =
        "    public Builder unhandledEvents(\n"
            + "        BiConsumer<? super SupportEventType, ? super StartLatestSupportEventsEvent>"
            + " unhandledEvents) {";
    assertEquals(
        "    public Builder unhandledEvents(\n"
            + "        BiConsumer<? super SupportEventType, ? super StartLatestSupportEventsEvent>\n"
            + "            unhandledEvents) {",
        DeclarationWrapper.wrap(builder));
    String listener =
        "java.util.function.BiConsumer<? super SupportEventType,"
            + " ? super CustomerSupportWidgetEvent>";
    assertEquals(
        "      " + listener + "\n" + "          listener,\n" + "      Executor executor);",
        DeclarationWrapper.wrap("      " + listener + " listener,\n      Executor executor);"));
  }

  @Test
  void leavesShortDeclarationsCommentsAndCodeAlone() {
    String source =
        "public final class SupportEvents implements SupportEventEmitter, AutoCloseable {\n"
            + "   * A comment that names a class SupportEvents extends SupportEventsPart2 implements"
            + " SupportEventEmitter {\n"
            + "    return this.delivery.subscribe(listener, executor, registration -> listen(registration,"
            + " type, listener));\n"
            + "      this.delivery.unhandledEvents((type, event) -> unhandledEvents.accept(type,"
            + " event), listener);\n"
            + "     * Tells the listener of every event emitted while no listener of its type is"
            + " here, the dead ones,";
    assertEquals(source, DeclarationWrapper.wrap(source));
  }
}
