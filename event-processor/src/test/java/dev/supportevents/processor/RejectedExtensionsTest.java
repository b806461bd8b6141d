package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@code @SupportEventCatalog} the processor rejects: one error per problem with its {@link
 * Message}, on the line of the declaration or of the application's record, and no catalog written
 * for the package.
 */
class RejectedExtensionsTest {

  @TempDir static Path temp;

  private static Path library;

  @BeforeAll
  static void compileLibrary() {
    library = WidgetLibrary.compileInto(temp.resolve("library"));
  }

  @Test
  void rejectsExtendingATypeThatIsNotAGeneratedCatalog() {
    JavaFileObject declaration = packageInfo("com.acme.shop", "String.class");
    Compilation compilation = compile(declaration, ping("com.acme.shop"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.NOT_A_CATALOG.format(Map.of("named", "java.lang.String")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  /** The package's own catalog of an earlier build, still on the class path, is no library. */
  @Test
  void rejectsExtendingItsOwnCatalog() {
    Path earlier =
        Libraries.writeClasses(
            Libraries.compile(List.of(), ping("com.acme.shop")), temp.resolve("earlier"));
    JavaFileObject declaration =
        packageInfo("com.acme.shop", "com.acme.shop.SupportEventType.class");
    Compilation compilation = compile(List.of(earlier), declaration);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXTENDS_ITSELF.format(
                Map.of(
                    "catalog", "com.acme.shop.SupportEventType",
                    "package", "com.acme.shop")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  @Test
  void rejectsAnIndexThatNamesARecordMissingFromTheClassPath() throws IOException {
    Path partial = WidgetLibrary.compileInto(temp.resolve("partial"));
    Files.delete(partial.resolve("com/acme/widget/MessageSentEvent.class"));
    JavaFileObject declaration = WidgetLibrary.extendingPackage("com.acme.shop");
    Compilation compilation = compile(List.of(partial), declaration);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INDEXED_EVENT_MISSING.format(
                Map.of(
                    "catalog", "com.acme.widget.SupportEventType",
                    "record", "com.acme.widget.MessageSentEvent.class")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  /** A class file of the library replaced by one of a later version, in which it is no record. */
  @Test
  void rejectsAnIndexThatNamesAClassThatIsNoLongerARecord() throws IOException {
    Path library = WidgetLibrary.compileInto(temp.resolve("changed"));
    Path later =
        Libraries.writeClasses(
            Libraries.compile(
                List.of(),
                source(
                    "com.acme.widget.MessageSentEvent",
                    """
            package com.acme.widget;

            public final class MessageSentEvent {}
            """)),
            temp.resolve("later"));
    String classFile = "com/acme/widget/MessageSentEvent.class";
    Files.copy(
        later.resolve(classFile), library.resolve(classFile), StandardCopyOption.REPLACE_EXISTING);
    JavaFileObject declaration = WidgetLibrary.extendingPackage("com.acme.shop");
    Compilation compilation = compile(List.of(library), declaration);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INDEXED_EVENT_NOT_A_RECORD.format(
                Map.of(
                    "catalog", "com.acme.widget.SupportEventType",
                    "record", "com.acme.widget.MessageSentEvent.class")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  @Test
  void rejectsAnEventOfTheApplicationNamedLikeAnExtendedOne() {
    JavaFileObject declaration = WidgetLibrary.extendingPackage("com.acme.shop");
    JavaFileObject sent =
        source(
            "com.acme.shop.MessageSentEvent",
            """
        package com.acme.shop;

        @dev.supportevents.annotations.SupportEvent("shop.messageSent")
        public record MessageSentEvent(String orderId) {}
        """);
    Compilation compilation = compile(declaration, sent);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME_WITH_EXTENDED.format(
                Map.of(
                    "record", "MessageSentEvent",
                    "other", "com.acme.widget.MessageSentEvent",
                    "catalog", "com.acme.widget.SupportEventType",
                    "javaName", "MESSAGE_SENT")))
        .inFile(sent)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent(");
    assertNothingWritten(compilation);
  }

  @Test
  void rejectsAnEventOfTheApplicationWithTheWireNameOfAnExtendedOne() {
    JavaFileObject declaration = WidgetLibrary.extendingPackage("com.acme.shop");
    JavaFileObject chat =
        source(
            "com.acme.shop.ChatMessageEvent",
            """
        package com.acme.shop;

        @dev.supportevents.annotations.SupportEvent("messageSent")
        public record ChatMessageEvent(String text) {}
        """);
    Compilation compilation = compile(declaration, chat);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_WIRE_NAME_WITH_EXTENDED.format(
                Map.of(
                    "record", "ChatMessageEvent",
                    "other", "com.acme.widget.MessageSentEvent",
                    "catalog", "com.acme.widget.SupportEventType",
                    "wireName", "messageSent")))
        .inFile(chat)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent(");
  }

  @Test
  void rejectsExtendingTwoCatalogsWhoseEventsClash() {
    Path voice =
        Libraries.writeClasses(
            Libraries.compile(
                List.of(),
                source(
                    "com.acme.voice.MessageSentEvent",
                    """
            package com.acme.voice;

            @dev.supportevents.annotations.SupportEvent("voice.messageSent")
            public record MessageSentEvent(String callId) {}
            """)),
            temp.resolve("voice"));
    JavaFileObject declaration =
        packageInfo(
            "com.acme.shop",
            "{com.acme.widget.SupportEventType.class, com.acme.voice.SupportEventType.class}");
    Compilation compilation = compile(List.of(library, voice), declaration);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXTENDED_CATALOGS_CLASH.format(
                Map.of(
                    "package", "com.acme.shop",
                    "record", "com.acme.widget.MessageSentEvent",
                    "catalog", "com.acme.widget.SupportEventType",
                    "other", "com.acme.voice.MessageSentEvent",
                    "otherCatalog", "com.acme.voice.SupportEventType",
                    "kindOfName", "generated name",
                    "name", "MESSAGE_SENT")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  /** Another package's generated code cannot name a package-private record or payload. */
  @Test
  void rejectsExtendedEventsThatAreNotPublic() {
    Path internal =
        Libraries.writeClasses(
            Libraries.compile(
                List.of(),
                source(
                    "com.acme.internal.AuditEvent",
                    """
            package com.acme.internal;

            @dev.supportevents.annotations.SupportEvent
            record AuditEvent(String id) {}
            """),
                source(
                    "com.acme.internal.PingEvent",
                    """
            package com.acme.internal;

            @dev.supportevents.annotations.SupportEvent
            public record PingEvent(Detail detail) {}
            """),
                source(
                    "com.acme.internal.Detail",
                    """
            package com.acme.internal;

            record Detail(String text) {}
            """)),
            temp.resolve("internal"));
    JavaFileObject declaration =
        packageInfo("com.acme.shop", "com.acme.internal.SupportEventType.class");
    Compilation compilation = compile(List.of(internal), declaration);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXTENDED_EVENT_NOT_PUBLIC.format(
                Map.of(
                    "package", "com.acme.shop",
                    "record", "com.acme.internal.AuditEvent",
                    "catalog", "com.acme.internal.SupportEventType",
                    "type", "com.acme.internal.AuditEvent")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXTENDED_EVENT_NOT_PUBLIC.format(
                Map.of(
                    "package", "com.acme.shop",
                    "record", "com.acme.internal.PingEvent",
                    "catalog", "com.acme.internal.SupportEventType",
                    "type", "com.acme.internal.Detail")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  @Test
  void rejectsTwoDeclarationsInOnePackage() {
    JavaFileObject declaration = WidgetLibrary.extendingPackage("com.acme.shop");
    JavaFileObject type =
        source(
            "com.acme.shop.ShopEvents",
            """
        package com.acme.shop;

        @dev.supportevents.annotations.SupportEventCatalog
        final class ShopEvents {}
        """);
    Compilation compilation = compile(declaration, type, ping("com.acme.shop"));
    String both = "com.acme.shop, com.acme.shop.ShopEvents";
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_CATALOG_DECLARATION.format(
                Map.of("package", "com.acme.shop", "declarations", both)))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_CATALOG_DECLARATION.format(
                Map.of("package", "com.acme.shop", "declarations", both)))
        .inFile(type)
        .onLineContaining("@dev.supportevents.annotations.SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  @Test
  void rejectsADeclarationThatMakesAnEmptyCatalog() {
    JavaFileObject declaration =
        source(
            "com.acme.shop.package-info",
            """
        @SupportEventCatalog
        package com.acme.shop;

        import dev.supportevents.annotations.SupportEventCatalog;
        """);
    Compilation compilation = compile(declaration);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EMPTY_CATALOG.format(
                Map.of(
                    "declaration", "com.acme.shop",
                    "package", "com.acme.shop")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertNothingWritten(compilation);
  }

  /**
   * A catalog that never appears: javac reports the class, the processor what is not generated
   * because of it, on the declaration and on each event that waited with it.
   */
  @Test
  void namesTheDeclarationAndEventsThatWaitedForACatalogThatNeverAppears() {
    JavaFileObject declaration =
        packageInfo("com.acme.shop", "com.acme.gone.SupportEventType.class");
    JavaFileObject ping = ping("com.acme.shop");
    Compilation compilation = compile(declaration, ping);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("package com.acme.gone does not exist")
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXTENDED_NEVER_RESOLVED.format(
                Map.of(
                    "declaration", "com.acme.shop",
                    "catalogs", "a class that does not resolve",
                    "package", "com.acme.shop")))
        .inFile(declaration)
        .onLineContaining("@SupportEventCatalog");
    assertThat(compilation)
        .hadErrorContaining(
            Message.WAITED_WITH_PACKAGE.format(
                Map.of(
                    "record", "com.acme.shop.PingEvent",
                    "package", "com.acme.shop",
                    "waitingFor", "@SupportEventCatalog on com.acme.shop")))
        .inFile(ping)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertNothingWritten(compilation);
  }

  private RecordingProcessor processor;

  /** Compiles against the widget library, recording what the processor writes. */
  private Compilation compile(JavaFileObject... sources) {
    return compile(List.of(library), sources);
  }

  private Compilation compile(List<Path> classDirectories, JavaFileObject... sources) {
    processor = new RecordingProcessor(new SupportEventProcessor());
    return Libraries.compile(processor, classDirectories, sources);
  }

  /** Nothing written for the application's package: no source, no tracking plan. */
  private void assertNothingWritten(Compilation compilation) {
    assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(
            processor.originsBySource().keySet().stream()
                .filter(name -> name.startsWith("com.acme.shop."))
                .toList())
        .isEmpty();
    assertThat(processor.originsByResource())
        .doesNotContainKey("META-INF/support-events/com.acme.shop.schema.json");
  }

  private static JavaFileObject packageInfo(String packageName, String extend) {
    return source(
        packageName + ".package-info",
        """
        @SupportEventCatalog(extend = %s)
        package %s;

        import dev.supportevents.annotations.SupportEventCatalog;
        """
            .formatted(extend, packageName));
  }

  private static JavaFileObject ping(String packageName) {
    return source(
        packageName + ".PingEvent",
        """
        package %s;

        @dev.supportevents.annotations.SupportEvent
        public record PingEvent(String from) {}
        """
            .formatted(packageName));
  }
}
