package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Events that depend on what another annotation processor generates in a later round. */
class ProcessingRoundsTest {

  private static final JavaFileObject TICKET_OPENED =
      source(
          "p.TicketOpenedEvent",
          """
      package p;

      import java.util.List;

      @dev.supportevents.annotations.SupportEvent
      public record TicketOpenedEvent(String id, Ticket ticket, List<Ticket.Tag> tags) {}
      """);

  private static final JavaFileObject PING =
      source(
          "q.PingEvent",
          """
      package q;

      @dev.supportevents.annotations.SupportEvent
      public record PingEvent(String from) {}
      """);

  /** The package waits for the round in which {@code Ticket} exists, then gets its catalog. */
  @Test
  void defersAnEventWhoseComponentTypeIsGeneratedLater() {
    GeneratingProcessor ticket =
        new GeneratingProcessor(
            Map.of(
                "p.Ticket",
                """
        package p;

        public record Ticket(String id) {
          public enum Tag { VIP, BILLING }
        }
        """));
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation =
        TestCompiler.compile(List.of(processor, ticket), List.of(TICKET_OPENED, PING));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventEmitter"))
        .contains("void emitTicketOpened(String id, Ticket ticket, List<Ticket.Tag> tags);");
    assertThat(generated(compilation, "q.SupportEventEmitter"))
        .contains("void emitPing(String from);");
    assertThat(processor.originsBySource()).hasSize(10);
  }

