package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.VISITOR_ID;
import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.segment.analytics.Analytics;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.example.integrations.LoopbackServer.Request;
import dev.supportevents.runtime.Subscription;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Segment's Java SDK, pointed at a loopback server, uploads the widget's conversation. */
@Timeout(30)
class SegmentTrackerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String WRITE_KEY = "test-write-key";

  private LoopbackServer server;
  private OutboundRequests outbound;
  private Analytics analytics;

  @BeforeEach
  void startSegment() throws Exception {
    server = LoopbackServer.start("{\"success\":true}"); // the SDK reads the answer as JSON
    outbound = OutboundRequests.install();
    analytics = Analytics.builder(WRITE_KEY).endpoint(server.baseUri().toString()).build();
  }

  @AfterEach
  void shutDownSegment() {
    analytics.shutdown();
    server.close();
    outbound.uninstallAndCheckOnlyLoopback(server);
  }

  @Test
  void tracksConversationsAndSentMessages() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget =
        widget(network).callbacks(new SegmentTracker(analytics, VISITOR_ID)).build();

    playConversation(widget, network);
    analytics.flush();

    Request request = server.awaitRequests(1, WAIT).get(0);
    assertEquals("POST", request.method());
    assertEquals("/v1/import/", request.path());
    assertEquals(WRITE_KEY, Json.object(request.body()).get("writeKey"));
    assertEquals(
        List.of(
            "track Support Conversation Started v-1 {conversationId=c-1}",
            "track Support Message Sent v-1 {conversationId=c-1, messageId=m-2, hasAttachments=true}",
            "track Support Message Sent v-1 {conversationId=c-1, messageId=m-5, hasAttachments=false}",
            "track Support Conversation Ended v-1 {conversationId=c-1}"),
        tracked(request));
  }

  @Test
  void closingTheSubscriptionStopsTracking() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    Subscription subscription = SegmentTracker.attach(widget.events(), analytics, VISITOR_ID);
    widget.open();
    widget.startConversation();

    subscription.close();
    widget.sendMessage("Hello");
    widget.resolve();
    analytics.flush();
    analytics.shutdown(); // waits for the upload: nothing else can arrive after it

    List<Request> requests = server.awaitRequests(1, WAIT);
    assertEquals(1, requests.size(), requests::toString);
    assertEquals(
        List.of("track Support Conversation Started v-1 {conversationId=c-1}"),
        tracked(requests.get(0)));
  }

  @Test
  void aClientThatWasShutDownDoesNotDisturbTheWidget() {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget =
        widget(network).callbacks(new SegmentTracker(analytics, VISITOR_ID)).build();
    analytics.shutdown();

    playConversation(widget, network);

    assertEquals(List.of(), server.requests());
  }

  /** Each message of a batch as "type event userId properties", the properties as received. */
  private static List<String> tracked(Request request) {
    return Json.objects(Json.object(request.body()), "batch").stream()
        .map(
            message ->
                message.get("type")
                    + " "
                    + message.get("event")
                    + " "
                    + message.get("userId")
                    + " "
                    + Json.object(message, "properties"))
        .toList();
  }
}
