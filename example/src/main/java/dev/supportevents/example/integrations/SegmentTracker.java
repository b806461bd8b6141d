package dev.supportevents.example.integrations;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;
import dev.supportevents.example.ConversationEndEvent;
import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEventCallbacks;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.runtime.Subscription;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tracks a widget's conversations and the visitor's messages in Segment: {@value
 * #CONVERSATION_STARTED} and {@value #CONVERSATION_ENDED} with the {@code conversationId}, {@value
 * #MESSAGE_SENT} with the {@code conversationId}, the {@code messageId} and {@code hasAttachments}.
 * What the visitor wrote is never sent.
 *
 * <pre>{@code
 * Analytics analytics = Analytics.builder(writeKey).build();       // one per application
 * Subscription tracking = SegmentTracker.attach(widget.events(), analytics, visitorId);
 * ...
 * analytics.flush();                                                // and at exit:
 * analytics.shutdown();
 * }</pre>
 *
 * <p>Each call is put on the client's queue without waiting ({@link Analytics#offer}); the client
 * uploads in batches on its own threads. A call the queue has no room for is dropped and logged to
 * the {@code System.Logger} of this class, never thrown into the widget.
 */
public final class SegmentTracker implements SupportEventCallbacks {

  /** The Segment event of a conversation the visitor starts. */
  public static final String CONVERSATION_STARTED = "Support Conversation Started";

  /** The Segment event of a conversation that is resolved or closed. */
  public static final String CONVERSATION_ENDED = "Support Conversation Ended";

  /** The Segment event of a message the visitor sent. */
  public static final String MESSAGE_SENT = "Support Message Sent";

  private static final System.Logger LOG = System.getLogger(SegmentTracker.class.getName());

  private final Analytics analytics;
  private final String userId;

  /**
   * Creates a tracker of one visitor's widget.
   *
   * @param analytics the application's Segment client
   * @param userId the visitor's Segment user id
   */
  public SegmentTracker(Analytics analytics, String userId) {
    this.analytics = Objects.requireNonNull(analytics, "analytics");
    this.userId = Objects.requireNonNull(userId, "userId");
  }

  /**
   * Tracks the conversations and messages of {@code events} from now on.
   *
   * @param events the hub of one visitor's widget
   * @param analytics the application's Segment client
   * @param userId the visitor's Segment user id
   * @return the subscription; close it to stop tracking
   */
  public static Subscription attach(SupportEvents events, Analytics analytics, String userId) {
    return events.subscribe(new SegmentTracker(analytics, userId));
  }

  /** Tracks {@value #CONVERSATION_STARTED}. */
  @Override
  public void onConversationStart(ConversationStartEvent event) {
    track(CONVERSATION_STARTED, Map.of("conversationId", event.conversationId()));
  }

  /** Tracks {@value #CONVERSATION_ENDED}. */
  @Override
  public void onConversationEnd(ConversationEndEvent event) {
    track(CONVERSATION_ENDED, Map.of("conversationId", event.conversationId()));
  }

  /** Tracks {@value #MESSAGE_SENT}. */
  @Override
  public void onMessageSent(MessageSentEvent event) {
    Message message = event.message();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("conversationId", event.conversationId());
    properties.put("messageId", message.id());
    properties.put("hasAttachments", message.hasAttachments());
    track(MESSAGE_SENT, properties);
  }

  private void track(String name, Map<String, ?> properties) {
    boolean queued =
        analytics.offer(TrackMessage.builder(name).userId(userId).properties(properties));
    if (!queued) {
      LOG.log(Level.WARNING, "Segment queue is full: dropped \"{0}\" of user {1}", name, userId);
    }
  }
}
