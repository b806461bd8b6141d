package dev.supportevents.example;

import dev.supportevents.runtime.Subscription;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A panel of the widget's user interface that shows the current conversation. It may open at any
 * moment, in the middle of a conversation too: since the hub replays the latest
 * {@link ConversationStartEvent} to a new listener, the panel shows the conversation in progress
 * at once, without asking the widget for it.
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

  private final Subscription subscription;

  private ConversationPanel(SupportEvents events) {
    this.subscription = events.onConversationStart(this::show);
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
   * @return the id of the latest conversation started, or empty if none was
   */
  public Optional<String> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** Closes the panel: it follows no more conversations. */
  @Override
  public void close() {
    subscription.close();
  }

  private void show(ConversationStartEvent event) {
    conversationId = event.conversationId();
  }
}
