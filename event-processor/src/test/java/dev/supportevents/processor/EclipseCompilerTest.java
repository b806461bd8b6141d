package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor under the Eclipse compiler (ecj), as Eclipse users and builds with ecj run it:
 * every generated file is the same, byte for byte, as under javac, and compiles under ecj with no
 * warning in generated code.
 */
@Tag("eclipse-compiler")
class EclipseCompilerTest {

  /** Events of every shape: nested, generic components, given wire names, replay, deprecated. */
  private static final List<JavaFileObject> MIXED_CATALOG =
      List.of(
          source(
              "com.acme.mixed.Widget",
              """
          package com.acme.mixed;

          import dev.supportevents.annotations.SupportEvent;
          import java.util.List;
          import org.jspecify.annotations.Nullable;

          public final class Widget {
            private Widget() {}

            @SupportEvent(value = "widget.opened", replayLatest = true)
            public record OpenedEvent(String page, @Nullable Layout layout) {}

            public record Layout(int width, int height, List<Layout> children) {}
          }
          """),
          source(
              "com.acme.mixed.RatingSubmittedEvent",
              """
          package com.acme.mixed;

          import dev.supportevents.annotations.SupportEvent;
          import java.util.List;
          import java.util.Map;
          import java.util.Optional;
          import org.jspecify.annotations.Nullable;

          @SupportEvent
          public record RatingSubmittedEvent(
              String conversationId, int stars, Optional<String> comment,
              Map<String, List<Integer>> scoresByAgent, List<? extends CharSequence> tags,
              Comparable<? super Integer> threshold, byte @Nullable [] attachment,
              List<@Nullable String> notes, Widget.@Nullable Layout layout) {}
          """),
          source(
              "com.acme.mixed.TaggedEvent",
              """
          package com.acme.mixed;

          @dev.supportevents.annotations.SupportEvent("tagged:v1")
          record TaggedEvent(String name, String... tags) {}
          """),
          source(
              "com.acme.mixed.LegacyPingEvent",
              """
          package com.acme.mixed;

          /** Replaced by the widget's own heartbeat. */
          @Deprecated
          @dev.supportevents.annotations.SupportEvent
          public record LegacyPingEvent() {}
          """),
          source(
              "com.acme.mixed.HTTPFailureEvent",
              """
          package com.acme.mixed;

          import org.jspecify.annotations.Nullable;

          @dev.supportevents.annotations.SupportEvent
          public record HTTPFailureEvent(
              Throwable error, java.net.URI uri, java.time.@Nullable Instant at) {}
          """));

  private static final JavaFileObject CHECKOUT_HELP =
      source(
          "com.acme.shop.CheckoutHelpRequestedEvent",
          """
      package com.acme.shop;

      @dev.supportevents.annotations.SupportEvent
      public record CheckoutHelpRequestedEvent(String cartId, int items) {}
      """);

  @TempDir Path temp;

  @Test
  void writesTheExampleCatalogAsItsGoldenFiles() {
    EclipseCompilation ecj = compileSuccessfully("example", List.of(), ExampleSources.all());

    for (String type : TestCompiler.GENERATED_TYPES) {
      String path = ExampleSources.PACKAGE.replace('.', '/') + "/" + type + ".java";
      GoldenFiles.check(path, ecj.generatedSources().get(path));
    }
    String plan = "META-INF/support-events/dev.supportevents.example.schema.json";
    GoldenFiles.check(plan, ecj.resources().get(plan));
    String declarations = "META-INF/support-events/dev.supportevents.example.d.ts";
    GoldenFiles.check(declarations, ecj.resources().get(declarations));
    assertCompiledWithoutWarnings(ecj);
  }

  @Test
  void writesWhatJavacWritesForEventsOfEveryShape() {
    EclipseCompilation ecj = compileSuccessfully("mixed", List.of(), MIXED_CATALOG);
    Compilation javac = TestCompiler.compile(List.of(new SupportEventProcessor()), MIXED_CATALOG);

    assertSameOutput(ecj, javac);
    assertThat(ecj.generatedSources()).hasSize(5);
    assertCompiledWithoutWarnings(ecj);
  }

