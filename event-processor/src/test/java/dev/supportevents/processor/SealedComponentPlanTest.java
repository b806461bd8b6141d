package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Components whose type is a sealed interface of records, such as a message's list of typed parts:
 * the tracking plan describes them as the union of the records, and validates events as Jackson
 * writes them by default, with no type id, and rejects a part that is none of them.
 */
class SealedComponentPlanTest {

  /** Jackson's defaults: no module, no type ids, records as objects of their components. */
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Draft 2020-12, knowing the plan's {@code x-java-class}, an annotation that validates nothing.
   */
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getDraft202012())
              .keyword(new AnnotationKeyword("x-java-class"))
              .build());

  private static Compilation parts;

  @TempDir Path temp;

  @BeforeAll
  static void compile() {
    parts = TestCompiler.compile(List.of(new SupportEventProcessor()), PartsCatalog.sources());
  }

  /**
   * Each union lists its records in the order of {@code permits}, through sealed sub-interfaces; a
   * union that permits a class, an enum or a non-sealed interface is any value and says why; a
   * quote part that holds parts refers back to the union.
   */
  @Test
  void partsTrackingPlanMatchesGolden() {
    assertThat(parts).succeededWithoutWarnings();
    GoldenFiles.check(PartsCatalog.PLAN, TrackingPlans.of(parts, PartsCatalog.PACKAGE));
  }

  /** Each union a type of its records, each enum of its constants, named by their simple names. */
  @Test
  void partsTypeScriptDeclarationsMatchGolden() {
    assertThat(parts).succeededWithoutWarnings();
    GoldenFiles.check(
        PartsCatalog.DECLARATIONS, TrackingPlans.typeScriptOf(parts, PartsCatalog.PACKAGE));
  }

  /** ecj lists permitted subtypes as javac does: the same plan, byte for byte. */
  @Test
  void eclipseCompilerWritesTheSamePlan() {
    EclipseCompilation ecj =
        EclipseCompilation.compile(temp.resolve("ecj"), List.of(), PartsCatalog.sources());

    assertWithMessage("ecj's diagnostics: %s", ecj.diagnostics()).that(ecj.succeeded()).isTrue();
    GoldenFiles.check(PartsCatalog.PLAN, ecj.resources().get(PartsCatalog.PLAN));
  }

  @Test
  void thePlanIsAValidDraft202012Schema() {
    Schema metaSchema =
        SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(plan())).isEmpty();
    // The meta-schema does reject what is not a schema: the check above means something.
    assertThat(metaSchema.validate(JSON.readTree("{\"anyOf\": []}"))).isNotEmpty();
  }

  /** Every part and every reaction, as Jackson's default mapper writes the events. */
  @Test
  void validatesEventsWithEveryKindOfPartAsJacksonWritesThem() {
    Schema plan = SCHEMAS.getSchema(plan());

    withSamples(
        samples -> {
          Set<String> written = new LinkedHashSet<>();
          for (Map.Entry<String, Record> sample : samples) {
            ObjectNode message = message(sample);
            assertWithMessage("%s", message).that(plan.validate(message)).isEmpty();
            recordsIn(sample.getValue(), written);
          }
          assertThat(written)
              .containsAtLeast(
                  "com.acme.parts.Part$TextPart",
                  "com.acme.parts.FilePart",
                  "com.acme.parts.ImagePart",
                  "com.acme.parts.ToolCallPart",
                  "com.acme.parts.QuotePart",
                  "com.acme.parts.Reaction$Emoji",
                  "com.acme.parts.Feedback$Rating",
                  "com.acme.parts.Feedback$Comment");
        });
  }

  /**
   * {@code @JsonTypeInfo(use = NAME)} on the reaction's interface makes Jackson add {@code "@type"}
   * to each reaction: a warning on the annotation, and the plan, whose records have their
   * components only, rejects those reactions. The parts, without an id, still pass.
   */
  @Test
  void aTypeIdOfJsonTypeInfoIsAWarningAndThePlanRejectsIt() {
    Compilation named =
        Compiler.javac()
            .withProcessors(new SupportEventProcessor())
            .withOptions("-Xlint:all,-processing")
            .compile(PartsCatalog.sources("use = JsonTypeInfo.Id.NAME"));

    assertThat(named).succeeded();
    assertThat(named).hadWarningCount(1);
    assertThat(named)
        .hadWarningContaining(
            Message.JACKSON_TYPE_ID.format(
                Map.of(
                    "type",
                    "com.acme.parts.Reaction",
                    "use",
                    "NAME",
                    "package",
                    PartsCatalog.PACKAGE)))
        .inFile(PartsCatalog.sources().get(5))
        .onLine(6);
    Schema plan = SCHEMAS.getSchema(JSON.readTree(TrackingPlans.of(named, PartsCatalog.PACKAGE)));
    withSamples(
        named,
        samples -> {
          List<String> typeIds = new ArrayList<>();
          for (Map.Entry<String, Record> sample : samples) {
            ObjectNode message = message(sample);
            JsonNode reaction = properties(message).get("reaction");
            if (reaction == null) {
              assertWithMessage("%s", message).that(plan.validate(message)).isEmpty();
            } else {
              typeIds.add(reaction.get("@type").asString());
              assertWithMessage("%s passed", message)
                  .that(plan.validate(message).toString())
                  .contains("@type");
            }
          }
          assertThat(typeIds)
              .containsExactly("Reaction$Emoji", "Feedback$Rating", "Feedback$Comment")
              .inOrder();
        });
  }

  /** Settings that write no type id, or take it from a component, are no warning. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "use = JsonTypeInfo.Id.DEDUCTION",
        "use = JsonTypeInfo.Id.NONE",
        "use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY,"
            + " property = \"code\""
      })
  void typeInfoWithoutAnIdOfItsOwnIsNoWarning(String typeInfo) {
    assertThat(
            TestCompiler.compile(
                List.of(new SupportEventProcessor()), PartsCatalog.sources(typeInfo)))
        .succeededWithoutWarnings();
  }

  /**
   * A union that also permits an enum is any value in the plan, which rejects no type id: no
   * warning, though Jackson writes one.
   */
  @Test
  void aTypeIdOnAUnionThatIsAnyValueIsNoWarning() {
    Compilation compilation =
        TestCompiler.compile(
            TestCompiler.source(
                "com.acme.verdicts.Verdict",
                """
            package com.acme.verdicts;

            import com.fasterxml.jackson.annotation.JsonTypeInfo;

            @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
            public sealed interface Verdict {

              record Pending(String reviewer) implements Verdict {}

              enum Decided implements Verdict { SPAM, FINE }
            }
            """),
            TestCompiler.source(
                "com.acme.verdicts.MessageJudgedEvent",
                """
            package com.acme.verdicts;

            @dev.supportevents.annotations.SupportEvent
            public record MessageJudgedEvent(Verdict verdict) {}
            """));

    assertThat(compilation).succeededWithoutWarnings();
  }

  /** Without a {@code permits} clause, javac lists a sealed interface's records as declared. */
  @Test
  void withoutAPermitsClauseListsTheRecordsInTheOrderJavacGives() {
    Compilation compilation =
        TestCompiler.compile(
            TestCompiler.source(
                "com.acme.steps.Step",
                """
            package com.acme.steps;

            public sealed interface Step {

              record Wait(long millis) implements Step {}

              record Click(String target) implements Step {}
            }
            """),
            TestCompiler.source(
                "com.acme.steps.StepTakenEvent",
                """
            package com.acme.steps;

            @dev.supportevents.annotations.SupportEvent
            public record StepTakenEvent(Step step) {}
            """));

    assertThat(compilation).succeededWithoutWarnings();
    List<String> union = new ArrayList<>();
    JSON.readTree(TrackingPlans.of(compilation, "com.acme.steps"))
        .get("$defs")
        .get("com.acme.steps.Step")
        .get("anyOf")
        .forEach(record -> union.add(record.get("$ref").asString()));
    assertThat(union)
        .containsExactly("#/$defs/com.acme.steps.Step.Wait", "#/$defs/com.acme.steps.Step.Click")
        .inOrder();
  }

  /** Each of these is a part, or a reaction, of no record its union permits. */
  @Test
  void rejectsAnObjectThatIsNoneOfTheParts() {
    Schema plan = SCHEMAS.getSchema(plan());
    Map<String, Function<ObjectNode, JsonNode>> breakages =
        Map.of(
            "an object with none of the parts' components",
            message -> parts(message).set(0, JSON.readTree("{\"caption\": \"Hello\"}")),
            "a file part whose size is text",
            message -> ((ObjectNode) parts(message).get(1)).put("sizeBytes", "large"),
            "a text part that is a string",
            message -> parts(message).set(0, JSON.readTree("\"Hello\"")),
            "an empty object inside a quote inside the list",
            message ->
                ((ArrayNode) parts(message).get(4).get("parts")).set(0, JSON.createObjectNode()),
            "a reaction where a part belongs",
            message -> properties(message).set("highlighted", JSON.readTree("{\"stars\": 5}")),
            "a property beside the event's components",
            message -> properties(message).put("at", 1),
            "a property beside a text part's text",
            message -> ((ObjectNode) parts(message).get(0)).put("kind", "text"),
            "a property beside the components of a part inside a quote",
            message -> ((ObjectNode) parts(message).get(4).get("parts").get(0)).put("kind", "text"),
            "a property beside a tool call's components in a map of drafts",
            message -> {
              ObjectNode draft =
                  JSON.createObjectNode().put("toolName", "refund").putNull("result");
              draft.set("arguments", JSON.createObjectNode());
              draft.put("retries", 2);
              ObjectNode drafts = JSON.createObjectNode();
              drafts.set("later", JSON.createArrayNode().add(draft));
              return properties(message).set("drafts", drafts);
            });

    withSamples(
        samples -> {
          breakages.forEach(
              (breakage, breaking) -> {
                ObjectNode message = message(samples.get(0));
                assertWithMessage("before %s", breakage).that(plan.validate(message)).isEmpty();
                breaking.apply(message);
                assertWithMessage("%s passed: %s", breakage, message)
                    .that(plan.validate(message))
                    .isNotEmpty();
              });
        });
  }

  /** {@code {"event": wireName, "properties": event}}, as a pipeline receives it. */
  private static ObjectNode message(Map.Entry<String, Record> sample) {
    ObjectNode message = JSON.createObjectNode();
    message.put("event", sample.getKey());
    message.set("properties", JSON.valueToTree(sample.getValue()));
    return message;
  }

  private static ObjectNode properties(ObjectNode message) {
    return (ObjectNode) message.get("properties");
  }

  private static ArrayNode parts(ObjectNode message) {
    return (ArrayNode) properties(message).get("parts");
  }

  private static JsonNode plan() {
    return JSON.readTree(TrackingPlans.of(parts, PartsCatalog.PACKAGE));
  }

  /** Adds the class names of {@code value} and of every record it holds to {@code names}. */
  private static void recordsIn(Object value, Set<String> names) {
    if (value instanceof Record record) {
      names.add(record.getClass().getName());
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          recordsIn(component.getAccessor().invoke(record), names);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> recordsIn(element, names));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(element -> recordsIn(element, names));
    }
  }

  /**
   * Runs {@code test} with the events of {@code com.acme.parts.Samples}, compiled with the catalog,
   * while their class loader is open.
   */
  private void withSamples(Consumer<List<Map.Entry<String, Record>>> test) {
    withSamples(parts, test);
  }

  /** Runs {@code test} with the events of {@code com.acme.parts.Samples} of {@code compilation}. */
  @SuppressWarnings("unchecked") // Samples is a Supplier of those entries by its declaration
  private void withSamples(
      Compilation compilation, Consumer<List<Map.Entry<String, Record>>> test) {
    Path classes = Libraries.writeClasses(compilation, temp.resolve("classes"));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object samples =
          Class.forName("com.acme.parts.Samples", true, loader)
              .getDeclaredConstructor()
              .newInstance();
      test.accept(new ArrayList<>(((Supplier<List<Map.Entry<String, Record>>>) samples).get()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load com.acme.parts.Samples", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
