package dev.supportevents.example;

import dev.supportevents.runtime.Subscription;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A panel of the widget's user interface that shows the current conversation. It may open at any
 * moment, in the middle of a conversation too: since the hub replays the latest {@link
 * ConversationStartEvent} to a new listener, the panel shows the conversation in progress at once,
 * without asking the widget for it. When the conversation ends, the panel clears, and the widget
 * has the hub forget the start, so a panel opened later shows nothing.
 *
 * <pre>{@code
 * try (ConversationPanel panel = ConversationPanel.openOn(widget.events())) {
 *   panel.conversationId();   // the conversation already started, if any
 * }
 * }</pre>
 */
public final class ConversationPanel implements AutoCloseable {

  /** The id shown; written by the hub's delivery thread, read by the UI's. */
  private volatile @Nullable String conversationId;

  private final Subscription subscriptions;

  private ConversationPanel(SupportEvents events) {
    this.subscriptions =
        Subscription.all(
            events.onConversationStart(this::show), events.onConversationEnd(this::clear));
  }

  /**
   * Opens a panel that follows the conversations of {@code events}.
   *
   * @param events the widget's hub
   * @return the panel, showing the conversation in progress if there is one
   */
  public static ConversationPanel openOn(SupportEvents events) {
    return new ConversationPanel(events);
  }

  /**
   * The conversation the panel shows.
   *
   * @return the id of the conversation in progress, or empty if none is
   */
  public Optional<String> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** Closes the panel: it follows no more conversations. */
  @Override
  public void close() {
    subscriptions.close();
  }

  private void show(ConversationStartEvent event) {
    conversationId = event.conversationId();
  }

  private void clear(ConversationEndEvent event) {
    if (event.conversationId().equals(conversationId)) {
      conversationId = null;
    }
  }
}
