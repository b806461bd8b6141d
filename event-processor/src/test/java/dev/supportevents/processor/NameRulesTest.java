package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How record names become the generated API's names, and the names that cannot be derived. */
class NameRulesTest {

  /** Record name, constant, wire name, typed subscription: digits stay with their word. */
  @ParameterizedTest
  @CsvSource({
    "HTTP2ErrorEvent, HTTP2_ERROR, http2Error, onHTTP2Error",
    "HTTPErrorEvent, HTTP_ERROR, httpError, onHTTPError",
    "OAuth2TokenRefreshedEvent, O_AUTH2_TOKEN_REFRESHED, oAuth2TokenRefreshed,"
        + " onOAuth2TokenRefreshed",
    "Step3Event, STEP3, step3, onStep3",
    "IOEvent, IO, io, onIO",
    "MessageSentEvent, MESSAGE_SENT, messageSent, onMessageSent",
    "pingEvent, PING, ping, onPing",
    "Event, EVENT, event, onEvent"
  })
  void derivesReadableNames(String record, String constant, String wireName, String callback) {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p." + record,
                """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record %s(String id) {}
        """
                    .formatted(record)));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType"))
        .contains("  " + constant + "(\"" + wireName + "\", " + record + ".class)");
    assertThat(generated(compilation, "p.SupportEventCallbacks"))
        .contains("default void " + callback + "(" + record + " event)");
  }

  /**
   * A lower-case record name gets a capital after each prefix: {@code ter} gives {@code emitTer},
   * not {@code emitter}, which the hub declares itself.
   */
  @Test
  void capitalizesLowerCaseRecordNamesSoTheyCannotTakeTheHubsOwnNames() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name : List.of("ter", "ter2", "subscribe")) {
      sources.add(
          source(
              "p." + name,
              """
          package p;

          @dev.supportevents.annotations.SupportEvent
          public record %s() {}
          """
                  .formatted(name)));
    }
    sources.add(
        source(
            "p.Use",
            """
        package p;

        class Use {
          void use() {
            SupportEvents events = SupportEvents.create();
            events.onTer(event -> {});
            events.onSubscribe(event -> {});
            events.emitTer();
            events.emitter().emitTer2();
            events.subscribe(SupportEventType.SUBSCRIBE, event -> {});
          }
        }
        """));
    Compilation compilation = TestCompiler.compile(List.of(new SupportEventProcessor()), sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType")).contains("TER(\"ter\", ter.class)");
  }

  /** A derived wire name must meet the rule that a given one meets. */
  @ParameterizedTest
  @CsvSource({
    "CaféOpenedEvent, caféOpened",
    "Price$ChangedEvent, price$Changed",
    "ÜberEvent, über",
    "ΔEvent, δ"
  })
  void rejectsADerivedWireNameOutsideTheRule(String record, String derived) {
    JavaFileObject event =
        source(
            "p." + record,
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record %s(String id) {}
        """
                .formatted(record));
    Compilation compilation = TestCompiler.compile(event);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_DERIVED_WIRE_NAME.format(
                Map.of("wireName", derived, "record", "p." + record)))
        .inFile(event)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
  }

  /**
   * A constant the enum cannot declare: {@code _} is a keyword, {@code $VALUES} javac's own field.
   * The wire names are given, so the constant is the only error.
   */
  @ParameterizedTest
  @CsvSource({"_Event, _", "$VALUESEvent, $VALUES"})
  void rejectsARecordNameWhoseConstantIsNoJavaName(String record, String constant) {
    JavaFileObject event =
        source(
            "p." + record,
            """
        package p;

        @dev.supportevents.annotations.SupportEvent("given")
        public record %s(String id) {}
        """
                .formatted(record));
    Compilation compilation = TestCompiler.compile(event);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_CONSTANT_NAME.format(
                Map.of("record", "p." + record, "constant", constant)))
        .inFile(event)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
  }

  /** The fix the error names: a wire name of its own. */
  @Test
  void acceptsARecordNameOutsideTheWireRuleWithAGivenWireName() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "p.CaféOpenedEvent",
                """
        package p;

        @dev.supportevents.annotations.SupportEvent("cafeOpened")
        public record CaféOpenedEvent(String id) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "p.SupportEventType"))
        .contains("CAFÉ_OPENED(\"cafeOpened\", CaféOpenedEvent.class)");
  }

  /** Every record of a shared name is reported, each against the first that took it. */
  @Test
  void reportsEveryRecordOfAJavaNameThatThreeShare() {
    JavaFileObject first =
        source(
            "p.PingEvent",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record PingEvent() {}
        """);
    JavaFileObject second =
        source(
            "p.Ping",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record Ping() {}
        """);
    JavaFileObject third =
        source(
            "p.ping",
            """
        package p;

        @dev.supportevents.annotations.SupportEvent
        public record ping() {}
        """);
    Compilation compilation = TestCompiler.compile(first, second, third);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "Ping",
                    "other", "PingEvent",
                    "javaName", "PING")))
        .inFile(second)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "Ping",
                    "other", "ping",
                    "javaName", "PING")))
        .inFile(second)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(compilation)
        .hadErrorContaining(
            Message.DUPLICATE_JAVA_NAME.format(
                Map.of(
                    "record", "ping",
                    "other", "Ping",
                    "javaName", "PING")))
        .inFile(third)
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
  }
}
