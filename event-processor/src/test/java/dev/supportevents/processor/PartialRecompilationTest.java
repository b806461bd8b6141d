package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiling again only some sources of a package, with the earlier output on the class path, as
 * IDEs and builds without incremental compilation do: the catalog keeps every event.
 */
class PartialRecompilationTest {

  private static final JavaFileObject ALPHA =
      source(
          "com.acme.partial.AlphaEvent",
          """
      package com.acme.partial;

      @dev.supportevents.annotations.SupportEvent
      public record AlphaEvent(String conversationId) {
        /** A nested event, found in the class file of its outer record. */
        @dev.supportevents.annotations.SupportEvent
        public record DeltaEvent(String note) {}
      }
      """);

  private static final JavaFileObject BETA =
      source(
          "com.acme.partial.BetaEvent",
          """
      package com.acme.partial;

      @dev.supportevents.annotations.SupportEvent("beta.v2")
      public record BetaEvent(String conversationId, int count) {
        /** A nested event, compiled again with its outer record. */
        @dev.supportevents.annotations.SupportEvent
        public record GammaEvent(long at) {}
      }
      """);

  @TempDir Path earlier;

  @Test
  void keepsTheEventsOfClassFilesWhenOneEventIsCompiledAgain() {
    Compilation full = Libraries.compile(List.of(), ALPHA, BETA);
    Libraries.writeClasses(full, earlier);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());

    Compilation partial = Libraries.compile(processor, List.of(earlier), BETA);

