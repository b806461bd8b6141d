package dev.supportevents.example;

import dev.supportevents.runtime.Subscription;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays one whole support conversation on a {@link SupportWidget} and prints each event as it
 * flows: the widget is opened, a conversation starts, the visitor sends an invoice, an AI agent and
 * then a human agent reply, a message fails to send while the network is down, the conversation is
 * resolved and rated, and the widget is closed.
 */
public final class SupportWidgetDemo {

  private SupportWidgetDemo() {}

  /**
   * Runs the demo on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Plays the conversation, printing to {@code out}. */
  static void run(PrintStream out) {
    AtomicBoolean online = new AtomicBoolean(true);
    MessageTransport transport =
        message -> {
          if (!online.get()) {
            throw new IOException("network unreachable");
          }
        };
    List<String> tracked = new ArrayList<>();
    List<String> reported = new ArrayList<>();
    SupportWidget widget =
        SupportWidget.builder("v-42", transport)
            .visitorName("Alex")
            .ids(IdGenerator.sequential())
            .callbacks(
                new ErrorTracker(
                    (error, tags, extra) -> reported.add(error + " " + tags + " " + extra)))
            .build();
    widget
        .events()
        .subscribeAll((type, event) -> out.println(EventFormatter.describe(type, event)));
    Subscription analytics =
        new AnalyticsTracker((name, properties) -> tracked.add(name)).subscribeTo(widget.events());

    Sender ava = Sender.aiAgent("ai-1", "Ava");
    Sender sam = Sender.humanAgent("a-7", "Sam");
    widget.open("/billing");
    widget.startConversation();
    widget.sendMessage(
        "Hi, my invoice is wrong",
        Attachment.file(
            "invoice-0042.pdf",
            "application/pdf",
            48_213,
            URI.create("https://files.example.com/v-42/invoice-0042.pdf")));
    widget.receiveReply(ava, "Sorry about that! I have passed your invoice to the billing team.");
    widget.receiveReply(sam, "Hi Alex, I corrected the invoice and sent you the new one.");
    online.set(false);
    widget.sendMessage("Thanks! Will it show in my account?");
    online.set(true);
    widget.resolve();
    widget.rate(5, "Quick and friendly");
    widget.close();
    analytics.close();

    out.println();
    out.println("analytics tracked " + tracked.size() + " events: " + String.join(", ", tracked));
    out.println("error tracker reported " + reported.size() + ": " + String.join("; ", reported));
  }
}
