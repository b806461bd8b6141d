package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed union of more records than a part holds, a catalog in parts within {@link
 * CatalogInPartsTest#SMALL} limits: the union is still the type of "any event" wherever the
 * generated API takes one, in the hub's parts too, so a foreign record is a compile error, and
 * every event is delivered in order.
 */
class UnionInPartsTest {

  private static final int SIZE = CatalogInPartsTest.SMALL_CATALOG;

  /**
   * Listens to the first event, the last of the first part and the last, the only one of the second
   * part, and to every event in order. Uses the union's type where the API takes any event: {@code
   * Consumer<Step>} and {@code BiConsumer<SupportEventType, Step>} are listeners, {@code
   * eventClass()} creates a {@code Step} and {@code forClass} takes its class, none of which
   * compiles where the API says {@code Record}.
   */
  private static final String SCENARIO =
      """
      package com.acme.many;

      import dev.supportevents.runtime.Subscription;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.BiConsumer;
      import java.util.function.Consumer;
      import java.util.function.Supplier;

      public final class Scenario implements Supplier<List<String>> {
        private final List<String> log = new ArrayList<>();
        private int delivered;

        @Override
        public List<String> get() {
          SupportEventType[] types = SupportEventType.values();
          SupportEvents hub = SupportEvents.builder()
              .callbacks(new SupportEventCallbacks() {
                @Override
                public void onStep%1$s(Step.Step%1$sEvent event) {
                  log.add("callbacks " + event);
                }
              })
              .build();
          Consumer<Step> byType = event -> log.add("by type " + event);
          hub.subscribe(SupportEventType.STEP%1$s, byType);
          hub.subscribe(Step.Step00000Event.class, event -> log.add("by class " + event));
          hub.onStep%2$s(event -> log.add("typed " + event));
          BiConsumer<SupportEventType, Step> inOrder = (type, event) -> {
            if (type.ordinal() != delivered++ || SupportEventType.of(event) != type
                || SupportEventType.forClass(event.getClass()) != type
                || type.eventClass() != event.getClass()) {
              log.add("out of order: " + type + " " + event);
            }
          };
          Subscription all = hub.subscribeAll(inOrder);
          for (SupportEventType type : types) {
            hub.emit(newEvent(type));
          }
          all.close();
          log.add("subscribeAll received " + delivered + " of " + types.length);
          hub.emitStep%1$s(-1);
          log.add("latest " + hub.latestStep%1$s().orElseThrow());
          hub.close();
          return log;
        }

        private static Step newEvent(SupportEventType type) {
          try {
            return type.eventClass().getDeclaredConstructor(int.class).newInstance(type.ordinal());
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
      }
      """;

  /** Passes a foreign record, or a listener of one, wherever the API takes any event. */
  private static final JavaFileObject CALLER =
      source(
          "com.acme.many.Caller",
          """
      package com.acme.many;

      import java.util.function.BiConsumer;
      import java.util.function.Consumer;

      public final class Caller {
        public record Foreign(int attempt) {}

        static void call(SupportEvents events, Consumer<Foreign> onForeign,
            BiConsumer<SupportEventType, Foreign> onEveryForeign) {
          events.emit(new Foreign(1));
          events.subscribe(SupportEventType.STEP00000, onForeign);
          events.subscribeAll(onEveryForeign);
          SupportEventType.of(new Foreign(2));
          SupportEventType.forClass(Foreign.class);
        }
      }
      """);

  private static final JavaFileObject USAGE =
      source(
          "com.acme.app.Usage",
          """
      package com.acme.app;

      import com.acme.many.Step;
      import com.acme.many.SupportEventType;
      import com.acme.many.SupportEvents;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Supplier;

      public final class Usage implements Supplier<List<String>> {
        @Override
        public List<String> get() {
          List<String> log = new ArrayList<>();
          SupportEventType first = SupportEventType.STEP00000;
          SupportEventType last = SupportEventType.STEP%1$s;
          try (SupportEvents hub = SupportEvents.create()) {
            hub.subscribe(last, event -> log.add("by type " + event));
            hub.subscribeAll((type, event) -> log.add(type + " " + type.ordinal() + " " + event));
            hub.emit(new Step.Step00000Event(1));
            hub.emitStep%1$s(2);
          }
          log.add(first + " before " + last + ": " + (first.compareTo(last) < 0));
          return log;
        }
      }
      """
              .formatted(step(SIZE - 1)));

  @TempDir static Path temp;

  private static Compilation compilation;

  @BeforeAll
  static void compileTheUnion() {
    compilation =
        TestCompiler.compile(
            List.of(new SupportEventProcessor(CatalogInPartsTest.SMALL)),
            List.of(
                union(),
                source(
                    "com.acme.many.Scenario", SCENARIO.formatted(step(SIZE - 1), step(SIZE - 2)))));
  }

  @Test
  void compilesCleanlyInPartsAndDeliversEveryEventInOrder() {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.many.SupportEventType"))
        .contains("public final class SupportEventType");
    assertThat(generated(compilation, "com.acme.many.SupportEventsPart2"))
        .contains("public abstract class SupportEventsPart2 extends SupportEventsPart1");

    List<String> log =
        Libraries.run(
            "com.acme.many.Scenario", Libraries.writeClasses(compilation, temp.resolve("union")));

    String last = "Step" + step(SIZE - 1) + "Event";
    assertThat(log)
        .containsExactly(
            "by class Step00000Event[attempt=0]",
            "typed Step" + step(SIZE - 2) + "Event[attempt=" + (SIZE - 2) + "]",
            "callbacks " + last + "[attempt=" + (SIZE - 1) + "]",
            "by type " + last + "[attempt=" + (SIZE - 1) + "]",
            "subscribeAll received " + SIZE + " of " + SIZE,
            "callbacks " + last + "[attempt=-1]",
            "by type " + last + "[attempt=-1]",
            "latest " + last + "[attempt=-1]")
        .inOrder();
  }

  /**
   * The union's point, in parts too: javac rejects a record of no catalog, before anything runs.
   */
  @Test
  void aForeignRecordIsACompileErrorWhereverTheApiTakesAnEvent() {
    Path classes = Libraries.writeClasses(compilation, temp.resolve("library"));

    Compilation caller = Libraries.compile(List.of(classes), CALLER);

    assertThat(caller).hadErrorCount(5);
    String foreign = "com.acme.many.Caller.Foreign";
    String step = "com.acme.many.Step";
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(
        "events.emit(", "incompatible types: " + foreign + " cannot be converted to " + step);
    // subscribe is overloaded: "no suitable method found", then why each one does not apply.
    errors.put(
        "events.subscribe(",
        "java.util.function.Consumer<"
            + foreign
            + "> cannot be"
            + " converted to java.util.function.Consumer<? super "
            + step
            + ">");
    errors.put(
        "events.subscribeAll(",
        "incompatible types: java.util.function.BiConsumer<"
            + "com.acme.many.SupportEventType,"
            + foreign
            + "> cannot be converted to"
            + " java.util.function.BiConsumer<? super com.acme.many.SupportEventType,? super "
            + step
            + ">");
    errors.put(
        "SupportEventType.of(",
        "incompatible types: " + foreign + " cannot be converted" + " to " + step);
    errors.put(
        "SupportEventType.forClass(",
        "incompatible types: java.lang.Class<"
            + foreign
            + "> cannot be converted to java.lang.Class<? extends "
            + step
            + ">");
    errors.forEach(
        (call, error) ->
            assertThat(caller).hadErrorContaining(error).inFile(CALLER).onLineContaining(call));
  }

  /**
   * Users' code lives in other packages, which cannot name the package-private interfaces that
   * declare the constants: it names them through {@code SupportEventType}, and its class files find
   * them at run time.
   */
  @Test
  void anotherPackageNamesTheConstantsThroughTheEventType() {
    Path classes = Libraries.writeClasses(compilation, temp.resolve("used"));
    Compilation usage = Libraries.compile(List.of(classes), USAGE);
    assertThat(usage).succeededWithoutWarnings();

    List<String> log =
        Libraries.run(
            "com.acme.app.Usage", classes, Libraries.writeClasses(usage, temp.resolve("usage")));

    String last = "STEP" + step(SIZE - 1);
    assertThat(log)
        .containsExactly(
            "STEP00000 0 Step00000Event[attempt=1]",
            "by type Step" + step(SIZE - 1) + "Event[attempt=2]",
            last + " " + (SIZE - 1) + " Step" + step(SIZE - 1) + "Event[attempt=2]",
            "STEP00000 before " + last + ": true")
        .inOrder();
  }

  /** {@code Step}, a union of {@link #SIZE} nested records, the last kept for replay. */
  private static JavaFileObject union() {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < SIZE; i++) {
      records.append(
          "  %srecord Step%sEvent(int attempt) implements Step {}\n"
              .formatted(i == SIZE - 1 ? "@SupportEvent(replayLatest = true) " : "", step(i)));
    }
    return source(
        "com.acme.many.Step",
        """
        package com.acme.many;

        import dev.supportevents.annotations.SupportEvent;

        @SupportEvent
        public sealed interface Step {
        %s}
        """
            .formatted(records));
  }

  private static String step(int ordinal) {
    return "%05d".formatted(ordinal);
  }
}
