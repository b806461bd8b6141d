package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finding an event's type and listeners by its class, in catalogs on both sides of {@link
 * LayoutLimits#LARGEST_COMPARED_CATALOG}, where small ones compare the class with each event class
 * and larger ones look it up in a map, and of {@link LayoutLimits#LARGEST_SWITCH}, past which
 * {@code emit(Record)} splits its switch: every shape answers the same.
 */
class EventLookupTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      ints = {
        1,
        LayoutLimits.LARGEST_COMPARED_CATALOG,
        LayoutLimits.LARGEST_COMPARED_CATALOG + 1,
        100,
        2 * LayoutLimits.LARGEST_SWITCH + 1
      })
  void findsTheTypeOfEveryEventAndRejectsOthers(int size) {
    Compilation compilation = compileCatalog(size);
    assertThat(compilation).succeededWithoutWarnings();

    List<String> log =
        Libraries.run("com.acme.many.Lookups", Libraries.writeClasses(compilation, temp));

    List<String> expected = new ArrayList<>();
    StringJoiner events = new StringJoiner(", ");
    for (int i = 0; i < size; i++) {
      String constant = "STEP%03d".formatted(i);
      expected.add(constant + " " + constant);
      expected.add("%s Step%03dEvent[attempt=%d]".formatted(constant, i, i));
      events.add("Step%03dEvent (step%03d)".formatted(i, i));
    }
    expected.add(
        "NullPointerException: The event is null; expected an event of com.acme.many: " + events);
    expected.add(
        "NullPointerException: The event class is null; expected an event of"
            + " com.acme.many: "
            + events);
    String notAnEvent =
        "IllegalArgumentException: com.acme.many.Lookups$Other is not an event of"
            + " com.acme.many; its events are: "
            + events;
    expected.add(notAnEvent);
    expected.add(notAnEvent);
    assertThat(log).containsExactlyElementsIn(expected).inOrder();
  }

  @ParameterizedTest
  @ValueSource(
      ints = {LayoutLimits.LARGEST_COMPARED_CATALOG, LayoutLimits.LARGEST_COMPARED_CATALOG + 1})
  void comparesClassesUpToTheLimitAndLooksThemUpBeyondIt(int size) {
    Compilation compilation = compileCatalog(size);
    assertThat(compilation).succeededWithoutWarnings();
    String type = generated(compilation, "com.acme.many.SupportEventType");

    boolean compares = size <= LayoutLimits.LARGEST_COMPARED_CATALOG;
    assertThat(type.contains("if (eventClass == Step000Event.class) {")).isEqualTo(compares);
    assertThat(type.contains("byClass = index(SupportEventType::eventClass,")).isEqualTo(!compares);
  }

  @ParameterizedTest
  @ValueSource(ints = {LayoutLimits.LARGEST_SWITCH, LayoutLimits.LARGEST_SWITCH + 1})
  void emitsThroughOneSwitchUpToTheLimitAndThroughRoutesBeyondIt(int size) {
    Compilation compilation = compileCatalog(size);
    assertThat(compilation).succeededWithoutWarnings();
    String hub = generated(compilation, "com.acme.many.SupportEvents");

    if (size <= LayoutLimits.LARGEST_SWITCH) {
      assertThat(hub)
          .contains(
              "  public void emit(Record event) {\n"
                  + "    switch (SupportEventType.of(event)) {\n"
                  + "      case STEP000 -> this.step000Listeners.deliver((Step000Event) event);\n");
      assertThat(hub).doesNotContain("private void route");
    } else {
      String last = "Step%03d".formatted(size - 1);
      assertThat(hub)
          .contains(
              "  public void emit(Record event) {\n"
                  + "    SupportEventType type = SupportEventType.of(event);\n"
                  + "    switch (type.ordinal() / 256) {\n"
                  + "      case 0 -> routeStep000ToStep255(type, event);\n"
                  + "      case 1 -> routeStep256To"
                  + last
                  + "(type, event);\n"
                  + "    }\n"
                  + "  }\n");
      assertThat(hub)
          .contains(
              "  private void routeStep000ToStep255(SupportEventType type,"
                  + " Record event) {\n"
                  + "    switch (type) {\n"
                  + "      case STEP000 -> this.step000Listeners.deliver((Step000Event) event);\n");
      assertThat(hub)
          .contains(
              "      case STEP255 -> this.step255Listeners.deliver((Step255Event)"
                  + " event);\n    }\n  }\n\n  private void routeStep256To"
                  + last);
    }
  }

  /**
   * The same lookups in a union's catalog, past both limits: the map of classes and the routes take
   * the union, and every event answers as in a catalog without one.
   */
  @ParameterizedTest
  @ValueSource(
      ints = {LayoutLimits.LARGEST_COMPARED_CATALOG + 1, 2 * LayoutLimits.LARGEST_SWITCH + 1})
  void findsTheTypeOfEveryEventOfALargeUnion(int size) {
    StringBuilder records = new StringBuilder();
    StringBuilder emits = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String name = "Step%03dEvent".formatted(i);
      records.append("  record %s(int attempt) implements Step {}\n".formatted(name));
      emits.append("    check(new Step.%s(%d));\n".formatted(name, i));
      String constant = "STEP%03d".formatted(i);
      expected.add(constant + " " + constant);
      expected.add("%s %s[attempt=%d]".formatted(constant, name, i));
    }
    Compilation compilation =
        Libraries.compile(
            List.of(),
            source(
                "com.acme.many.Step",
                """
            package com.acme.many;

            @dev.supportevents.annotations.SupportEvent
            public sealed interface Step {
            %s}
            """
                    .formatted(records)),
            source(
                "com.acme.many.Lookups",
                """
            package com.acme.many;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Supplier;

            public final class Lookups implements Supplier<List<String>> {
              private final List<String> log = new ArrayList<>();
              private final SupportEvents hub = SupportEvents.create();

              @Override
              public List<String> get() {
                hub.subscribeAll((type, event) -> log.add(type + " " + event));
            %s
                return log;
              }

              private void check(Step event) {
                log.add(SupportEventType.of(event) + " "
                    + SupportEventType.forClass(event.getClass()));
                hub.emit(event);
              }
            }
            """
                    .formatted(emits)));
    assertThat(compilation).succeededWithoutWarnings();

    List<String> log =
        Libraries.run("com.acme.many.Lookups", Libraries.writeClasses(compilation, temp));
    assertThat(log).containsExactlyElementsIn(expected).inOrder();
  }

  /**
   * {@code size} events and a scenario that, for each event, logs the types {@code of} and {@code
   * forClass} find and the type {@code emit(Record)} delivers with, then the failures for a null
   * and for a record of no catalog.
   */
  private static Compilation compileCatalog(int size) {
    List<JavaFileObject> sources = new ArrayList<>();
    StringBuilder emits = new StringBuilder();
    for (int i = 0; i < size; i++) {
      String name = "Step%03dEvent".formatted(i);
      sources.add(
          source(
              "com.acme.many." + name,
              """
          package com.acme.many;

          @dev.supportevents.annotations.SupportEvent
          public record %s(int attempt) {}
          """
                  .formatted(name)));
      emits.append("    check(new %s(%d));\n".formatted(name, i));
    }
    sources.add(
        source(
            "com.acme.many.Lookups",
            """
        package com.acme.many;

        import java.util.ArrayList;
        import java.util.List;
        import java.util.function.Supplier;

        public final class Lookups implements Supplier<List<String>> {
          private final List<String> log = new ArrayList<>();
          private final SupportEvents hub = SupportEvents.create();

          record Other() {}

          @Override
          public List<String> get() {
            hub.subscribeAll((type, event) -> log.add(type + " " + event));
        %s
            fail(() -> SupportEventType.of(null));
            fail(() -> SupportEventType.forClass(null));
            fail(() -> SupportEventType.of(new Other()));
            fail(() -> hub.emit(new Other()));
            return log;
          }

          private void check(Record event) {
            log.add(SupportEventType.of(event) + " " + SupportEventType.forClass(event.getClass()));
            hub.emit(event);
          }

          private void fail(Runnable call) {
            try {
              call.run();
              log.add("no failure");
            } catch (RuntimeException e) {
              log.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
          }
        }
        """
                .formatted(emits)));
    return Libraries.compile(List.of(), sources.toArray(JavaFileObject[]::new));
  }
}
