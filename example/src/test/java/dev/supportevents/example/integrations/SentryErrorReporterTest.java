package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.example.integrations.LoopbackServer.Request;
import dev.supportevents.runtime.Subscription;
import io.sentry.Sentry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Sentry SDK, pointed at a loopback server, receives the widget's errors, tagged. */
@Timeout(30)
class SentryErrorReporterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private LoopbackServer server;
  private OutboundRequests outbound;

  @BeforeEach
  void startSentry() throws Exception {
    server = LoopbackServer.start("{}");
    outbound = OutboundRequests.install();
    Sentry.init(
        options -> {
          options.setDsn("http://public-key@127.0.0.1:" + server.port() + "/1");
          options.setSendClientReports(false);
          options.setEnableAutoSessionTracking(false);
          options.setEnableUncaughtExceptionHandler(false);
          options.setEnableShutdownHook(false);
          options.setAttachServerName(false); // no host name lookup
          options.setEnableBackpressureHandling(false);
          options.setSendModules(false);
        });
  }

  @AfterEach
  void closeSentry() {
    Sentry.close();
    server.close();
    outbound.uninstallAndCheckOnlyLoopback(server);
  }

  @Test
  void capturesTheFailedSendWithTagAndContext() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget =
        widget(network).callbacks(new SentryErrorReporter(Sentry.getCurrentScopes())).build();

    playConversation(widget, network);
    Sentry.flush(WAIT.toMillis());

    List<Request> requests = server.awaitRequests(1, WAIT);
    assertEquals(1, requests.size(), "one error, one envelope: " + requests);
    Request request = requests.get(0);
    assertEquals("POST", request.method());
    assertEquals("/api/1/envelope/", request.path());
    assertTrue(
        request.header("X-Sentry-Auth").contains("sentry_key=public-key"),
        request.header("X-Sentry-Auth"));
    Map<String, Object> event = onlyEvent(request);
    assertEquals(Map.of("component", "support_widget"), event.get("tags"));
    assertEquals(Map.of("context", "message_send_failed"), event.get("extra"));
    Map<String, Object> exception = Json.objects(Json.object(event, "exception"), "values").get(0);
    assertEquals("IOException", exception.get("type"));
    assertEquals("java.io", exception.get("module"));
    assertEquals("network unreachable", exception.get("value"));
  }

  @Test
  void anErrorWithoutContextHasNoExtraAndTheTagStaysOnTheWidgetsErrors() throws Exception {
    SupportEvents events = SupportEvents.create();
    SentryErrorReporter.attach(events, Sentry.getCurrentScopes());

    events.emitError(new IllegalStateException("upload failed"));
    Sentry.captureMessage("something else of the application");
    Sentry.flush(WAIT.toMillis());

    List<Request> requests = server.awaitRequests(2, WAIT);
    assertEquals(2, requests.size(), requests::toString);
    Map<String, Object> widgetError = onlyEvent(requests.get(0));
    assertEquals(Map.of("component", "support_widget"), widgetError.get("tags"));
    assertNull(widgetError.get("extra"));
    Map<String, Object> other = onlyEvent(requests.get(1));
    assertNull(other.get("tags"), "the widget's tag leaked into another event");
  }

  @Test
  void closingTheSubscriptionStopsCapturing() throws Exception {
    SupportEvents events = SupportEvents.create();
    Subscription subscription = SentryErrorReporter.attach(events, Sentry.getCurrentScopes());
    events.emitError(new IllegalStateException("first"), "first_context");
    Sentry.flush(WAIT.toMillis());
    server.awaitRequests(1, WAIT);

    subscription.close();
    events.emitError(new IllegalStateException("second"), "second_context");
    Sentry.flush(WAIT.toMillis());

    assertEquals(
        List.of(Map.of("context", "first_context")),
        server.requests().stream().map(request -> onlyEvent(request).get("extra")).toList());
  }

  /**
   * The event of an envelope: a header line, then for each item a header line with its type and
   * length and a line of payload.
   */
  private static Map<String, Object> onlyEvent(Request request) {
    String[] lines = request.body().split("\n");
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 1; i + 1 < lines.length; i += 2) {
      if ("event".equals(Json.object(lines[i]).get("type"))) {
        events.add(Json.object(lines[i + 1]));
      }
    }
    assertEquals(1, events.size(), request.body());
    return events.get(0);
  }
}
