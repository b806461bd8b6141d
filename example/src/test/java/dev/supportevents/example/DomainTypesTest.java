package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.AI_AGENT;
import static dev.supportevents.example.Fixtures.INVOICE;
import static dev.supportevents.example.Fixtures.SCREENSHOT;
import static dev.supportevents.example.Fixtures.T0;
import static dev.supportevents.example.Fixtures.VISITOR;
import static dev.supportevents.example.Fixtures.conversation;
import static dev.supportevents.example.Fixtures.fromAgent;
import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The events and domain types hold only consistent, immutable values. */
class DomainTypesTest {

  @Test
  void messageKeepsACopyOfItsAttachments() {
    List<Attachment> attachments = new ArrayList<>(List.of(INVOICE));
    Message message = new Message("m-1", "c-1", VISITOR, "see file", attachments, T0);

    attachments.add(SCREENSHOT);

    assertEquals(List.of(INVOICE), message.attachments());
    assertTrue(message.hasAttachments());
    assertFalse(fromVisitor("c-1", "m-2", "no files").hasAttachments());
    assertThrows(UnsupportedOperationException.class, () -> message.attachments().add(SCREENSHOT));
  }

  @Test
  void requiredComponentsRejectNullByName() {
    Message message = fromVisitor("c-1", "m-2", "Hi");
    assertNullRejected("conversationId", () -> new ConversationStartEvent(null, null));
    assertNullRejected("conversationId", () -> new ConversationEndEvent(null, null));
    assertNullRejected("conversationId", () -> new MessageSentEvent(null, message));
    assertNullRejected("message", () -> new MessageSentEvent("c-1", null));
    assertNullRejected("conversationId", () -> new MessageReceivedEvent(null, message));
    assertNullRejected("message", () -> new MessageReceivedEvent("c-1", null));
    assertNullRejected("error", () -> new ErrorEvent(null, "context"));
    assertNullRejected("conversationId", () -> new RatingSubmittedEvent(null, 5, null));
    assertNullRejected("visitorId", () -> new WidgetOpenedEvent(null, null));
    assertNullRejected("visitorId", () -> new WidgetClosedEvent(null, null));
    assertNullRejected("text", () -> new Message("m-1", "c-1", VISITOR, null, List.of(), T0));
    assertNullRejected("createdAt", () -> Conversation.open("c-1", "v-1", null));
    assertNullRejected("role", () -> new Sender(null, "v-1", "Alex"));
    assertNullRejected("uri", () -> Attachment.image("a.png", "image/png", 1, null));
  }

  @Test
  void nullableComponentsAcceptNull() {
    assertNull(new ConversationStartEvent("c-1", null).conversation());
    assertNull(new ConversationEndEvent("c-1", null).conversation());
    assertNull(new ErrorEvent(new IllegalStateException(), null).context());
    assertNull(new RatingSubmittedEvent("c-1", 5, null).comment());
    assertNull(new WidgetOpenedEvent("v-1", null).page());
    assertNull(new WidgetClosedEvent("v-1", null).conversationId());
  }

  @Test
  void messagesGoTheRightWay() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MessageSentEvent("c-1", fromAgent("c-1", "m-2", "I am an agent")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MessageReceivedEvent("c-1", fromVisitor("c-1", "m-2", "I am the visitor")));
    assertTrue(AI_AGENT.isAgent());
    assertFalse(VISITOR.isAgent());
  }

  @Test
  void eventsAndTheirPayloadsAgreeOnTheConversation() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MessageSentEvent("c-2", fromVisitor("c-1", "m-2", "Hi")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConversationStartEvent("c-2", conversation("c-1")));
    assertThrows(
        IllegalArgumentException.class, () -> new ConversationEndEvent("c-2", conversation("c-1")));
  }

  @Test
  void ratingsAreOneToFiveStars() {
    assertThrows(IllegalArgumentException.class, () -> new RatingSubmittedEvent("c-1", 0, null));
    assertThrows(IllegalArgumentException.class, () -> new RatingSubmittedEvent("c-1", 6, null));
    assertThrows(IllegalArgumentException.class, () -> conversation("c-1").rate(6, T0));
    assertEquals(1, new RatingSubmittedEvent("c-1", 1, null).stars());
    assertEquals(5, conversation("c-1").rate(5, T0).rating());
  }

  @Test
  void conversationChangesGiveNewValues() {
    Conversation open = conversation("c-1");
    Conversation resolved = open.resolve(T0.plusSeconds(60));

    assertEquals(Conversation.Status.OPEN, open.status());
    assertNull(open.resolvedAt());
    assertEquals(Conversation.Status.RESOLVED, resolved.status());
    assertEquals(T0.plusSeconds(60), resolved.resolvedAt());
    assertEquals(T0.plusSeconds(60), resolved.updatedAt());
    assertEquals(T0, resolved.createdAt());
  }

  @Test
  void attachmentSizesAreNotNegative() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Attachment.file("a.txt", "text/plain", -1, URI.create("https://files.test/a.txt")));
    assertEquals(Attachment.Kind.IMAGE, SCREENSHOT.kind());
    assertEquals(Attachment.Kind.FILE, INVOICE.kind());
  }

  @Test
  void idGeneratorsPrefixTheirIds() {
    IdGenerator sequential = IdGenerator.sequential();
    assertEquals(
        List.of("c-1", "m-2", "m-3"),
        List.of(sequential.nextId("c"), sequential.nextId("m"), sequential.nextId("m")));

    IdGenerator random = IdGenerator.random();
    String first = random.nextId("m");
    assertTrue(first.startsWith("m-"), first);
    assertNotEquals(first, random.nextId("m"));
  }

  private static void assertNullRejected(String component, Executable construction) {
    assertEquals(component, assertThrows(NullPointerException.class, construction).getMessage());
  }
}