  /**
   * A union waits for what its records name, as an event does: here a component type that another
   * processor generates in a later round, the record itself without an annotation.
   */
  @Test
  void defersAUnionWhoseRecordNamesATypeGeneratedLater() {
    GeneratingProcessor ticket =
        new GeneratingProcessor(
            Map.of(
                "p.Ticket",
                """
        package p;

        public record Ticket(String id) {}
        """));
    JavaFileObject union =
        source(
            "p.TicketEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public sealed interface TicketEvent {
          record Opened(String id, java.util.List<Ticket> tickets) implements TicketEvent {}

          record Closed(String id) implements TicketEvent {}
        }
        """);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation = TestCompiler.compile(List.of(processor, ticket), List.of(union));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventEmitter"))
        .contains("void emitOpened(String id, List<Ticket> tickets);");
    assertThat(generated(compilation, "p.SupportEvents"))
        .contains("public void emit(TicketEvent event)");
  }

  /**
   * A union whose record names a type that never appears is left without a catalog; the error is on
   * that record, where the type is named, not on the union.
   */
  @Test
  void namesTheRecordOfAUnionLeftWaitingForATypeThatNeverAppears() {
    JavaFileObject union =
        source(
            "p.TicketEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public sealed interface TicketEvent {
          record Opened(String id, java.util.List<Ticket> tickets) implements TicketEvent {}
        }
        """);
    Compilation compilation = TestCompiler.compile(union);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            Message.NEVER_RESOLVED.format(
                Map.of(
                    "declaration", "p.TicketEvent.Opened",
                    "types", "Ticket",
                    "package", "p")))
        .inFile(union)
        .onLineContaining("record Opened");
  }

  /**
   * A type that never appears: javac reports it, and the processor names each event of the package
   * that gets no catalog because of it, the one that names the type and the one that waited with
   * it; other packages get theirs.
   */
  @Test
  void namesEveryEventLeftWaitingForATypeThatNeverAppears() {
    JavaFileObject missing =
        source(
            "p.TicketClosedEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record TicketClosedEvent(String id, java.util.List<Ticket> tickets) {}
        """);
    JavaFileObject waiting =
        source(
            "p.TicketSeenEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record TicketSeenEvent(String id) {}
        """);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation =
        TestCompiler.compile(List.of(processor), List.of(missing, waiting, PING));
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(missing)
        .onLineContaining("record TicketClosedEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.NEVER_RESOLVED.format(
                Map.of(
                    "declaration", "p.TicketClosedEvent",
                    "types", "Ticket",
                    "package", "p")))
        .inFile(missing)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.WAITED_WITH_PACKAGE.format(
                Map.of(
                    "record", "p.TicketSeenEvent",
                    "package", "p",
                    "waitingFor", "p.TicketClosedEvent")))
        .inFile(waiting)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(processor.originsBySource().keySet())
        .containsExactly(
            "q.SupportEventType",
            "q.SupportEventCallbacks",
            "q.SupportEventEmitter",
            "q.SupportEvents",
            "q.SupportEventRecorder");
  }

  /** So is an annotation that never resolves, wherever it is on a component. */
  @Test
  void namesAnAnnotationThatNeverAppears() {
    JavaFileObject annotated =
        source(
            "p.NoteEvent",
            """
        package p;

        import java.util.List;

        @dev.supportevents.annotations.SupportEvent
        public record NoteEvent(@Audited String text, List<@Trimmed String> tags) {}
        """);
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation = TestCompiler.compile(List.of(processor), List.of(annotated));
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("class Audited")
        .inFile(annotated)
        .onLineContaining("record NoteEvent");
    assertThat(compilation)
        .hadErrorContaining("class Trimmed")
        .inFile(annotated)
        .onLineContaining("record NoteEvent");
    // javac 17 shows the processor only the type-use annotation of a record component; later
    // versions show the declaration annotation as well.
    String[] around =
        Message.NEVER_RESOLVED
            .format(
                Map.of(
                    "declaration", "p.NoteEvent",
                    "types", "\0",
                    "package", "p"))
            .split("\0");
    assertThat(compilation)
        .hadErrorContainingMatch(
            Pattern.quote(around[0]) + "(Audited, )?Trimmed" + Pattern.quote(around[1]))
        .inFile(annotated)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(processor.originsBySource()).isEmpty();
  }

  /** A package's catalog is written once; an event generated into it later is an error. */
  @Test
  void rejectsAnEventGeneratedAfterItsPackageCatalog() {
    GeneratingProcessor late =
        new GeneratingProcessor(
            Map.of(
                "q.LateEvent",
                """
        package q;

        @dev.supportevents.annotations.SupportEvent
        public record LateEvent() {}
        """));
    Compilation compilation =
        TestCompiler.compile(List.of(new SupportEventProcessor(), late), List.of(PING));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.LATE_EVENT.format(Map.of("record", "q.LateEvent")));
  }

  /** So is a catalog declaration generated into it later. */
  @Test
  void rejectsACatalogDeclarationGeneratedAfterItsPackageCatalog() {
    GeneratingProcessor late =
        new GeneratingProcessor(
            Map.of(
                "q.LateCatalog",
                """
        package q;

        @dev.supportevents.annotations.SupportEventCatalog
        final class LateCatalog {}
        """));
    Compilation compilation =
        TestCompiler.compile(List.of(new SupportEventProcessor(), late), List.of(PING));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.LATE_CATALOG_DECLARATION.format(
                Map.of(
                    "declaration", "q.LateCatalog",
                    "package", "q")));
  }

  /** Events generated into a package of their own are all seen in one round. */
  @Test
  void acceptsEventsGeneratedIntoAPackageOfTheirOwn() {
    GeneratingProcessor events =
        new GeneratingProcessor(
            Map.of(
                "r.OneEvent",
                    """
            package r;

            @dev.supportevents.annotations.SupportEvent
            public record OneEvent() {}
            """,
                "r.TwoEvent",
                    """
            package r;

            @dev.supportevents.annotations.SupportEvent
            public record TwoEvent(int two) {}
            """));
    Compilation compilation =
        TestCompiler.compile(List.of(new SupportEventProcessor(), events), List.of(PING));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "r.SupportEventEmitter")).contains("void emitTwo(int two);");
  }

  /** The Filer refuses a file that another processor has written; the error names the type. */
  @Test
  void reportsACatalogTypeThatAnotherProcessorWroteFirst() {
    GeneratingProcessor hub =
        new GeneratingProcessor(
            Map.of(
                "q.SupportEvents",
                """
        package q;

        public final class SupportEvents {}
        """));
    Compilation compilation =
        TestCompiler.compile(List.of(hub, new SupportEventProcessor()), List.of(PING));
    assertThat(compilation)
        .hadErrorContaining(
            Message.CANNOT_WRITE.format(
                Map.of(
                    "file", "q.SupportEvents",
                    "cause", "")))
        .inFile(PING)
        .onLineContaining("record PingEvent");
  }
}
