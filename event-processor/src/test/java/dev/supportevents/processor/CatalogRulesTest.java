package dev.supportevents.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names of the hub's nested types, which a type of the unnamed package cannot take: the error
 * is on the type when it is a source, else on the catalog's first record.
 */
class CatalogRulesTest {

  @TempDir Path library;

  @Test
  void rejectsASourceTypeOfTheUnnamedPackageNamedLikeAHubTypeOnThatType() {
    JavaFileObject ping =
        source(
            "PingEvent",
            """
        @dev.supportevents.annotations.SupportEvent public record PingEvent() {}
        """);
    JavaFileObject view =
        source(
            "EmitterView",
            """
        final class EmitterView {}
        """);

    Compilation compilation = TestCompiler.compile(ping, view);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NESTED_TYPE_NAME_TAKEN.format(
                Map.of(
                    "name", "EmitterView",
                    "owner", "hub SupportEvents")))
        .inFile(view)
        .onLineContaining("class EmitterView");
  }

  @Test
  void rejectsAClassFileOfTheUnnamedPackageNamedLikeAHubTypeOnTheFirstRecord() {
    Libraries.writeClasses(
        Libraries.compile(
            List.of(),
            source(
                "Builder",
                """
        public final class Builder {}
        """)),
        library);
    JavaFileObject ping =
        source(
            "PingEvent",
            """
        @dev.supportevents.annotations.SupportEvent public record PingEvent() {}
        """);

    Compilation compilation = Libraries.compile(List.of(library), ping);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NESTED_TYPE_NAME_TAKEN.format(
                Map.of(
                    "name", "Builder",
                    "owner", "hub SupportEvents")))
        .inFile(ping)
        .onLineContaining("record PingEvent");
  }

  /** In a named package the hub writes such a type with its package: no clash. */
  @Test
  void acceptsATypeOfANamedPackageNamedLikeAHubType() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.PingEvent",
                """
            package p;

            @dev.supportevents.annotations.SupportEvent public record PingEvent() {}
            """),
            source(
                "p.EmitterView",
                """
            package p;

            final class EmitterView {}
            """));

    assertThat(compilation).succeededWithoutWarnings();
  }
}
