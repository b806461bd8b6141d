package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule of a sealed union, broken: its {@link Message} on the line at fault, and nothing
 * written for the package. And what javac itself says when code emits an event of no catalog.
 */
class RejectedUnionsTest {

  @TempDir Path temp;

  private RecordingProcessor processor;

  @Test
  void anInterfaceThatIsNotSealed() {
    JavaFileObject union = type("p.WidgetEvent", "@SupportEvent public interface WidgetEvent {}");
    Compilation compilation = compile(union, record("Ping"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_NOT_SEALED.format(
                Map.of(
                    "union", "p.WidgetEvent",
                    "simpleName", "WidgetEvent")))
        .inFile(union)
        .onLineContaining("interface WidgetEvent");
    assertThat(written()).isEmpty();
  }

  @Test
  void aGenericUnion() {
    JavaFileObject union =
        type(
            "p.WidgetEvent",
            "@SupportEvent public sealed interface WidgetEvent<T> permits PingEvent {}");
    JavaFileObject ping =
        type(
            "p.PingEvent",
            "@SupportEvent public record PingEvent(String id) implements WidgetEvent<String> {}");
    Compilation compilation = compile(union, ping);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GENERIC_UNION.format(
                Map.of(
                    "union", "p.WidgetEvent",
                    "typeParameters", "<T>")))
        .inFile(union)
        .onLineContaining("interface WidgetEvent");
    assertThat(written()).isEmpty();
  }