  /** The union's goldens, top-level records and nested ones: ecj gives the permitted records. */
  @Test
  void writesTheUnionsAsTheirGoldenFiles() {
    Map<String, List<JavaFileObject>> unions =
        Map.of(
            "top-level",
            UnionSources.topLevel(),
            "nested",
            UnionSources.nested(),
            "grouped",
            UnionSources.grouped());
    for (Map.Entry<String, List<JavaFileObject>> named : unions.entrySet()) {
      List<JavaFileObject> union = named.getValue();
      EclipseCompilation ecj = compileSuccessfully(named.getKey(), List.of(), union);
      Compilation javac = TestCompiler.compile(List.of(new SupportEventProcessor()), union);

      assertSameOutput(ecj, javac);
      assertThat(ecj.generatedSources()).hasSize(5);
      assertCompiledWithoutWarnings(ecj);
    }
  }

  @Test
  void writesWhatJavacWritesForACatalogExtendingACompiledLibrary() {
    Path library = WidgetLibrary.compileInto(temp.resolve("library"));
    List<JavaFileObject> sources =
        List.of(WidgetLibrary.extendingPackage("com.acme.shop"), CHECKOUT_HELP);

    EclipseCompilation ecj = compileSuccessfully("shop", List.of(library), sources);
    Compilation javac = Libraries.compile(List.of(library), sources.toArray(JavaFileObject[]::new));

    assertSameOutput(ecj, javac);
    assertThat(ecj.generatedSources().get("com/acme/shop/SupportEventType.java"))
        .contains(
            "CHECKOUT_HELP_REQUESTED(\"checkoutHelpRequested\", CheckoutHelpRequestedEvent.class)");
    assertCompiledWithoutWarnings(ecj);
  }

  /** The extended catalog is generated in the same compilation: the package waits a round. */
  @Test
  void writesWhatJavacWritesForACatalogExtendingOneOfTheSameCompilation() {
    List<JavaFileObject> sources = new ArrayList<>(WidgetLibrary.sources());
    sources.add(WidgetLibrary.extendingPackage("com.acme.shop"));
    sources.add(CHECKOUT_HELP);

    EclipseCompilation ecj = compileSuccessfully("together", List.of(), sources);
    Compilation javac = Libraries.compile(List.of(), sources.toArray(JavaFileObject[]::new));

    assertSameOutput(ecj, javac);
    assertThat(ecj.generatedSources()).hasSize(10);
    assertCompiledWithoutWarnings(ecj);
  }

  /**
   * A catalog one event larger than a part: ecj writes javac's {@code SupportEventType} class and
   * hub parts, and the classes it compiles, whose constants come from package-private interfaces,
   * run the scenario as javac's do.
   */
  @Test
  void writesWhatJavacWritesForACatalogInParts() {
    int size = LayoutLimits.LARGEST_PART + 1;
    List<JavaFileObject> sources = List.of(CatalogInPartsTest.catalog(size, true));
    EclipseCompilation ecj = compileSuccessfully("parts", List.of(), sources);
    // javac's compiling the generated code is CatalogInPartsTest's; here it runs the processor
    // alone, which takes a quarter of the time.
    Compilation javac =
        Compiler.javac()
            .withProcessors(new SupportEventProcessor())
            .withOptions(
                Stream.concat(TestCompiler.STRICT.stream(), Stream.of("-proc:only")).toList())
            .compile(sources);

    assertSameOutput(ecj, javac);
    assertThat(ecj.generatedSources()).containsKey("big/SupportEventsPart2.java");
    assertCompiledWithoutWarnings(ecj);
    // A constant comes from a package-private interface, which code of other packages cannot
    // name: the one warning, ecj's indirect static access (off by default in Eclipse), is the
    // scenario's SupportEventType of the first event of the second part.
    assertThat(ecj.diagnostics())
        .containsExactly(
            "WARNING src/big/Scenario.java:34 The static"
                + " field big.SupportEventTypeConstants2.STEP%05d should be accessed directly"
                    .formatted(LayoutLimits.LARGEST_PART));
    assertThat(Libraries.run("big.Scenario", EclipseCompilation.classOutput(temp.resolve("parts"))))
        .containsExactlyElementsIn(CatalogInPartsTest.expectedLog(size))
        .inOrder();
  }