    assertThat(partial).succeededWithoutWarnings();
    for (String type : TestCompiler.GENERATED_TYPES) {
      String name = "com.acme.partial." + type;
      assertThat(generated(partial, name)).isEqualTo(generated(full, name));
    }
    GoldenFiles.check(
        "com/acme/partial/SupportEventType.java",
        generated(partial, "com.acme.partial.SupportEventType"));
    assertThat(generated(partial, "com.acme.partial.SupportEvents"))
        .contains("public Subscription onAlpha(Consumer<? super AlphaEvent> listener)");
    assertThat(generated(partial, "com.acme.partial.SupportEvents"))
        .contains("public Subscription onDelta(Consumer<? super AlphaEvent.DeltaEvent> listener)");
    assertThat(TrackingPlans.of(partial, "com.acme.partial"))
        .isEqualTo(TrackingPlans.of(full, "com.acme.partial"));
  }

  /**
   * Recompiling the last event of a catalog in parts finds the others, of every part, in class
   * files, and writes every part as the full compilation did.
   */
  @Test
  void keepsEveryPartOfACatalogInPartsWhenOneEventIsCompiledAgain() {
    JavaFileObject[] sources =
        CatalogInPartsTest.catalog(
            CatalogInPartsTest.SMALL_CATALOG, CatalogInPartsTest.SMALL.largestPart(), false);
    Compilation full =
        Libraries.compile(new SupportEventProcessor(CatalogInPartsTest.SMALL), List.of(), sources);
    Libraries.writeClasses(full, earlier);

    Compilation partial =
        Libraries.compile(
            new SupportEventProcessor(CatalogInPartsTest.SMALL),
            List.of(earlier),
            sources[sources.length - 1]);

    assertThat(partial).succeededWithoutWarnings();
    assertThat(TestCompiler.generatedSources(partial))
        .containsExactlyEntriesIn(TestCompiler.generatedSources(full));
  }

  /**
   * Recompiling one record of a union finds the union in its class file and, through it, the
   * records it permits, whether they carry {@code @SupportEvent} or not.
   */
  @Test
  void keepsTheRecordsOfAUnionReadFromItsClassFile() {
    Compilation full =
        Libraries.compile(List.of(), UnionSources.topLevel().toArray(JavaFileObject[]::new));
    Libraries.writeClasses(full, earlier);
    // ErrorEvent's @Nullable is a type-use annotation, which javac reads from the catalog's index.
    JavaFileObject[] again =
        UnionSources.topLevel().stream()
            .filter(
                file ->
                    file.getName().endsWith("/MessageSentEvent.java")
                        || file.getName().endsWith("/ErrorEvent.java"))
            .toArray(JavaFileObject[]::new);
    assertThat(again).hasLength(2);

    Compilation partial = Libraries.compile(List.of(earlier), again);

    assertThat(partial).succeededWithoutWarnings();
    for (String type : TestCompiler.GENERATED_TYPES) {
      String name = UnionSources.TOP_LEVEL + "." + type;
      assertThat(generated(partial, name)).isEqualTo(generated(full, name));
    }
  }

  /**
   * Every record of a union in a file of its own carries {@code @SupportEvent}, so compiling it
   * again alone, changed, runs the processor: the catalog is generated for its new components, and
   * the hub calls the constructor the record has now.
   */
  @Test
  void recompilingAChangedRecordOfAUnionAloneRegeneratesTheCatalog() {
    Libraries.writeClasses(
        Libraries.compile(List.of(), UnionSources.topLevel().toArray(JavaFileObject[]::new)),
        earlier);
    JavaFileObject changed =
        source(
            UnionSources.TOP_LEVEL + ".ErrorEvent",
            """
        package com.acme.widget;

        import dev.supportevents.annotations.SupportEvent;
        import org.jspecify.annotations.Nullable;

        @SupportEvent
        public record ErrorEvent(Throwable error, @Nullable String context, int code)
            implements WidgetEvent {}
        """);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());

    Compilation partial = Libraries.compile(processor, List.of(earlier), changed);

    assertThat(partial).succeededWithoutWarnings();
    assertThat(processor.originsBySource()).containsKey(UnionSources.TOP_LEVEL + ".SupportEvents");
    assertThat(generated(partial, UnionSources.TOP_LEVEL + ".SupportEvents"))
        .contains("new ErrorEvent(error, context, code)");
    assertThat(generated(partial, UnionSources.TOP_LEVEL + ".SupportEvents"))
        .contains("new ConversationStartEvent(conversationId)");
  }

  /** A build tool ties generated files to sources; the class file of AlphaEvent is none. */
  @Test
  void namesOnlyTheRecompiledSourcesAsOriginatingElements() {
    Libraries.writeClasses(Libraries.compile(List.of(), ALPHA, BETA), earlier);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());

    assertThat(Libraries.compile(processor, List.of(earlier), BETA)).succeededWithoutWarnings();

    Map<String, List<String>> origins = processor.originsBySource();
    for (String type : TestCompiler.GENERATED_TYPES) {
      assertThat(origins.get("com.acme.partial." + type))
          .containsExactly("com.acme.partial.BetaEvent", "com.acme.partial.BetaEvent.GammaEvent");
    }
    assertThat(
            processor
                .originsByResource()
                .get("META-INF/support-events/com.acme.partial.schema.json"))
        .containsExactly("com.acme.partial.BetaEvent", "com.acme.partial.BetaEvent.GammaEvent");
  }

  /**
   * A hand-written type of the package compiled earlier, named like a generated one, would be
   * hidden by the generated source; the catalog it belongs to says so on its first record.
   */
  @Test
  void rejectsAClassFileOfThePackageNamedLikeAGeneratedType() {
    Compilation library =
        Libraries.compile(
            List.of(),
            source(
                "com.acme.partial.SupportEvents",
                """
        package com.acme.partial;

        public final class SupportEvents {}
        """));
    Libraries.writeClasses(library, earlier);

    Compilation compilation = Libraries.compile(List.of(earlier), ALPHA);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GENERATED_NAME_TAKEN.format(
                Map.of(
                    "package", "com.acme.partial",
                    "simpleName", "SupportEvents",
                    "type", "com.acme.partial.SupportEvents")))
        .inFile(ALPHA)
        .onLine(3);
  }
}
