package dev.supportevents.example;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One support widget on a web page, as its visitor uses it: opened, a conversation started,
 * messages exchanged with the support team, the conversation resolved and rated, the widget closed.
 * Each step emits its event on the widget's own {@link #events()} hub, so listeners of one widget
 * never hear another's.
 *
 * <pre>{@code
 * SupportWidget widget = SupportWidget.builder("v-42", transport)
 *     .callbacks(new ErrorTracker(errorSink))          // the widget's "props"
 *     .build();
 * widget.events().onMessageSent(event -> ...);
 * widget.open();
 * widget.startConversation();
 * widget.sendMessage("Hi, my invoice is wrong");
 * }</pre>
 *
 * <p>A widget models a user interface: drive it from one thread. Its hub may be used from any.
 */
public final class SupportWidget {

  private final Sender visitor;
  private final MessageTransport transport;
  private final Clock clock;
  private final IdGenerator ids;
  private final SupportEvents events;
  private boolean open;
  private @Nullable Conversation conversation;

  private SupportWidget(Builder builder) {
    this.visitor = Sender.visitor(builder.visitorId, builder.visitorName);
    this.transport = builder.transport;
    this.clock = builder.clock;
    this.ids = builder.ids;
    this.events = builder.events.build();
  }

  /**
   * Starts configuring a widget for one visitor.
   *
   * @param visitorId the visitor using the widget
   * @param transport carries the visitor's messages to the support team
   * @return a builder with the system clock and random ids
   */
  public static Builder builder(String visitorId, MessageTransport transport) {
    return new Builder(visitorId, transport);
  }

  /**
   * The hub of this widget's events: subscribe here.
   *
   * @return the hub, the same on every call
   */
  public SupportEvents events() {
    return events;
  }

  /**
   * Tells whether the widget is open on the page.
   *
   * @return {@code true} between {@link #open()} and {@link #close()}
   */
  public boolean isOpen() {
    return open;
  }

  /**
   * The current conversation as it stands now.
   *
   * @return the latest conversation started, or empty if none was
   */
  public Optional<Conversation> conversation() {
    return Optional.ofNullable(conversation);
  }

  /** Opens the widget on an unknown page; see {@link #open(String)}. */
  public void open() {
    open(null);
  }

  /**
   * Opens the widget and emits {@link WidgetOpenedEvent}. Opening an open widget does nothing.
   *
   * @param page the page of the website it is opened on, or {@code null} if unknown
   */
  public void open(@Nullable String page) {
    if (open) {
      return;
    }
    open = true;
    events.emitWidgetOpened(visitor.id(), page);
  }

  /**
   * Creates a conversation and emits {@link ConversationStartEvent}.
   *
   * @return the new, open conversation
   * @throws IllegalStateException if the widget is closed or a conversation is still open
   */
  public Conversation startConversation() {
    requireOpenWidget("start a conversation");
    if (hasOpenConversation()) {
      throw new IllegalStateException(
          "Conversation " + conversation.id() + " is still open; resolve it first");
    }
    Conversation started = Conversation.open(ids.nextId("c"), visitor.id(), clock.instant());
    conversation = started;
    events.emitConversationStart(started.id(), started);
    return started;
  }

