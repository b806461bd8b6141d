package dev.supportevents.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated catalogs, compared character for character with the golden files under {@code
 * src/test/resources/golden}.
 *
 * <p>When the generated code changes on purpose, regenerate the golden files with {@code mvn -pl
 * event-processor -am verify -Dgolden.update=true}: every golden check then rewrites its file and
 * fails, so that run cannot pass. Review the diff of the golden files, then run the build again
 * without the property.
 */
class GoldenOutputTest {

  @ParameterizedTest
  @MethodSource("dev.supportevents.processor.TestCompiler#generatedTypes")
  void exampleCatalogMatchesGolden(String type) {
    Compilation example = compileExample();
    assertThat(example).succeededWithoutWarnings();
    String path = ExampleSources.PACKAGE.replace('.', '/') + "/" + type + ".java";
    GoldenFiles.check(path, TestCompiler.generated(example, ExampleSources.PACKAGE + "." + type));
  }

  @Test
  void exampleTrackingPlanMatchesGolden() {
    Compilation example = compileExample();
    assertThat(example).succeededWithoutWarnings();
    GoldenFiles.check(
        "META-INF/support-events/dev.supportevents.example.schema.json",
        TrackingPlans.of(example, ExampleSources.PACKAGE));
  }

  @Test
  void exampleTypeScriptDeclarationsMatchGolden() {
    Compilation example = compileExample();
    assertThat(example).succeededWithoutWarnings();
    GoldenFiles.check(
        "META-INF/support-events/dev.supportevents.example.d.ts",
        TrackingPlans.typeScriptOf(example, ExampleSources.PACKAGE));
  }

  /** Every kind of component, as the emit methods declare it: annotations kept, overloads added. */
  @Test
  void componentKindsEmitterMatchesGolden() {
    Compilation kinds = compileKinds();
    assertThat(kinds).succeededWithoutWarnings();
    GoldenFiles.check(
        "com/acme/kinds/SupportEventEmitter.java",
        TestCompiler.generated(kinds, "com.acme.kinds.SupportEventEmitter"));
  }

  /** Every kind of component as the tracking plan describes it, as Jackson writes it. */
  @Test
  void componentKindsTrackingPlanMatchesGolden() {
    Compilation kinds = compileKinds();
    assertThat(kinds).succeededWithoutWarnings();
    GoldenFiles.check(
        "META-INF/support-events/com.acme.kinds.schema.json",
        TrackingPlans.of(kinds, "com.acme.kinds"));
  }

  /** Every kind of component as the TypeScript declarations type it. */
  @Test
  void componentKindsTypeScriptDeclarationsMatchGolden() {
    Compilation kinds = compileKinds();
    assertThat(kinds).succeededWithoutWarnings();
    GoldenFiles.check(
        "META-INF/support-events/com.acme.kinds.d.ts",
        TrackingPlans.typeScriptOf(kinds, "com.acme.kinds"));
  }

  /**
   * Each test compiles its own catalog: PIT runs a mutant only against the tests that ran its code,
   * and it credits a compilation shared in {@code @BeforeAll} to one test alone.
   */
  static Compilation compileExample() {
    return TestCompiler.compile(List.of(new SupportEventProcessor()), ExampleSources.all());
  }

  static Compilation compileKinds() {
    return TestCompiler.compile(
        source(
            "com.acme.kinds.Payload",
            """
            package com.acme.kinds;

            public record Payload(String id) {
              public record Part(int index) {}
            }
            """),
        source(
            "com.acme.kinds.EverythingEvent",
            """
            package com.acme.kinds;

            import dev.supportevents.annotations.SupportEvent;
            import java.time.Instant;
            import java.util.List;
            import java.util.Map;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record EverythingEvent(
                int count, long[] totals, byte[][] grid, List<Map<String, Integer>> nested,
                List<@Nullable String> nullableItems, String @Nullable [] nullableArray,
                List<? extends Number> upper, Comparable<? super Integer> lower, List<?> any,
                Map.@Nullable Entry<String, ?> entry, Instant at, Payload payload,
                Payload.Part part, Thread.State state, @Nullable Object note,
                @Nullable List<@Nullable Integer> scores) {}
            """),
        source(
            "com.acme.kinds.TaggedEvent",
            """
            package com.acme.kinds;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent("tagged:v1")
            public record TaggedEvent(String name, String... tags) {}
            """),
        source(
            "com.acme.kinds.Tree",
            """
            package com.acme.kinds;

            public record Tree(String label, java.util.List<Tree> children) {}
            """),
        source(
            "com.acme.kinds.ValuesEvent",
            """
            package com.acme.kinds;

            import dev.supportevents.annotations.SupportEvent;
            import java.math.BigDecimal;
            import java.math.BigInteger;
            import java.net.URI;
            import java.time.Duration;
            import java.time.LocalDate;
            import java.util.Optional;
            import java.util.OptionalInt;
            import java.util.Set;
            import java.util.SortedMap;
            import java.util.UUID;

            @SupportEvent
            public record ValuesEvent(
                boolean flag, char initial, Character boxedInitial, double ratio, Long boxedCount,
                BigDecimal amount, BigInteger big, UUID id, URI link, LocalDate day, Duration took,
                Optional<String> maybe, OptionalInt maybeCount, Set<Thread.State> states,
                SortedMap<String, Payload> byName, IllegalStateException failure, Tree tree,
                char[] letters, CharSequence text) {}
            """));
  }
}
