package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each declaration the processor rejects: one error with its {@link Message}, on the record's line,
 * and nothing written for its package.
 */
class RejectedDeclarationsTest {

  @ParameterizedTest
  @CsvSource({
    "class Thing {},              a class",
    "enum Thing { ONE },          an enum",
    "@interface Thing {},         an annotation type",
    "class Thing<T> {},           a class"
  })
  void rejectsTypesThatAreNotRecords(String declaration, String kind) {
    JavaFileObject thing = event("p.Thing", "@SupportEvent public " + declaration);
    Compilation compilation = compile(thing);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NOT_A_RECORD.format(
                Map.of(
                    "type", "p.Thing",
                    "kind", kind,
                    "simpleName", "Thing")))
        .inFile(thing)
        .onLineContaining(declaration);
    assertThat(written()).isEmpty();
  }

  @Test
  void rejectsGenericRecords() {
    JavaFileObject box =
        event("p.BoxEvent", "@SupportEvent public record BoxEvent<T, U>(T t, U u) {}");
    Compilation compilation = compile(box);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GENERIC_RECORD.format(
                Map.of(
                    "record", "p.BoxEvent",
                    "typeParameters", "<T, U>")))
        .inFile(box)
        .onLineContaining("record BoxEvent");
    assertThat(written()).isEmpty();
  }

  @Test
  void rejectsPrivateRecords() {
    JavaFileObject outer =
        event(
            "p.Outer",
            """
        public class Outer {
          @SupportEvent private record PingEvent() {}
        }
        """);
    Compilation compilation = compile(outer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NOT_ACCESSIBLE.format(
                Map.of(
                    "record", "p.Outer.PingEvent",
                    "hiddenBy", "private")))
        .inFile(outer)
        .onLineContaining("record PingEvent");
  }

  @Test
  void rejectsRecordsNestedInPrivateTypes() {
    JavaFileObject outer =
        event(
            "p.Outer",
            """
        public class Outer {
          private static class Hidden {
            static class Deeper {
              @SupportEvent public record PingEvent() {}
            }
          }
        }
        """);
    Compilation compilation = compile(outer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NOT_ACCESSIBLE.format(
                Map.of(
                    "record", "p.Outer.Hidden.Deeper.PingEvent",
                    "hiddenBy", "nested in the private type p.Outer.Hidden")))
        .inFile(outer)
        .onLineContaining("record PingEvent");
  }

  /** The generated emit methods name each component's type, so they must reach it too. */
  @Test
  void rejectsComponentTypesThePackageCannotReach() {
    JavaFileObject secret =
        event(
            "p.SecretEvent",
            """
        @SupportEvent public record SecretEvent(String id, java.util.List<? extends Secret> secrets) {
          private record Secret(int code) {}
        }
        """);
    Compilation compilation = compile(secret);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.COMPONENT_NOT_ACCESSIBLE.format(
                Map.of(
                    "component", "secrets",
                    "record", "p.SecretEvent",
                    "type", "p.SecretEvent.Secret",
                    "hiddenBy", "private",
                    "typeSimpleName", "Secret")))
        .inFile(secret)
        .onLineContaining("record SecretEvent");
    assertThat(written()).isEmpty();
  }

  /** The error is on the annotation, so on its line when it stands on a line of its own. */
  @ParameterizedTest
  @ValueSource(strings = {"  ", " ping", "bad name", "a/b", "caf\u00e9", "tab\\t"})
  void rejectsInvalidWireNames(String wireName) {
    JavaFileObject ping =
        event(
            "p.PingEvent",
            """
        @SupportEvent("%s")
        public record PingEvent() {}
        """
                .formatted(wireName));
    Compilation compilation = compile(ping);
    String given = wireName.translateEscapes();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_WIRE_NAME.format(
                Map.of(
                    "wireName", given,
                    "record", "p.PingEvent",
                    "derivedWireName", "ping")))
        .inFile(ping)
        .onLineContaining("@SupportEvent(\"" + wireName + "\")");
    assertThat(written()).isEmpty();
  }

  @Test
  void reportsBothEventsOfOneWireName() {
    JavaFileObject ping = event("p.PingEvent", "@SupportEvent public record PingEvent() {}");
    JavaFileObject pong =
        event("p.PongEvent", "@SupportEvent(\"ping\") public record PongEvent() {}");
    Compilation compilation = compile(ping, pong);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_WIRE_NAME.format(
                Map.of(
                    "record", "PingEvent",
                    "other", "PongEvent",
                    "wireName", "ping")))
        .inFile(ping)
        .onLineContaining("record PingEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_WIRE_NAME.format(
                Map.of(
                    "record", "PongEvent",
                    "other", "PingEvent",
                    "wireName", "ping")))
        .inFile(pong)
        .onLineContaining("record PongEvent");
    assertThat(written()).isEmpty();
  }

  /** Their derived wire names clash too, but that follows from the Java names: one error each. */
  @Test
  void reportsBothEventsOfOneJavaName() {
    JavaFileObject pingEvent = event("p.PingEvent", "@SupportEvent public record PingEvent() {}");
    JavaFileObject ping = event("p.Ping", "@SupportEvent public record Ping(int id) {}");
    Compilation compilation = compile(pingEvent, ping);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "PingEvent",
                    "other", "Ping",
                    "javaName", "PING")))
        .inFile(pingEvent)
        .onLineContaining("record PingEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "Ping",
                    "other", "PingEvent",
                    "javaName", "PING")))
        .inFile(ping)
        .onLineContaining("record Ping(");
  }

  @Test
  void reportsBothNestedEventsOfOneJavaName() {
    JavaFileObject chat =
        event(
            "p.Chat",
            """
        public class Chat {
          @SupportEvent public record PingEvent() {}
        }
        """);
    JavaFileObject voice =
        event(
            "p.Voice",
            """
        public interface Voice {
          @SupportEvent record PingEvent(String from) {}
        }
        """);
    Compilation compilation = compile(chat, voice);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "Chat.PingEvent",
                    "other", "Voice.PingEvent",
                    "javaName", "PING")))
        .inFile(chat)
        .onLineContaining("record PingEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "Voice.PingEvent",
                    "other", "Chat.PingEvent",
                    "javaName", "PING")))
        .inFile(voice)
        .onLineContaining("record PingEvent");
  }

  /** {@code HTTPError} and {@code HttpError} differ, but both give {@code HTTP_ERROR}. */
  @Test
  void reportsJavaNamesThatDifferOnlyInCase() {
    JavaFileObject upper =
        event("p.HTTPErrorEvent", "@SupportEvent public record HTTPErrorEvent() {}");
    JavaFileObject mixed =
        event("p.HttpErrorEvent", "@SupportEvent public record HttpErrorEvent() {}");
    Compilation compilation = compile(upper, mixed);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "HTTPErrorEvent",
                    "other", "HttpErrorEvent",
                    "javaName", "HTTP_ERROR")))
        .inFile(upper)
        .onLineContaining("record HTTPErrorEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "HttpErrorEvent",
                    "other", "HTTPErrorEvent",
                    "javaName", "HTTP_ERROR")))
        .inFile(mixed)
        .onLineContaining("record HttpErrorEvent");
  }

  @ParameterizedTest
  @MethodSource("dev.supportevents.processor.TestCompiler#generatedTypes")
  void rejectsTypesNamedLikeAGeneratedType(String name) {
    JavaFileObject ping = event("p.PingEvent", "@SupportEvent public record PingEvent() {}");
    JavaFileObject taken =
        source(
            "p." + name,
            """
        package p;

        public final class %s {}
        """
                .formatted(name));
    Compilation compilation = compile(ping, taken);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GENERATED_NAME_TAKEN.format(
                Map.of("package", "p", "simpleName", name, "type", "p." + name)))
        .inFile(taken)
        .onLineContaining("class " + name);
    assertThat(written()).isEmpty();
  }

  @Test
  void rejectsAnEventNamedLikeAGeneratedTypeInTheUnnamedPackage() {
    JavaFileObject hub =
        source(
            "SupportEvents",
            """
        @dev.supportevents.annotations.SupportEvent public record SupportEvents() {}
        """);
    Compilation compilation = compile(hub);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GENERATED_NAME_TAKEN.format(
                Map.of(
                    "package", "the unnamed package",
                    "simpleName", "SupportEvents",
                    "type", "SupportEvents")))
        .inFile(hub)
        .onLineContaining("record SupportEvents");
  }

  /** Every error of the round is reported, several on one record, and then nothing is written. */
  @Test
  void reportsEveryErrorOfARoundBeforeStopping() {
    JavaFileObject outer =
        event(
            "p.Outer",
            """
        public class Outer {
          @SupportEvent("no spaces") private record BadEvent<T>(T value) {}
          @SupportEvent class NotRecordEvent {}
        }
        """);
    Compilation compilation = compile(outer);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GENERIC_RECORD.format(
                Map.of(
                    "record", "p.Outer.BadEvent",
                    "typeParameters", "<T>")))
        .inFile(outer)
        .onLineContaining("record BadEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.NOT_ACCESSIBLE.format(
                Map.of(
                    "record", "p.Outer.BadEvent",
                    "hiddenBy", "private")))
        .inFile(outer)
        .onLineContaining("record BadEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_WIRE_NAME.format(
                Map.of(
                    "wireName", "no spaces",
                    "record", "p.Outer.BadEvent",
                    "derivedWireName", "bad")))
        .inFile(outer)
        .onLineContaining("record BadEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.NOT_A_RECORD.format(
                Map.of(
                    "type", "p.Outer.NotRecordEvent",
                    "kind", "a class",
                    "simpleName", "NotRecordEvent")))
        .inFile(outer)
        .onLineContaining("class NotRecordEvent");
  }

  /** A package's errors stop its own catalog only. */
  @Test
  void writesTheCatalogsOfPackagesWithoutErrors() {
    JavaFileObject broken = event("p.BrokenEvent", "@SupportEvent public class BrokenEvent {}");
    JavaFileObject fine =
        source(
            "q.FineEvent",
            """
        package q;

        @dev.supportevents.annotations.SupportEvent public record FineEvent() {}
        """);
    Compilation compilation = compile(broken, fine);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NOT_A_RECORD.format(
                Map.of(
                    "type", "p.BrokenEvent",
                    "kind", "a class",
                    "simpleName", "BrokenEvent")))
        .inFile(broken)
        .onLineContaining("class BrokenEvent");
    assertThat(written())
        .containsExactly(
            "q.SupportEventType",
            "q.SupportEventCallbacks",
            "q.SupportEventEmitter",
            "q.SupportEvents",
            "q.SupportEventRecorder");
  }

  /** A shorter emit method would pass {@code null} for the left-out component. */
  @Test
  void rejectsANullablePrimitiveComponent() {
    JavaFileObject rated =
        event(
            "p.RatedEvent",
            """
        @SupportEvent public record RatedEvent(String id,
            @org.jspecify.annotations.Nullable int stars) {}
        """);
    Compilation compilation = compile(rated);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NULLABLE_PRIMITIVE.format(
                Map.of(
                    "component", "stars",
                    "record", "p.RatedEvent",
                    "primitive", "int",
                    "boxed", "Integer")))
        .inFile(rated)
        .onLineContaining("record RatedEvent");
    assertThat(written()).isEmpty();
  }

  /** Inside the hub, {@code Builder} means {@code SupportEvents.Builder}. */
  @Test
  void rejectsATypeOfTheUnnamedPackageNamedLikeAHubType() {
    JavaFileObject builder =
        source(
            "Builder",
            """
        @dev.supportevents.annotations.SupportEvent public record Builder(String id) {}
        """);
    Compilation compilation = compile(builder);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NESTED_TYPE_NAME_TAKEN.format(
                Map.of(
                    "name", "Builder",
                    "owner", "hub SupportEvents")))
        .inFile(builder)
        .onLineContaining("record Builder");
    assertThat(written()).isEmpty();
  }

  private RecordingProcessor processor;

  /** Compiles with the processor, recording what it writes. */
  private Compilation compile(JavaFileObject... sources) {
    processor = new RecordingProcessor(new SupportEventProcessor());
    return TestCompiler.compile(List.of(processor), List.of(sources));
  }

  /** The source files the processor created. */
  private Set<String> written() {
    return processor.originsBySource().keySet();
  }

  /** A source in package {@code p} that imports {@code SupportEvent}. */
  private static JavaFileObject event(String qualifiedName, String declaration) {
    return source(
        qualifiedName,
        """
        package p;

        import dev.supportevents.annotations.SupportEvent;

        %s
        """
            .formatted(declaration));
  }
}