  @Test
  void reportsABadDeclarationOnItsRecordAndWritesNothing() {
    EclipseCompilation ecj =
        EclipseCompilation.compile(
            temp,
            List.of(),
            List.of(
                source(
                    "com.acme.bad.SpacedEvent",
                    """
            package com.acme.bad;

            @dev.supportevents.annotations.SupportEvent("has space")
            public record SpacedEvent(String id) {}
            """)));

    // ecj puts a processor's message on a record nowhere: its Messager (BaseMessagerImpl.
    // createProblem, ecj 3.46) finds the source of classes, interfaces and enums, not records.
    assertThat(ecj.succeeded()).isFalse();
    assertThat(ecj.diagnostics()).hasSize(1);
    assertThat(ecj.diagnostics().get(0)).startsWith("ERROR ");
    assertThat(ecj.diagnostics().get(0))
        .endsWith(
            Message.INVALID_WIRE_NAME.format(
                Map.of(
                    "wireName", "has space",
                    "record", "com.acme.bad.SpacedEvent",
                    "derivedWireName", "spaced")));
    assertThat(ecj.generatedSources()).isEmpty();
    assertThat(ecj.resources()).isEmpty();
  }

  /** Unlike a record, an interface has a place ecj reports on: the union's rule, on its line. */
  @Test
  void reportsABrokenUnionRuleOnTheInterfaceLine() {
    EclipseCompilation ecj =
        EclipseCompilation.compile(
            temp,
            List.of(),
            List.of(
                source(
                    "com.acme.bad.WidgetEvent",
                    """
            package com.acme.bad;

            @dev.supportevents.annotations.SupportEvent
            public interface WidgetEvent {}
            """)));

    assertThat(ecj.succeeded()).isFalse();
    assertThat(ecj.diagnostics())
        .containsExactly(
            "ERROR src/com/acme/bad/WidgetEvent.java:3 "
                + Message.UNION_NOT_SEALED.format(
                    Map.of(
                        "union", "com.acme.bad.WidgetEvent",
                        "simpleName", "WidgetEvent")));
    assertThat(ecj.generatedSources()).isEmpty();
  }

  private EclipseCompilation compileSuccessfully(
      String name, List<Path> classDirectories, List<JavaFileObject> sources) {
    EclipseCompilation ecj =
        EclipseCompilation.compile(temp.resolve(name), classDirectories, sources);
    assertWithMessage("ecj's diagnostics: %s", ecj.diagnostics()).that(ecj.succeeded()).isTrue();
    return ecj;
  }

  private static void assertCompiledWithoutWarnings(EclipseCompilation ecj) {
    assertWithMessage("ecj's warnings in generated code")
        .that(ecj.problemsOfGeneratedCode())
        .isEmpty();
  }

  /**
   * Every generated source, tracking plan and TypeScript declarations of ecj are javac's, and the
   * other way round.
   */
  private static void assertSameOutput(EclipseCompilation ecj, Compilation javac) {
    assertThat(javac).succeededWithoutWarnings();
    assertThat(ecj.generatedSources())
        .containsExactlyEntriesIn(filesOf(javac.generatedSourceFiles(), "/SOURCE_OUTPUT/"));
    assertThat(ecj.resources())
        .containsExactlyEntriesIn(
            filesOf(
                javac.generatedFiles().stream()
                    .filter(
                        file ->
                            file.getName().endsWith(".json") || file.getName().endsWith(".d.ts"))
                    .toList(),
                "/CLASS_OUTPUT/"));
  }

  /** The text of {@code files}, by path relative to the output location named {@code root}. */
  private static Map<String, String> filesOf(List<JavaFileObject> files, String root) {
    Map<String, String> texts = new TreeMap<>();
    for (JavaFileObject file : files) {
      String path = file.toUri().getPath();
      try {
        texts.put(
            path.substring(path.indexOf(root) + root.length()),
            file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return texts;
  }
}
