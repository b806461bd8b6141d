package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A catalog that extends the catalog of a library compiled before it: the application's hub
 * dispatches both, and the library's hub goes on alone.
 */
class CatalogExtensionTest {

  private static final JavaFileObject CHECKOUT_HELP =
      source(
          "com.acme.shop.CheckoutHelpRequestedEvent",
          """
      package com.acme.shop;

      @dev.supportevents.annotations.SupportEvent
      public record CheckoutHelpRequestedEvent(String cartId, int items) {}
      """);

  /** Uses the application's hub and the library's, and says what each listener got. */
  private static final JavaFileObject SCENARIO =
      source(
          "com.acme.shop.Scenario",
          """
      package com.acme.shop;

      import com.acme.widget.ConversationStartEvent;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Supplier;

      public final class Scenario implements Supplier<List<String>> {
        @Override
        public List<String> get() {
          List<String> log = new ArrayList<>();
          SupportEvents shop = SupportEvents.create();
          shop.onMessageSent(event -> log.add("shop onMessageSent " + event.text()));
          shop.subscribeAll((type, event) -> log.add("shop all " + type + " " + event));
          shop.emitMessageSent("c-1", "Where is my order?");
          shop.emit(new ConversationStartEvent("c-1", "/checkout"));
          shop.emitCheckoutHelpRequested("cart-9", 3);
          shop.onConversationStart(event -> log.add("shop replayed " + event.conversationId()));
          log.add("shop latest " + shop.latestConversationStart().orElseThrow().page());

          com.acme.widget.SupportEvents widget = com.acme.widget.SupportEvents.create();
          widget.subscribeAll((type, event) -> log.add("widget all " + type));
          widget.emitConversationStart("c-2");
          try {
            widget.emit(new CheckoutHelpRequestedEvent("cart-9", 3));
          } catch (IllegalArgumentException rejected) {
            log.add("widget rejects " + rejected.getMessage());
          }
          try (SupportEventRecorder recorder = SupportEventRecorder.attach(shop)) {
            shop.emitConversationStart("c-3");
            log.add("recorded " + recorder.of(ConversationStartEvent.class));
          }
          return log;
        }
      }
      """);

  @TempDir static Path temp;

  private static Path library;
  private static Compilation application;

  @BeforeAll
  static void compileLibraryThenApplication() {
    library = WidgetLibrary.compileInto(temp.resolve("library"));
    application =
        Libraries.compile(
            List.of(library),
            WidgetLibrary.extendingPackage("com.acme.shop"),
            CHECKOUT_HELP,
            SCENARIO);
  }

