package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.VISITOR_ID;
import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.posthog.java.PostHog;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.example.integrations.LoopbackServer.Request;
import dev.supportevents.runtime.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PostHog's Java SDK, pointed at a loopback server, captures the widget's conversation. */
@Timeout(30)
class PostHogTrackerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String API_KEY = "phc_test_project_key";

  private LoopbackServer server;
  private OutboundRequests outbound;
  private PostHog posthog;

  @BeforeEach
  void startPostHog() throws Exception {
    server = LoopbackServer.start("{\"status\":1}");
    outbound = OutboundRequests.install();
    posthog = new PostHog.Builder(API_KEY).host(server.baseUri().toString()).build();
  }

  @AfterEach
  void shutDownPostHog() {
    posthog.shutdown();
    server.close();
    outbound.uninstallAndCheckOnlyLoopback(server);
  }

  @Test
  void capturesNewConversationsAndSentMessages() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget =
        widget(network).callbacks(new PostHogTracker(posthog, VISITOR_ID)).build();

    playConversation(widget, network);
    posthog.shutdown(); // sends what is queued and waits for it

    List<Request> requests = server.awaitRequests(1, WAIT);
    for (Request request : requests) {
      assertEquals("POST", request.method());
      assertEquals("/batch", request.path());
      assertEquals(API_KEY, Json.object(request.body()).get("api_key"));
    }
    assertEquals(
        List.of(
            "support_conversation_started v-1 {conversationId=c-1}",
            "support_message_sent v-1 {conversationId=c-1, messageId=m-2}",
            "support_message_sent v-1 {conversationId=c-1, messageId=m-5}"),
        captured(requests));
  }

  @Test
  void closingTheSubscriptionStopsCapturing() throws Exception {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    Subscription subscription = PostHogTracker.attach(widget.events(), posthog, VISITOR_ID);
    widget.open();
    widget.startConversation();

    subscription.close();
    widget.sendMessage("Hello");
    posthog.shutdown();

    assertEquals(
        List.of("support_conversation_started v-1 {conversationId=c-1}"),
        captured(server.awaitRequests(1, WAIT)));
  }

  /** The events of all batches as "event distinctId properties", less PostHog's own properties. */
  private static List<String> captured(List<Request> requests) {
    List<String> events = new ArrayList<>();
    for (Request request : requests) {
      for (Map<String, Object> event : Json.objects(Json.object(request.body()), "batch")) {
        Map<String, Object> properties = Json.object(event, "properties");
        properties.keySet().removeIf(key -> key.startsWith("$"));
        events.add(
            event.get("event") + " " + event.get("distinct_id") + " " + new TreeMap<>(properties));
      }
    }
    return events;
  }
}
