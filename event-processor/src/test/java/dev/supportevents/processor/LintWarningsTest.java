package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Events and component types that are deprecated or raw: the generated types suppress exactly the
 * warnings they would raise, each only where it arises, so {@code -Werror} builds pass.
 */
class LintWarningsTest {

  private static final String DEPRECATION = "@SuppressWarnings(\"deprecation\")\n";

  @Test
  void suppressesDeprecationOfAnEventWhereTheRecordIsNamed() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.OldEvent",
                """
        package p;

        /** Replaced by a newer event. */
        @Deprecated
        @dev.supportevents.annotations.SupportEvent
        public record OldEvent(String id) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType")).contains(DEPRECATION + "public enum");
    assertThat(generated(compilation, "p.SupportEventCallbacks"))
        .contains(DEPRECATION + "public interface");
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains(DEPRECATION + "public final class");
    assertThat(generated(compilation, "p.SupportEventEmitter")).doesNotContain("@SuppressWarnings");
  }

  /** The hub and the recorder name the union wherever they mean any event. */
  @Test
  void suppressesDeprecationOfAUnion() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.OldEvents",
                """
        package p;

        /** Replaced by newer events. */
        @Deprecated
        @dev.supportevents.annotations.SupportEvent
        public sealed interface OldEvents {
          /** Nested in the deprecated union, so deprecated with it. */
          record PingEvent(String id) implements OldEvents {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType")).contains(DEPRECATION + "public enum");
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains(DEPRECATION + "public final class");
    assertThat(generated(compilation, "p.SupportEventRecorder")).contains("List<OldEvents> all()");
  }

  @Test
  void suppressesDeprecationOfAnEnclosingType() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.Legacy",
                """
        package p;

        /** Kept for old widgets. */
        @Deprecated
        public class Legacy {
          @dev.supportevents.annotations.SupportEvent
          public record PingEvent() {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventCallbacks"))
        .contains(DEPRECATION + "public interface");
  }

  @Test
  void suppressesDeprecationOfAComponentTypeWhereEventsAreEmitted() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.Ticket",
                """
            package p;

            /** Replaced by conversations. */
            @Deprecated
            public record Ticket(String id) {}
            """),
            source(
                "p.TicketEvent",
                """
            package p;

            import java.util.List;

            @SuppressWarnings("deprecation")
            @dev.supportevents.annotations.SupportEvent
            public record TicketEvent(List<? extends Ticket> tickets) {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventEmitter"))
        .contains(DEPRECATION + "public interface");
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains(DEPRECATION + "public final class");
    assertThat(generated(compilation, "p.SupportEventType")).doesNotContain("@SuppressWarnings");
    assertThat(generated(compilation, "p.SupportEventCallbacks"))
        .doesNotContain("@SuppressWarnings");
  }

  @Test
  void suppressesDeprecationOfACanonicalConstructor() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.PingEvent",
                """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record PingEvent(String from) {
          /** Use the factory. */
          @Deprecated
          public PingEvent {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains(DEPRECATION + "public final class");
  }

  @Test
  void suppressesRemovalAndRawTypesTogether() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.DoomedEvent",
                """
            package p;

            /** Goes away in the next version. */
            @Deprecated(forRemoval = true)
            @dev.supportevents.annotations.SupportEvent
            public record DoomedEvent() {}
            """),
            source(
                "p.RawEvent",
                """
            package p;

            @SuppressWarnings("rawtypes")
            @dev.supportevents.annotations.SupportEvent
            public record RawEvent(java.util.List items, Comparable<java.util.Set> sets) {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains("@SuppressWarnings({\"rawtypes\", \"removal\"})\npublic final class");
    assertThat(generated(compilation, "p.SupportEventEmitter"))
        .contains("@SuppressWarnings(\"rawtypes\")\npublic interface");
    assertThat(generated(compilation, "p.SupportEventType"))
        .contains("@SuppressWarnings(\"removal\")\npublic enum");
  }
}