  @Test
  void aUnionGivenAWireNameOrReplay() {
    JavaFileObject union =
        type(
            "p.WidgetEvent",
            """
        @SupportEvent(value = "widget", replayLatest = true)
        public sealed interface WidgetEvent permits PingEvent {}
        """);
    Compilation compilation = compile(union, record("Ping"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_ANNOTATION_MEMBERS.format(
                Map.of(
                    "union", "p.WidgetEvent",
                    "members", "replayLatest = true, value = \"widget\"")))
        .inFile(union)
        .onLineContaining("@SupportEvent(value");
    assertThat(written()).isEmpty();
  }

  @Test
  void aPrivateUnion() {
    JavaFileObject outer =
        type(
            "p.Outer",
            """
        public class Outer {
          @SupportEvent private sealed interface Hidden permits PingEvent {}

          public record PingEvent(String id) implements Hidden {}
        }
        """);
    Compilation compilation = compile(outer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_NOT_ACCESSIBLE.format(
                Map.of(
                    "union", "p.Outer.Hidden",
                    "hiddenBy", "private")))
        .inFile(outer)
        .onLineContaining("interface Hidden");
    assertThat(written()).isEmpty();
  }

  @Test
  void aPermittedTypeThatIsNotARecord() {
    JavaFileObject union =
        type(
            "p.WidgetEvent",
            """
        @SupportEvent
        public sealed interface WidgetEvent permits PingEvent, Pong, Later {}
        """);
    JavaFileObject pong = type("p.Pong", "public final class Pong implements WidgetEvent {}");
    JavaFileObject later =
        type("p.Later", "public non-sealed interface Later extends WidgetEvent {}");
    Compilation compilation = compile(union, record("Ping"), pong, later);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_MEMBER_NOT_RECORD.format(
                Map.of(
                    "union", "p.WidgetEvent",
                    "member", "p.Pong",
                    "kind", "a class",
                    "memberSimpleName", "Pong",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(union)
        .onLineContaining("@SupportEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_MEMBER_NOT_RECORD.format(
                Map.of(
                    "union", "p.WidgetEvent",
                    "member", "p.Later",
                    "kind", "an interface that is not sealed",
                    "memberSimpleName", "Later",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(union)
        .onLineContaining("@SupportEvent");
    assertThat(written()).isEmpty();
  }

  /** A group of events, a sealed interface the union permits, holds records too. */
  @Test
  void aTypeThatAGroupOfTheUnionPermitsIsNotARecord() {
    JavaFileObject union = union("PingEvent, Conversation");
    JavaFileObject group =
        type(
            "p.Conversation",
            """
        public sealed interface Conversation extends WidgetEvent permits OpenedEvent, Note {}
        """);
    JavaFileObject opened =
        type(
            "p.OpenedEvent",
            "@SupportEvent public record OpenedEvent(String id) implements Conversation {}");
    JavaFileObject note = type("p.Note", "public final class Note implements Conversation {}");
    Compilation compilation = compile(union, group, record("Ping"), opened, note);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.GROUP_MEMBER_NOT_RECORD.format(
                Map.of(
                    "group", "p.Conversation",
                    "union", "p.WidgetEvent",
                    "member", "p.Note",
                    "kind", "a class",
                    "memberSimpleName", "Note",
                    "groupSimpleName", "Conversation")))
        .inFile(group)
        .onLineContaining("interface Conversation");
    assertThat(written()).isEmpty();
  }

  @Test
  void twoUnionsInOnePackage() {
    JavaFileObject first =
        type(
            "p.WidgetEvent",
            "@SupportEvent public sealed interface WidgetEvent permits PingEvent {}");
    JavaFileObject second =
        type(
            "p.OtherEvent",
            "@SupportEvent public sealed interface OtherEvent permits PongEvent {}");
    JavaFileObject pong =
        type("p.PongEvent", "public record PongEvent(String id) implements OtherEvent {}");
    Compilation compilation = compile(first, second, record("Ping"), pong);
    assertThat(compilation).hadErrorCount(2);
    String text =
        Message.DUPLICATE_UNION.format(
            Map.of(
                "package", "p",
                "unions", "p.OtherEvent, p.WidgetEvent"));
    assertThat(compilation)
        .hadErrorContaining(text)
        .inFile(first)
        .onLineContaining("interface WidgetEvent");
    assertThat(compilation)
        .hadErrorContaining(text)
        .inFile(second)
        .onLineContaining("interface OtherEvent");
    assertThat(written()).isEmpty();
  }

  @Test
  void anEventOfThePackageOutsideItsUnion() {
    JavaFileObject outside =
        type("p.StrayEvent", "@SupportEvent public record StrayEvent(String id) {}");
    Compilation compilation = compile(union("PingEvent"), record("Ping"), outside);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EVENT_OUTSIDE_UNION.format(
                Map.of(
                    "record", "p.StrayEvent",
                    "package", "p",
                    "union", "p.WidgetEvent",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(outside)
        .onLineContaining("record StrayEvent");
    assertThat(written()).isEmpty();
  }

  @Test
  void aUnionInACatalogThatExtendsAnother() {
    Path chat =
        Libraries.writeClasses(
            Libraries.compile(
                List.of(),
                source(
                    "com.acme.chat.TypingEvent",
                    """
            package com.acme.chat;

            @dev.supportevents.annotations.SupportEvent
            public record TypingEvent(String conversationId) {}
            """)),
            temp.resolve("chat"));
    JavaFileObject declaration =
        source(
            "p.package-info",
            """
        @SupportEventCatalog(extend = com.acme.chat.SupportEventType.class)
        package p;

        import dev.supportevents.annotations.SupportEventCatalog;
        """);
    JavaFileObject union = union("PingEvent");
    Compilation compilation = Libraries.compile(List.of(chat), declaration, union, record("Ping"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_WITH_EXTENDED_CATALOG.format(
                Map.of(
                    "package", "p",
                    "union", "p.WidgetEvent",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(union)
        .onLineContaining("interface WidgetEvent");
  }

  /** The point of the union: javac rejects an event of no catalog, before anything runs. */
  @Test
  void emittingARecordOfNoCatalogDoesNotCompile() {
    JavaFileObject caller =
        source(
            "p.Caller",
            """
        package p;

        public final class Caller {
          public record Foreign(String id) {}

          static void call(SupportEvents events) {
            events.emit(new Foreign("f-1"));
          }
        }
        """);
    Compilation compilation = compile(union("PingEvent"), record("Ping"), caller);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "incompatible types: p.Caller.Foreign cannot be converted to" + " p.WidgetEvent")
        .inFile(caller)
        .onLineContaining("events.emit(");
    assertThat(written()).contains("p.SupportEvents");
  }

  /**
   * javac runs the processor only for sources with its annotations: a record of the union that is
   * not nested in it, compiled again alone without {@code @SupportEvent}, would leave the catalog
   * stale. It must carry the annotation; the error is on the record.
   */
  @Test
  void aRecordNotNestedInTheUnionWithoutTheAnnotation() {
    JavaFileObject pong =
        type("p.PongEvent", "public record PongEvent(String id) implements WidgetEvent {}");
    Compilation compilation = compile(union("PingEvent, PongEvent"), record("Ping"), pong);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_MEMBER_NOT_ANNOTATED.format(
                Map.of(
                    "record", "p.PongEvent",
                    "union", "p.WidgetEvent",
                    "recordSimpleName", "PongEvent",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(pong)
        .onLineContaining("public record PongEvent");
    assertThat(written()).isEmpty();
  }

  /**
   * A group of the union is no @SupportEvent type: recompiled alone, neither it nor a record of it
   * that is not nested in the union would run the processor. The record carries the annotation; a
   * record nested in the union, through a group or not, needs none.
   */
  @Test
  void aRecordOfAGroupNotNestedInTheUnionWithoutTheAnnotation() {
    JavaFileObject union =
        type(
            "p.WidgetEvent",
            """
        @SupportEvent
        public sealed interface WidgetEvent permits PingEvent, Conversation, WidgetEvent.Inner {
          sealed interface Inner extends WidgetEvent permits Inner.NestedEvent {
            record NestedEvent(String id) implements Inner {}
          }
        }
        """);
    JavaFileObject group =
        type(
            "p.Conversation",
            "public sealed interface Conversation extends WidgetEvent permits OpenedEvent {}");
    JavaFileObject opened =
        type("p.OpenedEvent", "public record OpenedEvent(String id) implements Conversation {}");
    Compilation compilation = compile(union, group, record("Ping"), opened);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_MEMBER_NOT_ANNOTATED.format(
                Map.of(
                    "record", "p.OpenedEvent",
                    "union", "p.WidgetEvent",
                    "recordSimpleName", "OpenedEvent",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(opened)
        .onLineContaining("public record OpenedEvent");
    assertThat(written()).isEmpty();
  }

  /**
   * Compiled earlier without the annotation, the record is read from its class file when the
   * union's file is compiled again: the error is on the union, which has a line.
   */
  @Test
  void aRecordOfAClassFileWithoutTheAnnotationIsReportedOnTheUnion() {
    JavaFileObject union = union("PongEvent");
    JavaFileObject pong =
        type("p.PongEvent", "public record PongEvent(String id) implements WidgetEvent {}");
    Path earlier =
        Libraries.writeClasses(Compiler.javac().compile(union, pong), temp.resolve("earlier"));

    processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation = Libraries.compile(processor, List.of(earlier), union);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.UNION_MEMBER_NOT_ANNOTATED.format(
                Map.of(
                    "record", "p.PongEvent",
                    "union", "p.WidgetEvent",
                    "recordSimpleName", "PongEvent",
                    "unionSimpleName", "WidgetEvent")))
        .inFile(union)
        .onLineContaining("@SupportEvent");
    assertThat(written()).isEmpty();
  }

  /** Records nested in the union are compiled whenever it is: they need no annotation. */
  @Test
  void recordsNestedInTheUnionNeedNoAnnotation() {
    JavaFileObject union =
        type(
            "p.WidgetEvent",
            """
        @SupportEvent
        public sealed interface WidgetEvent {
          record Opened(String id) implements WidgetEvent {}

          record Closed(String id) implements WidgetEvent {}
        }
        """);
    Compilation compilation = compile(union);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(written()).contains("p.SupportEvents");
  }

  /**
   * A record of the union that names a type it does not import: javac reports the type there, and
   * so does the processor, on the record, not on the union; nothing is written.
   */
  @Test
  void aMissingImportInARecordIsReportedAtTheRecord() {
    JavaFileObject union = union("PingEvent");
    JavaFileObject ping =
        type(
            "p.PingEvent",
            """
        @SupportEvent
        public record PingEvent(String id, Instant at) implements WidgetEvent {}
        """);
    Compilation compilation = compile(union, ping);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(ping)
        .onLineContaining("public record PingEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.NEVER_RESOLVED.format(
                Map.of("declaration", "p.PingEvent", "types", "Instant", "package", "p")))
        .inFile(ping)
        .onLineContaining("@SupportEvent");
    assertThat(written()).isEmpty();
  }

  /** So is one in a record of the union without an annotation of its own, nested in it. */
  @Test
  void aMissingImportInANestedRecordIsReportedAtThatRecord() {
    JavaFileObject union =
        type(
            "p.WidgetEvent",
            """
        @SupportEvent
        public sealed interface WidgetEvent {
          record Opened(String id) implements WidgetEvent {}

          record Closed(String id, Instant at) implements WidgetEvent {}
        }
        """);
    Compilation compilation = compile(union);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NEVER_RESOLVED.format(
                Map.of("declaration", "p.WidgetEvent.Closed", "types", "Instant", "package", "p")))
        .inFile(union)
        .onLineContaining("record Closed");
    assertThat(written()).isEmpty();
  }

  private Compilation compile(JavaFileObject... sources) {
    processor = new RecordingProcessor(new SupportEventProcessor());
    return TestCompiler.compile(List.of(processor), List.of(sources));
  }

  private Set<String> written() {
    return processor.originsBySource().keySet();
  }

  /** {@code WidgetEvent}, a union of package {@code p} permitting {@code permits}. */
  private static JavaFileObject union(String permits) {
    return type(
        "p.WidgetEvent",
        "@SupportEvent public sealed interface WidgetEvent permits " + permits + " {}");
  }

  /** {@code <name>Event}, a record of the union {@code WidgetEvent}, in a file of its own. */
  private static JavaFileObject record(String name) {
    return type(
        "p." + name + "Event",
        "@SupportEvent public record " + name + "Event(String id) implements WidgetEvent {}");
  }

  private static JavaFileObject type(String qualifiedName, String declaration) {
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