  @Test
  void applicationHubDispatchesLibraryAndApplicationEventsWhileTheLibraryHubGoesOnAlone() {
    assertThat(application).succeededWithoutWarnings();
    Path classes = Libraries.writeClasses(application, temp.resolve("application"));

    List<String> log = Libraries.run("com.acme.shop.Scenario", library, classes);

    assertThat(log)
        .containsExactly(
            "shop onMessageSent Where is my order?",
            "shop all MESSAGE_SENT MessageSentEvent[conversationId=c-1, text=Where is my order?]",
            "shop all CONVERSATION_START ConversationStartEvent[conversationId=c-1, page=/checkout]",
            "shop all CHECKOUT_HELP_REQUESTED CheckoutHelpRequestedEvent[cartId=cart-9, items=3]",
            "shop replayed c-1",
            "shop latest /checkout",
            "widget all CONVERSATION_START",
            "widget rejects com.acme.shop.CheckoutHelpRequestedEvent is not an event of"
                + " com.acme.widget; its events are: ConversationStartEvent (conversationStart),"
                + " MessageSentEvent (messageSent)",
            "shop all CONVERSATION_START ConversationStartEvent[conversationId=c-3, page=null]",
            "shop replayed c-3",
            "recorded [ConversationStartEvent[conversationId=c-1, page=/checkout],"
                + " ConversationStartEvent[conversationId=c-3, page=null]]")
        .inOrder();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SupportEventType", "SupportEvents", "SupportEventEmitter"})
  void applicationCatalogMatchesGolden(String type) {
    assertThat(application).succeededWithoutWarnings();
    GoldenFiles.check(
        "com/acme/shop/" + type + ".java", generated(application, "com.acme.shop." + type));
  }

  @Test
  void applicationTrackingPlanHasTheEventsOfBoth() {
    String plan = TrackingPlans.of(application, "com.acme.shop");
    assertThat(plan).contains("\"x-java-class\": \"com.acme.widget.ConversationStartEvent\"");
    assertThat(plan).contains("\"x-java-class\": \"com.acme.widget.MessageSentEvent\"");
    assertThat(plan).contains("\"x-java-class\": \"com.acme.shop.CheckoutHelpRequestedEvent\"");
  }

  /** The extended catalog is generated in this compilation: the package waits a round for it. */
  @Test
  void extendsACatalogGeneratedInTheSameCompilation() {
    List<JavaFileObject> sources = new ArrayList<>(WidgetLibrary.sources());
    sources.add(WidgetLibrary.extendingPackage("com.acme.shop"));
    sources.add(CHECKOUT_HELP);
    sources.add(SCENARIO);
    Compilation compilation = Libraries.compile(List.of(), sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.shop.SupportEventType"))
        .isEqualTo(generated(application, "com.acme.shop.SupportEventType"));
  }

  /** With no events of its own, a package's catalog combines the catalogs it extends. */
  @Test
  void combinesCatalogsWithoutEventsOfItsOwn() {
    Compilation compilation =
        Libraries.compile(List.of(library), WidgetLibrary.extendingPackage("com.acme.all"));
    assertThat(compilation).succeededWithoutWarnings();
    String type = generated(compilation, "com.acme.all.SupportEventType");
    assertThat(type)
        .contains("CONVERSATION_START(\"conversationStart\", ConversationStartEvent.class)");
    assertThat(type).contains("MESSAGE_SENT(\"messageSent\", MessageSentEvent.class)");
    assertThat(type)
        .startsWith(
            "// Generated by the Support Events processor. Do not edit.\n"
                + "// From the @SupportEvent records of com.acme.all and of the catalogs it extends\n"
                + "// (com.acme.widget.SupportEventType).\n");
  }

  /**
   * A catalog that extends another can be extended in turn: its index lists the events of both,
   * extended ones first, in their catalog's order.
   */
  @Test
  void extendsACatalogThatExtendsAnother() {
    Path shop = Libraries.writeClasses(application, temp.resolve("shop"));
    Compilation compilation =
        Libraries.compile(
            List.of(library, shop),
            source(
                "com.acme.store.package-info",
                """
            @SupportEventCatalog(extend = com.acme.shop.SupportEventType.class)
            package com.acme.store;

            import dev.supportevents.annotations.SupportEventCatalog;
            """),
            source(
                "com.acme.store.OrderPlacedEvent",
                """
            package com.acme.store;

            @dev.supportevents.annotations.SupportEvent
            public record OrderPlacedEvent(String orderId) {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String type = generated(compilation, "com.acme.store.SupportEventType");
    assertThat(type)
        .contains(
            "    events = {\n"
                + "        ConversationStartEvent.class,\n"
                + "        MessageSentEvent.class,\n"
                + "        CheckoutHelpRequestedEvent.class,\n"
                + "        OrderPlacedEvent.class\n"
                + "    }");
  }

  /**
   * The Filer hears of the sources that make the catalog: the package's own records and its
   * declaration, not the library's class files.
   */
  @Test
  void givesTheFilerTheOwnRecordsAndTheDeclarationAsOriginatingElements() {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation =
        Libraries.compile(
            processor,
            List.of(library),
            WidgetLibrary.extendingPackage("com.acme.shop"),
            CHECKOUT_HELP);
    assertThat(compilation).succeededWithoutWarnings();
    List<String> origins = List.of("com.acme.shop.CheckoutHelpRequestedEvent", "com.acme.shop");
    assertThat(processor.originsBySource().keySet()).hasSize(5);
    processor
        .originsBySource()
        .values()
        .forEach(sourceOrigins -> assertThat(sourceOrigins).isEqualTo(origins));
    assertThat(processor.originsByResource())
        .containsExactly(
            "META-INF/support-events/com.acme.shop.schema.json", origins,
            "META-INF/support-events/com.acme.shop.d.ts", origins);
  }

  /** {@code @SupportEventCatalog} may stand on a type of the package instead of the package. */
  @Test
  void acceptsTheDeclarationOnAType() {
    Compilation compilation =
        Libraries.compile(
            List.of(library),
            CHECKOUT_HELP,
            source(
                "com.acme.shop.ShopEvents",
                """
            package com.acme.shop;

            @dev.supportevents.annotations.SupportEventCatalog(
                extend = com.acme.widget.SupportEventType.class)
            final class ShopEvents {
              private ShopEvents() {}
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.shop.SupportEventEmitter"))
        .contains("void emitMessageSent(String conversationId, String text);");
  }

  /**
   * javac reads type-use annotations from class files from JDK 22 on only (JDK-8225377). A library
   * component marked with JSpecify's {@code @Nullable}, a type-use annotation alone, still gets its
   * shorter emit overload in the application's catalog on every JDK: the library's index recorded
   * the annotation, and the processor reads it from there.
   */
  @Test
  void seesATypeUseNullableOfACompiledLibraryOnEveryJdk() {
    Path chat =
        Libraries.writeClasses(
            Libraries.compile(
                List.of(),
                source(
                    "com.acme.chat.TypingEvent",
                    """
            package com.acme.chat;

            @dev.supportevents.annotations.SupportEvent
            public record TypingEvent(
                String conversationId, @org.jspecify.annotations.Nullable String agent) {}
            """)),
            temp.resolve("chat"));
    Compilation compilation =
        Libraries.compile(
            List.of(chat),
            source(
                "com.acme.help.package-info",
                """
            @SupportEventCatalog(extend = com.acme.chat.SupportEventType.class)
            package com.acme.help;

            import dev.supportevents.annotations.SupportEventCatalog;
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String emitter = generated(compilation, "com.acme.help.SupportEventEmitter");
    assertThat(emitter).contains("default void emitTyping(String conversationId) {");
    assertThat(emitter).contains("void emitTyping(String conversationId, @Nullable String agent);");
  }
}