  /**
   * Sends the visitor's message through the transport. If the transport delivers it, emits {@link
   * MessageSentEvent}; if it throws, emits {@link ErrorEvent} with the context {@value
   * ErrorEvent#MESSAGE_SEND_FAILED} instead.
   *
   * @param text what the visitor wrote
   * @param attachments files and images the visitor attached
   * @return the message if it was sent, empty if sending failed
   * @throws IllegalStateException if the widget is closed or no conversation is open
   */
  public Optional<Message> sendMessage(String text, Attachment... attachments) {
    requireOpenWidget("send a message");
    Message message = newMessage(openConversation("send a message"), visitor, text, attachments);
    try {
      transport.deliver(message);
    } catch (Exception failure) {
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt(); // keep the interrupt for the caller to see
      }
      events.emitError(failure, ErrorEvent.MESSAGE_SEND_FAILED);
      return Optional.empty();
    }
    events.emitMessageSent(message.conversationId(), message);
    return Optional.of(message);
  }

  /**
   * Shows a reply of the support team and emits {@link MessageReceivedEvent}. Replies arrive even
   * while the widget is closed.
   *
   * @param agent the human or AI agent who wrote it
   * @param text what the agent wrote
   * @param attachments files and images the agent attached
   * @return the received message
   * @throws IllegalArgumentException if {@code agent} is the visitor
   * @throws IllegalStateException if no conversation is open
   */
  public Message receiveReply(Sender agent, String text, Attachment... attachments) {
    if (!agent.isAgent()) {
      throw new IllegalArgumentException("A reply comes from an agent, not from " + agent.role());
    }
    Message message = newMessage(openConversation("receive a reply"), agent, text, attachments);
    events.emitMessageReceived(message.conversationId(), message);
    return message;
  }

  /**
   * Resolves the open conversation and emits {@link ConversationEndEvent}. The hub forgets the
   * conversation's start first, so a panel opened from now on is not shown an ended conversation.
   *
   * @return the resolved conversation
   * @throws IllegalStateException if no conversation is open
   */
  public Conversation resolve() {
    Conversation resolved = openConversation("resolve a conversation").resolve(clock.instant());
    conversation = resolved;
    events.forgetLatestConversationStart();
    events.emitConversationEnd(resolved.id(), resolved);
    return resolved;
  }

  /**
   * Records the visitor's rating of the resolved conversation and emits {@link
   * RatingSubmittedEvent}.
   *
   * @param stars the rating, from {@value Conversation#MIN_RATING} to {@value
   *     Conversation#MAX_RATING}
   * @param comment what the visitor wrote with it, or {@code null}
   * @return the rated conversation
   * @throws IllegalArgumentException if {@code stars} is out of range
   * @throws IllegalStateException if the conversation is not resolved, or already rated
   */
  public Conversation rate(int stars, @Nullable String comment) {
    Conversation current = conversation;
    if (current == null || current.status() != Conversation.Status.RESOLVED) {
      throw new IllegalStateException("Only a resolved conversation can be rated");
    }
    if (current.rating() != null) {
      throw new IllegalStateException("Conversation " + current.id() + " is already rated");
    }
    Conversation rated = current.rate(stars, clock.instant());
    conversation = rated;
    events.emitRatingSubmitted(rated.id(), stars, comment);
    return rated;
  }

  /**
   * Closes the widget and emits {@link WidgetClosedEvent}. Closing a closed widget does nothing.
   */
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    events.emitWidgetClosed(visitor.id(), conversation == null ? null : conversation.id());
  }

  private void requireOpenWidget(String action) {
    if (!open) {
      throw new IllegalStateException("Open the widget to " + action);
    }
  }

  private Conversation openConversation(String action) {
    if (!hasOpenConversation()) {
      throw new IllegalStateException("Start a conversation to " + action);
    }
    return conversation;
  }

  private boolean hasOpenConversation() {
    return conversation != null && conversation.status() == Conversation.Status.OPEN;
  }

  private Message newMessage(
      Conversation in, Sender sender, String text, Attachment... attachments) {
    return new Message(
        ids.nextId("m"), in.id(), sender, text, List.of(attachments), clock.instant());
  }

  /** Configures a {@link SupportWidget}. */
  public static final class Builder {

    private final String visitorId;
    private final MessageTransport transport;
    private final SupportEvents.Builder events = SupportEvents.builder();
    private String visitorName = "Visitor";
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.random();

    private Builder(String visitorId, MessageTransport transport) {
      this.visitorId = Objects.requireNonNull(visitorId, "visitorId");
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Sets the name shown beside the visitor's messages.
     *
     * @param visitorName the visitor's display name; {@code "Visitor"} by default
     * @return this builder
     */
    public Builder visitorName(String visitorName) {
      this.visitorName = Objects.requireNonNull(visitorName, "visitorName");
      return this;
    }

    /**
     * Sets the clock that stamps conversations and messages.
     *
     * @param clock the clock; the system's UTC clock by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where conversation and message ids come from.
     *
     * @param ids the id generator; {@link IdGenerator#random()} by default
     * @return this builder
     */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Adds callbacks, the widget's "props": they run before every listener subscribed later.
     *
     * @param callbacks receive the events they override
     * @return this builder
     */
    public Builder callbacks(SupportEventCallbacks callbacks) {
      events.callbacks(callbacks);
      return this;
    }

    /**
     * Builds the widget, closed and without a conversation.
     *
     * @return a new widget with its own hub
     */
    public SupportWidget build() {
      return new SupportWidget(this);
    }
  }
}
