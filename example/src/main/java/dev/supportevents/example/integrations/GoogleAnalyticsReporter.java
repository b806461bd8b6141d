package dev.supportevents.example.integrations;

import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEventCallbacks;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.runtime.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reports a widget's new conversations and the visitor's messages to Google Analytics 4: {@value
 * #CONVERSATION_START} with {@code conversation_id}, {@value #MESSAGE_SENT} with {@code
 * conversation_id} and {@code message_id}, through the Measurement Protocol.
 *
 * <pre>{@code
 * MeasurementProtocolClient ga4 = MeasurementProtocolClient          // one per application
 *     .builder(HttpClient.newHttpClient(), "G-XXXXXXXXXX", apiSecret).build();
 * Subscription reporting = GoogleAnalyticsReporter.attach(widget.events(), ga4, gaClientId);
 * }</pre>
 */
public final class GoogleAnalyticsReporter implements SupportEventCallbacks {

  /** The GA4 event of a conversation the visitor starts. */
  public static final String CONVERSATION_START = "support_conversation_start";

  /** The GA4 event of a message the visitor sent. */
  public static final String MESSAGE_SENT = "support_message_sent";

  private final MeasurementProtocolClient client;
  private final String clientId;

  /**
   * Creates a reporter of one visitor's widget.
   *
   * @param client sends the events
   * @param clientId the GA4 client id of the visitor's browser (from its {@code _ga} cookie)
   */
  public GoogleAnalyticsReporter(MeasurementProtocolClient client, String clientId) {
    this.client = Objects.requireNonNull(client, "client");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
  }

  /**
   * Reports the new conversations and messages of {@code events} from now on.
   *
   * @param events the hub of one visitor's widget
   * @param client sends the events
   * @param clientId the GA4 client id of the visitor's browser
   * @return the subscription; close it to stop reporting
   */
  public static Subscription attach(
      SupportEvents events, MeasurementProtocolClient client, String clientId) {
    return events.subscribe(new GoogleAnalyticsReporter(client, clientId));
  }

  /** Reports {@value #CONVERSATION_START}. */
  @Override
  public void onConversationStart(ConversationStartEvent event) {
    client.send(clientId, CONVERSATION_START, Map.of("conversation_id", event.conversationId()));
  }

  /** Reports {@value #MESSAGE_SENT}. */
  @Override
  public void onMessageSent(MessageSentEvent event) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("conversation_id", event.conversationId());
    params.put("message_id", event.message().id());
    client.send(clientId, MESSAGE_SENT, params);
  }
}
