package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Component types that name a type another processor generates later, inside an array or a
 * wildcard: the package waits for it wherever it is nested. And annotations that are not {@code
 * Nullable} leave a component required.
 */
class ComponentTypesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ticket[]",
        "List<? extends Ticket>",
        "List<? super Ticket>",
        "Map<String, List<Ticket[]>>"
      })
  void waitsForATypeGeneratedLaterWhereverTheComponentTypeNestsIt(String type) {
    GeneratingProcessor ticket =
        new GeneratingProcessor(
            Map.of(
                "p.Ticket",
                """
        package p;

        public record Ticket(String id) {}
        """));
    JavaFileObject event =
        source(
            "p.TicketsEvent",
            """
        package p;

        import java.util.List;
        import java.util.Map;

        @dev.supportevents.annotations.SupportEvent
        public record TicketsEvent(%s tickets) {}
        """
                .formatted(type));

    Compilation compilation =
        TestCompiler.compile(List.of(new SupportEventProcessor(), ticket), List.of(event));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("p.SupportEventEmitter")
        .contentsAsUtf8String()
        .contains("void emitTickets(" + type + " tickets);");
  }

  @Test
  void anAnnotationOtherThanNullableLeavesAPrimitiveComponentAllowed() {
    JavaFileObject positive =
        source(
            "p.Positive",
            """
        package p;

        import java.lang.annotation.ElementType;
        import java.lang.annotation.Target;

        @Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
        public @interface Positive {}
        """);
    JavaFileObject rated =
        source(
            "p.RatedEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record RatedEvent(@Positive int stars) {}
        """);

    Compilation compilation = TestCompiler.compile(positive, rated);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventEmitter"))
        .contains("void emitRated(int stars);");
  }
}
