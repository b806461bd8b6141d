package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Names of the user's that the generated code also uses: they must neither break it nor change what
 * it means.
 */
class NameClashTest {

  /** Components named like the generated code's parameters, fields and lambda variables. */
  private static final String COMPONENTS =
      "String listener, int event, Object type,"
          + " long registration, String callbacks, String builder, String delivery, String emitter";

  @Test
  void acceptsEventsNamedLikeTypesTheGeneratedCodeUses() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name :
        List.of(
            "Builder",
            "Subscription",
            "Consumer",
            "Objects",
            "EmitterView",
            "Record",
            "Generated",
            "Override",
            "Listeners",
            "Delivery",
            "ByWireNameEvent",
            "ByClassEvent")) {
      sources.add(
          source(
              "p." + name,
              """
          package p;

          @dev.supportevents.annotations.SupportEvent
          public record %s(%s) {}
          """
                  .formatted(name, COMPONENTS)));
    }
    sources.add(
        source(
            "p.Use",
            """
        package p;

        class Use {
          void use() {
            SupportEvents events = SupportEvents.builder().build();
            events.onBuilder(builder -> builder.listener());
            events.onRecord(record -> record.event());
            events.emitSubscription("l", 1, "t", 2L, "c", "b", "d", "e");
            events.emit(new Generated("l", 1, "t", 2L, "c", "b", "d", "e"));
          }
        }
        """));
    Compilation compilation = TestCompiler.compile(List.of(new SupportEventProcessor()), sources);
    assertThat(compilation).succeededWithoutWarnings();
    String hub = generated(compilation, "p.SupportEvents");
    assertThat(hub).contains("public <E extends java.lang.Record>");
    assertThat(hub).contains("Listeners<Record> recordListeners");
    assertThat(generated(compilation, "p.SupportEventType"))
        .contains("BY_WIRE_NAME(\"byWireName\", ByWireNameEvent.class)");
  }

  /**
   * A type of the package that no event uses, named like a {@code java.lang} type or an import of
   * the generated code, would otherwise take over the simple name.
   */
  @Test
  void qualifiesTypesThatATypeOfThePackageShadows() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name : List.of("Record", "Override", "String", "Class", "Map", "Consumer")) {
      sources.add(source("p." + name, "package p;\n\nfinal class " + name + " {}\n"));
    }
    sources.add(
        source(
            "p.PingEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record PingEvent(java.lang.String from, java.util.Map<java.lang.String, Integer> tags) {}
        """));
    Compilation compilation = TestCompiler.compile(List.of(new SupportEventProcessor()), sources);
    assertThat(compilation).succeededWithoutWarnings();
    String hub = generated(compilation, "p.SupportEvents");
    assertThat(hub).contains("@java.lang.Override");
    assertThat(hub).contains("java.util.function.Consumer<? super java.lang.Record> listener");
    assertThat(hub).doesNotContain("import java.util.function.Consumer;");
  }

  /**
   * The one event of a catalog named like the index annotation, which the generated enum then names
   * with its package: the annotation's members still break within 100 columns.
   */
  @Test
  void breaksTheQualifiedIndexAnnotationWithin100Columns() {
    Compilation compilation =
        TestCompiler.compile(
            List.of(new SupportEventProcessor()),
            List.of(
                source(
                    "p.SupportEventIndex",
                    """
            package p;

            @dev.supportevents.annotations.SupportEvent
            public record SupportEventIndex() {}
            """)));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType"))
        .contains(
            """
            components = @dev.supportevents.annotations.SupportEventIndex.Components(
                    of = SupportEventIndex.class, names = {})
        """);
  }
}
