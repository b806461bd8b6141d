package dev.supportevents.example;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Sample values for tests: fixed instants, senders, and one event of each type. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2025-03-04T10:15:30Z");
  static final Sender VISITOR = Sender.visitor("v-1", "Alex");
  static final Sender AI_AGENT = Sender.aiAgent("ai-1", "Ava");
  static final Sender HUMAN_AGENT = Sender.humanAgent("a-7", "Sam");
  static final Attachment INVOICE =
      Attachment.file(
          "invoice-0042.pdf",
          "application/pdf",
          48_213,
          URI.create("https://files.test/invoice.pdf"));
  static final Attachment SCREENSHOT =
      Attachment.image(
          "screenshot.png", "image/png", 120_000, URI.create("https://files.test/screenshot.png"));

  /** One instance, so that events built from it in different places are equal. */
  static final IllegalStateException BOOM = new IllegalStateException("boom");

  private Fixtures() {}

  static Conversation conversation(String id) {
    return Conversation.open(id, VISITOR.id(), T0);
  }

  static Message fromVisitor(String conversationId, String id, String text, Attachment... files) {
    return new Message(id, conversationId, VISITOR, text, List.of(files), T0);
  }

  static Message fromAgent(String conversationId, String id, String text, Attachment... files) {
    return new Message(id, conversationId, HUMAN_AGENT, text, List.of(files), T0);
  }

  /** One event of every type, in the order of {@link SupportEventType#values()}. */
  static List<WidgetEvent> oneOfEach() {
    return List.of(
        new ConversationStartEvent("c-1", conversation("c-1")),
        new ConversationEndEvent("c-1", conversation("c-1").resolve(T0)),
        new MessageSentEvent("c-1", fromVisitor("c-1", "m-2", "Hi", INVOICE)),
        new MessageReceivedEvent("c-1", fromAgent("c-1", "m-3", "Hello")),
        new ErrorEvent(BOOM, "test"),
        new RatingSubmittedEvent("c-1", 4, "ok"),
        new WidgetOpenedEvent("v-1", "/help"),
        new WidgetClosedEvent("v-1", "c-1"));
  }
}
