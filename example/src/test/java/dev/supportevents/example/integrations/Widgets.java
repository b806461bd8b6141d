package dev.supportevents.example.integrations;

import dev.supportevents.example.Attachment;
import dev.supportevents.example.IdGenerator;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageTransport;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportWidget;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deterministic widgets for the integration tests, and the one conversation they all play.
 *
 * <p>{@link #playConversation} gives these ids: conversation {@code c-1}; {@code m-2} sent with an
 * invoice attached; {@code m-3} the agent's reply; {@code m-4} fails to send while the network is
 * down ({@code message_send_failed}); {@code m-5} sent without attachments; then the conversation
 * is resolved and rated and the widget closed.
 */
final class Widgets {

  static final String VISITOR_ID = "v-1";
  static final Instant T0 = Instant.parse("2025-03-04T10:15:30Z");
  static final Sender AGENT = Sender.humanAgent("a-7", "Sam");
  static final Attachment INVOICE =
      Attachment.file(
          "invoice-0042.pdf",
          "application/pdf",
          48_213,
          URI.create("https://files.test/invoice.pdf"));

  private Widgets() {}

  /** A transport that delivers while online and throws {@code IOException} while offline. */
  static final class Network implements MessageTransport {

    private volatile boolean online = true;

    void setOnline(boolean online) {
      this.online = online;
    }

    @Override
    public void deliver(Message message) throws IOException {
      if (!online) {
        throw new IOException("network unreachable");
      }
    }
  }

  /** A widget of visitor {@value #VISITOR_ID} with a fixed clock and sequential ids. */
  static SupportWidget.Builder widget(Network network) {
    return SupportWidget.builder(VISITOR_ID, network)
        .visitorName("Alex")
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .ids(IdGenerator.sequential());
  }

  /** Plays the conversation described in the class comment. */
  static void playConversation(SupportWidget widget, Network network) {
    widget.open("/billing");
    widget.startConversation();
    widget.sendMessage("Hi, my invoice is wrong", INVOICE);
    widget.receiveReply(AGENT, "Fixed, here is the new total.");
    network.setOnline(false);
    widget.sendMessage("Are you there?");
    network.setOnline(true);
    widget.sendMessage("Thanks!");
    widget.resolve();
    widget.rate(5, "Great");
    widget.close();
  }
}
