package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.SupportWidget;
import dev.supportevents.example.integrations.LoopbackServer.Request;
import dev.supportevents.runtime.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Measurement Protocol, pointed at a loopback server, receives the widget's GA4 events. */
@Timeout(30)
class GoogleAnalyticsReporterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CLIENT_ID = "1234567890.1741083330";

  /** Held here so that the logger, and the handler a test adds to it, are not collected. */
  private final Logger julLogger = Logger.getLogger(MeasurementProtocolClient.class.getName());

  private LoopbackServer server;
  private OutboundRequests outbound;
  private MeasurementProtocolClient ga4;

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start("");
    outbound = OutboundRequests.install();
    ga4 =
        MeasurementProtocolClient.builder(HttpClient.newHttpClient(), "G-TEST12345", "api secret/1")
            .endpoint(server.baseUri().resolve("/mp/collect"))
            .build();
  }

  @AfterEach
  void stopServer() {
    assertTrue(ga4.flush(WAIT), "a request was still on its way");
    server.close();
    outbound.uninstallAndCheckOnlyLoopback(server);
  }

  @Test
  void reportsNewConversationsAndSentMessages() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget =
        widget(network).callbacks(new GoogleAnalyticsReporter(ga4, CLIENT_ID)).build();

    playConversation(widget, network);

    assertTrue(ga4.flush(WAIT));
    List<Request> requests = server.awaitRequests(3, WAIT);
    assertEquals(3, requests.size(), requests::toString);
    for (Request request : requests) {
      assertEquals("POST", request.method());
      assertEquals("/mp/collect", request.path());
      assertEquals("measurement_id=G-TEST12345&api_secret=api+secret%2F1", request.query());
      assertEquals("application/json", request.header("Content-Type"));
    }
    // Sent concurrently: they may arrive in any order.
    assertEquals(
        List.of(
            "support_conversation_start {conversation_id=c-1}",
            "support_message_sent {conversation_id=c-1, message_id=m-2}",
            "support_message_sent {conversation_id=c-1, message_id=m-5}"),
        requests.stream().map(GoogleAnalyticsReporterTest::event).sorted().toList());
  }

  @Test
  void closingTheSubscriptionStopsReporting() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    Subscription subscription = GoogleAnalyticsReporter.attach(widget.events(), ga4, CLIENT_ID);
    widget.open();
    widget.startConversation();

    subscription.close();
    widget.sendMessage("Hello");

    assertTrue(ga4.flush(WAIT));
    assertEquals(
        List.of("support_conversation_start {conversation_id=c-1}"),
        server.requests().stream().map(GoogleAnalyticsReporterTest::event).toList());
  }

  @Test
  void aRefusingOrUnreachableServiceDoesNotDisturbTheWidget() throws Exception {
    server.answer(500, "");
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget =
        widget(network).callbacks(new GoogleAnalyticsReporter(ga4, CLIENT_ID)).build();
    MeasurementProtocolClient unreachable;
    try (LoopbackServer closed = LoopbackServer.start("")) {
      unreachable =
          MeasurementProtocolClient.builder(HttpClient.newHttpClient(), "G-TEST12345", "secret")
              .endpoint(closed.baseUri().resolve("/mp/collect"))
              .build();
    }
    GoogleAnalyticsReporter.attach(widget.events(), unreachable, CLIENT_ID);
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler recorder =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julLogger.setUseParentHandlers(false);
    julLogger.addHandler(recorder);
    try {
      playConversation(widget, network);

      assertTrue(ga4.flush(WAIT));
      assertTrue(unreachable.flush(WAIT));
    } finally {
      julLogger.removeHandler(recorder);
      julLogger.setUseParentHandlers(true);
    }
    assertEquals(3, server.requests().size());
    assertEquals(
        List.of(
            "GA4 event support_conversation_start was not sent: java.net.ConnectException",
            "GA4 event support_conversation_start was refused with HTTP status 500",
            "GA4 event support_message_sent was not sent: java.net.ConnectException",
            "GA4 event support_message_sent was not sent: java.net.ConnectException",
            "GA4 event support_message_sent was refused with HTTP status 500",
            "GA4 event support_message_sent was refused with HTTP status 500"),
        warnings.stream()
            .map(warning -> warning.replaceAll("ConnectException.*", "ConnectException"))
            .sorted()
            .toList());
  }

  @Test
  void bodyIsTheMeasurementProtocolsJson() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("conversation_id", "c-\"1\"\n\\");
    params.put("count", 2);
    params.put("first", true);
    params.put("bell", "\u0007");

    String body = MeasurementProtocolClient.body("cid", "support_test", params);

    assertEquals(
        "{\"client_id\":\"cid\",\"events\":[{\"name\":\"support_test\",\"params\":"
            + "{\"conversation_id\":\"c-\\\"1\\\"\\n\\\\\",\"count\":2,\"first\":true,"
            + "\"bell\":\"\\u0007\"}}]}",
        body);
    assertEquals(
        Map.of(
            "client_id",
            "cid",
            "events",
            List.of(
                Map.of(
                    "name",
                    "support_test",
                    "params",
                    Map.of(
                        "conversation_id",
                        "c-\"1\"\n\\",
                        "count",
                        2.0,
                        "first",
                        true,
                        "bell",
                        "\u0007")))),
        Json.parse(body));
  }

  @Test
  void onlyHttpEndpointsAreAccepted() {
    MeasurementProtocolClient.Builder builder =
        MeasurementProtocolClient.builder(HttpClient.newHttpClient(), "G-TEST12345", "secret");

    assertThrows(
        IllegalArgumentException.class,
        () -> builder.endpoint(URI.create("ftp://127.0.0.1/mp/collect")));
    assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ZERO));
  }

  /** The request's one event as "name params", after checking its client id. */
  private static String event(Request request) {
    Map<String, Object> body = Json.object(request.body());
    assertEquals(CLIENT_ID, body.get("client_id"));
    List<Map<String, Object>> events = Json.objects(body, "events");
    assertEquals(1, events.size());
    return events.get(0).get("name") + " " + events.get(0).get("params");
  }
}
