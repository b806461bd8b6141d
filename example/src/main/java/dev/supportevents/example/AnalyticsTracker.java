package dev.supportevents.example;

import dev.supportevents.runtime.Subscription;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Sends every event of a widget to product analytics as one {@code track} call, named after the
 * event's wire name: {@code messageSent} becomes {@code support_message_sent}, {@code
 * widget.opened} becomes {@code support_widget_opened}.
 *
 * <p>The properties carry ids and flags (conversationId, messageId, hasAttachments, ...), never
 * what the visitor wrote: message texts and rating comments stay out of analytics.
 */
public final class AnalyticsTracker {

  /** The prefix of every analytics event name, so support events group together. */
  public static final String NAME_PREFIX = "support_";

  /** Every type's analytics name, worked out once rather than for each event. */
  private static final Map<SupportEventType, String> NAMES = analyticsNames();

  private final AnalyticsSink sink;

  /**
   * Creates a tracker that reports to {@code sink}.
   *
   * @param sink receives one call per event
   */
  public AnalyticsTracker(AnalyticsSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Tracks every event of {@code events} from now on.
   *
   * @param events the hub of one widget
   * @return the subscription; close it to stop tracking
   */
  public Subscription subscribeTo(SupportEvents events) {
    return events.subscribeAll(this::track);
  }

  /**
   * Tracks one event.
   *
   * @param type the event's type
   * @param event the event, of that type
   */
  public void track(SupportEventType type, WidgetEvent event) {
    sink.track(NAMES.get(type), properties(type, event));
  }

  private static Map<SupportEventType, String> analyticsNames() {
    Map<SupportEventType, String> names = new EnumMap<>(SupportEventType.class);
    for (SupportEventType type : SupportEventType.values()) {
      names.put(type, analyticsName(type));
    }
    return names;
  }

  /**
   * The analytics name of an event type: its wire name, which stays put when a record is renamed,
   * in snake case after {@value #NAME_PREFIX}.
   *
   * @param type the event type
   * @return the name, such as {@code "support_conversation_start"}
   */
  public static String analyticsName(SupportEventType type) {
    StringBuilder name = new StringBuilder(NAME_PREFIX);
    for (char c : type.wireName().toCharArray()) {
      if (Character.isUpperCase(c)) {
        name.append('_').append(Character.toLowerCase(c));
      } else if (c == '.' || c == '-' || c == ':') {
        name.append('_');
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  /**
   * The analytics properties of an event: its ids and flags, never what the visitor wrote.
   *
   * @param type the event's type
   * @param event the event, of that type
   * @return the properties in a stable order; unmodifiable, absent values left out
   */
  public static Map<String, Object> properties(SupportEventType type, WidgetEvent event) {
    // A switch expression has a case for every type: a new event does not compile until mapped.
    return switch (type) {
      case CONVERSATION_START ->
          new Properties()
              .put("conversationId", ((ConversationStartEvent) event).conversationId())
              .build();
      case CONVERSATION_END ->
          new Properties()
              .put("conversationId", ((ConversationEndEvent) event).conversationId())
              .build();
      case MESSAGE_SENT -> message(((MessageSentEvent) event).message()).build();
      case MESSAGE_RECEIVED -> {
        Message message = ((MessageReceivedEvent) event).message();
        yield message(message)
            .put("senderRole", message.sender().role().name().toLowerCase(Locale.ROOT))
            .build();
      }
      case ERROR ->
          new Properties()
              .put("errorType", ((ErrorEvent) event).error().getClass().getName())
              .put("context", ((ErrorEvent) event).context())
              .build();
      case RATING_SUBMITTED -> {
        RatingSubmittedEvent rating = (RatingSubmittedEvent) event;
        yield new Properties()
            .put("conversationId", rating.conversationId())
            .put("stars", rating.stars())
            .put("hasComment", rating.comment() != null)
            .build();
      }
      case WIDGET_OPENED ->
          new Properties()
              .put("visitorId", ((WidgetOpenedEvent) event).visitorId())
              .put("page", ((WidgetOpenedEvent) event).page())
              .build();
      case WIDGET_CLOSED ->
          new Properties()
              .put("visitorId", ((WidgetClosedEvent) event).visitorId())
              .put("conversationId", ((WidgetClosedEvent) event).conversationId())
              .build();
    };
  }

  private static Properties message(Message message) {
    return new Properties()
        .put("conversationId", message.conversationId())
        .put("messageId", message.id())
        .put("hasAttachments", message.hasAttachments());
  }

  /** Analytics properties in the order put; absent values are left out, as analytics tools do. */
  private static final class Properties {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Properties put(String name, @Nullable Object value) {
      if (value != null) {
        values.put(name, value);
      }
      return this;
    }

    Map<String, Object> build() {
      return Collections.unmodifiableMap(values);
    }
  }
}
