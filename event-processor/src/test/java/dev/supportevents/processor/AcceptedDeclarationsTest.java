package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Declarations that must work: the generated catalog, and code that uses it, compile with every
 * lint warning on and {@code -Werror}.
 */
class AcceptedDeclarationsTest {

  @Test
  void acceptsRecordsNestedInReachableTypes() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.Widget",
                """
            package p;

            import dev.supportevents.annotations.SupportEvent;

            public class Widget {
              @SupportEvent public record OpenedEvent(String widgetId) {}
              @SupportEvent protected record ClosedEvent(String widgetId) {}

              public interface Panel {
                @SupportEvent record ResizedEvent(int width, int height) {}
              }
            }
            """),
            source(
                "p.Internal",
                """
            package p;

            class Internal {
              @dev.supportevents.annotations.SupportEvent record TickEvent(long at) {}
            }
            """),
            source(
                "p.Use",
                """
            package p;

            class Use {
              void use() {
                SupportEvents events = SupportEvents.create();
                events.onOpened(event -> event.widgetId());
                events.onResized(event -> event.width());
                events.emitOpened("w1");
                events.emitClosed("w1");
                events.emitResized(640, 480);
                events.emitTick(1L);
                events.emit(new Widget.OpenedEvent("w2"));
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType"))
        .contains("RESIZED(\"resized\", Widget.Panel.ResizedEvent.class)");
  }

  @Test
  void acceptsRecordsInTheUnnamedPackage() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "PingEvent",
                """
            @dev.supportevents.annotations.SupportEvent
            public record PingEvent(String from) {}
            """),
            source(
                "Use",
                """
            class Use {
              void use() {
                SupportEvents events = SupportEvents.builder().build();
                events.onPing(ping -> ping.from());
                events.emitPing("me");
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "SupportEvents")).doesNotContainMatch("(?m)^package ");
    assertThat(generated(compilation, "SupportEventType"))
        .contains("The types of the support events of the unnamed package");
  }

  /** A generic varargs parameter is heap pollution to javac: the generated types suppress it. */
  @Test
  void acceptsVarargsAsTheLastComponent() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.TaggedEvent",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent
            public record TaggedEvent(String conversationId, String... tags) {}
            """),
            source(
                "p.BatchEvent",
                """
            package p;

            import java.util.List;

            @dev.supportevents.annotations.SupportEvent
            public record BatchEvent(String id, List<String>... batches) {
              @SafeVarargs
              public BatchEvent {}
            }
            """),
            source(
                "p.Use",
                """
            package p;

            class Use {
              void use() {
                SupportEvents events = SupportEvents.create();
                events.emitTagged("c1");
                events.emitTagged("c1", "vip", "billing");
                events.emitter().emitTagged("c1", new String[] {"vip"});
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String emitter = generated(compilation, "p.SupportEventEmitter");
    assertThat(emitter).contains("void emitTagged(String conversationId, String... tags);");
    assertThat(emitter).contains("void emitBatch(String id, List<String>... batches);");
    assertThat(emitter).contains("@SuppressWarnings(\"unchecked\")\npublic interface");
  }

  @Test
  void acceptsRecordsWithExtraConstructorsAndFactories() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.RatedEvent",
                """
            package p;

            import org.jspecify.annotations.Nullable;

            @dev.supportevents.annotations.SupportEvent
            public record RatedEvent(String conversationId, int stars, @Nullable String comment) {
              public RatedEvent {
                if (stars < 1 || stars > 5) {
                  throw new IllegalArgumentException("stars: " + stars);
                }
              }

              public RatedEvent(String conversationId, long stars, String comment) {
                this(conversationId, Math.toIntExact(stars), comment);
              }

              public RatedEvent(String conversationId) {
                this(conversationId, 5, null);
              }

              public static RatedEvent of(String conversationId, int stars) {
                return new RatedEvent(conversationId, stars, null);
              }
            }
            """),
            source(
                "p.Use",
                """
            package p;

            class Use {
              void use() {
                SupportEvents events = SupportEvents.create();
                events.emitRated("c1", 4);
                events.emitRated("c1", 5, "great");
                events.emit(RatedEvent.of("c1", 3));
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains("new RatedEvent(conversationId, stars, comment)");
  }

  /**
   * The optional-parameter overloads follow any annotation named {@code Nullable}: one for
   * declarations only, which the emit parameter gets too, and one for both declarations and type
   * uses, which it gets once.
   */
  @Test
  void addsOverloadsForTrailingComponentsOfAnyAnnotationNamedNullable() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.declaration.Nullable",
                """
            package p.declaration;

            import java.lang.annotation.ElementType;
            import java.lang.annotation.Target;

            @Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
            public @interface Nullable {}
            """),
            source(
                "p.both.Nullable",
                """
            package p.both;

            import java.lang.annotation.ElementType;
            import java.lang.annotation.Target;

            @Target({ElementType.TYPE_USE, ElementType.PARAMETER, ElementType.METHOD})
            public @interface Nullable {}
            """),
            source(
                "p.RatedEvent",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent
            public record RatedEvent(
                String conversationId,
                @p.declaration.Nullable String comment,
                @p.both.Nullable Integer stars) {}
            """),
            source(
                "p.Use",
                """
            package p;

            class Use {
              void use() {
                SupportEvents events = SupportEvents.create();
                events.emitRated("c1");
                events.emitRated("c1", "fine");
                events.emitRated("c1", "fine", 4);
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String emitter = generated(compilation, "p.SupportEventEmitter");
    assertThat(emitter)
        .contains(
            "void emitRated(String conversationId, @Nullable String comment,"
                + " @p.both.Nullable Integer stars);");
    assertThat(emitter).contains("emitRated(conversationId, null, null);");
  }

  @Test
  void acceptsWireNamesGivenOrDerived() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.RatingSubmittedEvent",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent("support.rating:v1-final_2")
            public record RatingSubmittedEvent(int stars) {}
            """),
            source(
                "p.WidgetOpenedEvent",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent("")
            public record WidgetOpenedEvent() {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String type = generated(compilation, "p.SupportEventType");
    assertThat(type)
        .contains("RATING_SUBMITTED(\"support.rating:v1-final_2\", RatingSubmittedEvent.class)");
    assertThat(type).contains("WIDGET_OPENED(\"widgetOpened\", WidgetOpenedEvent.class)");
  }

  /**
   * A union whose name is about as long as a name can be with every line within 100 columns: the
   * parameters that name it break before their names, as by hand.
   */
  @Test
  void keepsTheListenersOfAUnionWithALongNameWithin100Columns() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.StartLatestSupportEventsEvent",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent
            public sealed interface StartLatestSupportEventsEvent permits ListenerFailureHandler {}
            """),
            source(
                "p.ListenerFailureHandler",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent
            public record ListenerFailureHandler() implements StartLatestSupportEventsEvent {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains(
            """
            public Builder unhandledEvents(
                BiConsumer<? super SupportEventType, ? super StartLatestSupportEventsEvent>
                    unhandledEvents) {
        """);
  }
}
