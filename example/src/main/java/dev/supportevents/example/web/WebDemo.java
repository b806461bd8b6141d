package dev.supportevents.example.web;

import dev.supportevents.example.Message;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.runtime.Subscription;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the widget page on this machine: a {@link WidgetServer} on the loopback address, and an AI
 * agent that greets each conversation the page starts and answers each message the page sends,
 * through the hub as any listener would.
 *
 * <pre>{@code
 * java -cp <the example's class path> dev.supportevents.example.web.WebDemo --port 8080
 * }</pre>
 *
 * <p>Prints {@code http://localhost:<port>/} once the server listens ({@code --port 0} takes any
 * free port) and runs until the process is stopped, for example with Ctrl-C, which closes the
 * server and the hub.
 */
public final class WebDemo {

  /** The port the demo listens on when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 8080;

  private static final Sender AGENT = Sender.aiAgent("ai-1", "Ava");

  private WebDemo() {}

  /**
   * Starts the demo.
   *
   * @param args {@code --port <port>}, optional
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    int port;
    try {
      port = port(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: WebDemo [--port <0-65535>]   (0: any free port; default " + DEFAULT_PORT + ")");
      System.exit(2);
      return;
    }
    SupportEvents events = SupportEvents.create();
    Subscription agent = answerVisitors(events, Clock.systemUTC());
    WidgetServer server =
        WidgetServer.start(events, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  agent.close();
                  events.close();
                },
                "web-demo-shutdown"));
    // The server listens from here on; its own thread keeps the process running once main returns.
    System.out.println("http://localhost:" + server.port() + "/");
    System.out.flush();
  }

  /** The port that {@code args} ask for. */
  static int port(List<String> args) {
    if (args.isEmpty()) {
      return DEFAULT_PORT;
    }
    if (args.size() != 2 || !args.get(0).equals("--port")) {
      throw new IllegalArgumentException("Unknown arguments: " + String.join(" ", args));
    }
    try {
      int port = Integer.parseInt(args.get(1));
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("No such port: " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The port is a number: " + args.get(1), e);
    }
  }

  /**
   * The demo's agent: a greeting when a conversation starts, an answer to each message.
   *
   * @return the subscriptions; close them to stop answering
   */
  static Subscription answerVisitors(SupportEvents events, Clock clock) {
    AtomicLong ids = new AtomicLong();
    return Subscription.all(
        events.onConversationStart(
            start ->
                events.emitMessageReceived(
                    start.conversationId(),
                    new Message(
                        "ai-" + ids.incrementAndGet(),
                        start.conversationId(),
                        AGENT,
                        "Hi, I am Ava. How can I help?",
                        List.of(),
                        clock.instant()))),
        events.onMessageSent(
            sent ->
                events.emitMessageReceived(
                    sent.conversationId(),
                    new Message(
                        "ai-" + ids.incrementAndGet(),
                        sent.conversationId(),
                        AGENT,
                        "Thanks! You wrote: \u201c"
                            + sent.message().text()
                            + "\u201d. A person of the"
                            + " team will follow up here.",
                        List.of(),
                        clock.instant()))));
  }
}
