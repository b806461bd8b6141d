package dev.supportevents.example.integrations;

import com.posthog.java.PostHog;
import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEventCallbacks;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.runtime.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Captures a widget's new conversations and the visitor's messages in PostHog: {@value
 * #CONVERSATION_STARTED} with the {@code conversationId}, {@value #MESSAGE_SENT} with the {@code
 * conversationId} and the {@code messageId}. What the visitor wrote is never sent.
 *
 * <pre>{@code
 * PostHog posthog = new PostHog.Builder(projectApiKey).host(host).build();  // one per application
 * Subscription capturing = PostHogTracker.attach(widget.events(), posthog, visitorId);
 * ...
 * posthog.shutdown();                                                  // sends what is queued
 * }</pre>
 *
 * <p>{@link PostHog#capture} only puts the event on the client's queue; the client sends it in a
 * batch from its own thread.
 */
public final class PostHogTracker implements SupportEventCallbacks {

  /** The PostHog event of a conversation the visitor starts. */
  public static final String CONVERSATION_STARTED = "support_conversation_started";

  /** The PostHog event of a message the visitor sent. */
  public static final String MESSAGE_SENT = "support_message_sent";

  private final PostHog posthog;
  private final String distinctId;

  /**
   * Creates a tracker of one visitor's widget.
   *
   * @param posthog the application's PostHog client
   * @param distinctId the visitor's PostHog distinct id
   */
  public PostHogTracker(PostHog posthog, String distinctId) {
    this.posthog = Objects.requireNonNull(posthog, "posthog");
    this.distinctId = Objects.requireNonNull(distinctId, "distinctId");
  }

  /**
   * Captures the new conversations and messages of {@code events} from now on.
   *
   * @param events the hub of one visitor's widget
   * @param posthog the application's PostHog client
   * @param distinctId the visitor's PostHog distinct id
   * @return the subscription; close it to stop capturing
   */
  public static Subscription attach(SupportEvents events, PostHog posthog, String distinctId) {
    return events.subscribe(new PostHogTracker(posthog, distinctId));
  }

  /** Captures {@value #CONVERSATION_STARTED}. */
  @Override
  public void onConversationStart(ConversationStartEvent event) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("conversationId", event.conversationId());
    posthog.capture(distinctId, CONVERSATION_STARTED, properties);
  }

  /** Captures {@value #MESSAGE_SENT}. */
  @Override
  public void onMessageSent(MessageSentEvent event) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("conversationId", event.conversationId());
    properties.put("messageId", event.message().id());
    posthog.capture(distinctId, MESSAGE_SENT, properties);
  }
}
