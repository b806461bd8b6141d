package dev.supportevents.example;

import java.util.Map;

/**
 * Where {@link AnalyticsTracker} sends its calls: the {@code track} call of a product analytics
 * tool (Segment, PostHog, Google Analytics, ...), or a list in memory.
 */
@FunctionalInterface
public interface AnalyticsSink {

  /**
   * Records one analytics event.
   *
   * @param name the analytics event's name, such as {@code "support_message_sent"}
   * @param properties what is known about it, in a stable order; unmodifiable, no null values
   */
  void track(String name, Map<String, Object> properties);
}
