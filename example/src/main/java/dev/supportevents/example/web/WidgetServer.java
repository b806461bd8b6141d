package dev.supportevents.example.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.web.MessageIntake.RejectedMessage;
import dev.supportevents.runtime.Labeled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The web side of a support widget, on the JDK's own HTTP server: the widget page, every event of a
 * hub streamed to the page, and the events the page posts emitted into the hub.
 *
 * <pre>{@code
 * SupportEvents events = SupportEvents.create();
 * try (WidgetServer server = WidgetServer.start(events,
 *     new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080))) {
 *   ...
 * }
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /}</td><td>the widget page, and {@code GET /widget.js} its script</td></tr>
 *   <tr><td>{@code GET /events}</td><td>Server-Sent Events: one {@code data:} message per event
 *       the hub delivers, its wire JSON {@code {"event": ..., "properties": ...}}</td></tr>
 *   <tr><td>{@code POST /events}</td><td>one wire message as {@code application/json}: {@code
 *       202} once emitted into the hub; {@code 400 {"error": "..."}} when the tracking plan or
 *       the record refuses it, and nothing is emitted; {@code 413} above {@value
 *       #MAX_BODY_BYTES} bytes; {@code 415} for another content type</td></tr>
 *   <tr><td>{@code GET /schema.json}</td><td>the tracking plan</td></tr>
 * </table>
 *
 * <p>Each client of {@code GET /events} has its own subscription and a bounded queue (see {@link
 * Settings}); a client that stops reading loses its stream, never holds the hub or the other
 * clients; a client that goes away ends its subscription at the next event or keep-alive.
 */
public final class WidgetServer implements AutoCloseable {

  /** The largest body {@code POST /events} reads: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** How long {@link #close()} waits for requests under way before it closes their connections. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(WidgetServer.class.getName());

  private static final String PAGE = "/dev/supportevents/example/web/index.html";
  private static final String SCRIPT = "/dev/supportevents/example/web/widget.js";
  private static final String JSON = "application/json";
  private static final String HTML = "text/html; charset=utf-8";
  private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  private static final String JSON_SCHEMA = "application/schema+json";
  private static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

  /** The page's own script and inline styles, nothing from elsewhere. */
  private static final String PAGE_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

  private final SupportEvents events;
  private final Settings settings;
  private final HttpServer server;
  private final ExecutorService threads;
  private final byte[] page;
  private final byte[] script;
  private final byte[] plan;
  private final MessageIntake intake;
  private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
  private final Semaphore streamSlots;
  private final AtomicInteger clientNumbers = new AtomicInteger();
  private final Object exchangesLock = new Object();
  private int exchanges;
  private volatile boolean closing;

  private WidgetServer(SupportEvents events, Settings settings, HttpServer server) {
    this.events = events;
    this.settings = settings;
    this.server = server;
    TrackingPlanCheck check = TrackingPlanCheck.load();
    this.plan = check.plan();
    this.intake = new MessageIntake(check);
    this.page = resource(PAGE);
    this.script = resource(SCRIPT);
    this.streamSlots = new Semaphore(settings.maxStreams());
    AtomicInteger threadNumbers = new AtomicInteger();
    // A stream keeps its thread for as long as its client reads; requests are short.
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread =
                  new Thread(runnable, "support-events-web-" + threadNumbers.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a server with the default {@link Settings}.
   *
   * @param events the hub whose events the page sees and into which it posts
   * @param address where to listen, such as {@code 127.0.0.1} and port {@code 0} for any free one
   * @return the running server; {@link #port()} tells the port
   * @throws IOException if the address cannot be bound
   * @throws IllegalStateException if the class path lacks the page, its script or the plan
   */
  public static WidgetServer start(SupportEvents events, InetSocketAddress address)
      throws IOException {
    return start(events, address, Settings.defaults());
  }

  /**
   * Starts a server.
   *
   * @param events the hub whose events the page sees and into which it posts
   * @param address where to listen, such as {@code 127.0.0.1} and port {@code 0} for any free one
   * @param settings the limits of the event streams
   * @return the running server; {@link #port()} tells the port
   * @throws IOException if the address cannot be bound
   * @throws IllegalStateException if the class path lacks the page, its script or the plan
   */
  public static WidgetServer start(
      SupportEvents events, InetSocketAddress address, Settings settings) throws IOException {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(settings, "settings");
    WidgetServer widgetServer = new WidgetServer(events, settings, HttpServer.create(address, 0));
    widgetServer.server.start();
    return widgetServer;
  }

  /**
   * The port the server listens on.
   *
   * @return the port, the one bound if the address asked for port 0
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The clients of {@code GET /events} whose stream is open now.
   *
   * @return how many there are
   */
  public int openStreams() {
    return streams.size();
  }

  /**
   * Stops the server: every event stream ends after the events queued for it, requests under way
   * get their answers for up to two seconds, then every connection is closed and the threads end.
   * The hub stays open: it is the caller's. Idempotent.
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    streams.forEach(stream -> stream.end(EventStream.Ending.SERVER_CLOSING));
    long deadline = System.nanoTime() + GRACE.toNanos();
    synchronized (exchangesLock) {
      long left;
      while (exchanges > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(exchangesLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    server.stop(0);
    threads.shutdown();
  }

  private void handle(HttpExchange exchange) {
    synchronized (exchangesLock) {
      exchanges++;
    }
    try {
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      route(exchange);
    } catch (IOException clientGone) {
      LOG.log(
          Level.DEBUG,
          () ->
              "A client went away during "
                  + exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath(),
          clientGone);
    } catch (RuntimeException e) {
      LOG.log(
          Level.ERROR,
          "Support events server failed on "
              + exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getPath(),
          e);
      if (exchange.getResponseCode() == -1) {
        sendQuietly(exchange, 500, "The server failed; its log says why");
      }
    } finally {
      exchange.close();
      synchronized (exchangesLock) {
        exchanges--;
        exchangesLock.notifyAll();
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    switch (exchange.getRequestURI().getPath()) {
      case "/" -> get(exchange, method, HTML, page);
      case "/widget.js" -> get(exchange, method, JAVASCRIPT, script);
      case "/schema.json" -> get(exchange, method, JSON_SCHEMA, plan);
      case "/events" -> {
        switch (method) {
          case "GET" -> stream(exchange);
          case "POST" -> post(exchange);
          default -> methodNotAllowed(exchange, "GET, POST");
        }
      }
      default -> sendError(exchange, 404, "No such page: " + exchange.getRequestURI().getPath());
    }
  }

  private void get(HttpExchange exchange, String method, String contentType, byte[] body)
      throws IOException {
    if (!method.equals("GET")) {
      methodNotAllowed(exchange, "GET");
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    // A demo: always the build's current page, never one cached from an earlier run.
    headers.set("Cache-Control", "no-cache");
    if (contentType.equals(HTML)) {
      headers.set("Content-Security-Policy", PAGE_POLICY);
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code GET /events}: subscribes, then streams until the client or the server ends it. */
  private void stream(HttpExchange exchange) throws IOException {
    if (closing) {
      sendError(exchange, 503, "The server is closing");
      return;
    }
    if (!streamSlots.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "10");
      sendError(exchange, 503, "Too many event streams are open: " + settings.maxStreams());
      return;
    }
    EventStream stream =
        new EventStream(
            "client " + clientNumbers.incrementAndGet() + " at " + exchange.getRemoteAddress(),
            settings.streamCapacity());
    try {
      streams.add(stream);
      if (closing) { // close() may have ended the streams it saw before this one was added
        stream.end(EventStream.Ending.SERVER_CLOSING);
      }
      try {
        // Subscribed before the headers go out: a client that has them gets every later event.
        stream.feedBy(
            events.subscribeAll(
                Labeled.listener("event stream to " + stream.client(), stream::accept)));
      } catch (IllegalStateException hubClosed) {
        sendError(exchange, 503, "The hub is closed");
        return;
      }
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", EVENT_STREAM);
      headers.set("Cache-Control", "no-store");
      // Proxies such as nginx would otherwise hold the events back in their buffers.
      headers.set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
      EventStream.Ending ending = stream.writeTo(exchange.getResponseBody(), settings.keepAlive());
      LOG.log(
          Level.DEBUG, () -> "Support events stream to " + stream.client() + " ended: " + ending);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stream.end(EventStream.Ending.DISCONNECTED);
      streams.remove(stream);
      streamSlots.release();
    }
  }

  /** {@code POST /events}: reads one message, at most {@value #MAX_BODY_BYTES} bytes of it. */
  private void post(HttpExchange exchange) throws IOException {
    Headers request = exchange.getRequestHeaders();
    String contentType = request.getFirst("Content-Type");
    if (!isUtf8Json(contentType)) {
      exchange.getResponseHeaders().set("Accept-Post", JSON);
      sendError(
          exchange,
          415,
          "Send the message as application/json in UTF-8, not "
              + (contentType == null ? "without a Content-Type" : contentType));
      return;
    }
    long declared = declaredLength(request);
    byte[] body = declared > MAX_BODY_BYTES ? null : readAtMost(exchange.getRequestBody());
    if (body == null) {
      // The rest of the body is never read: the connection closes instead.
      exchange.getResponseHeaders().set("Connection", "close");
      sendError(exchange, 413, "The message is larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    WidgetEvent event;
    try {
      event = intake.read(body);
    } catch (RejectedMessage rejected) {
      sendError(exchange, 400, rejected.getMessage());
      return;
    }
    try {
      events.emit(event);
    } catch (IllegalStateException hubClosed) {
      sendError(exchange, 503, "The hub is closed");
      return;
    }
    exchange.sendResponseHeaders(202, -1);
  }

  /** {@code application/json}, with no charset or UTF-8's, as RFC 8259 has it. */
  private static boolean isUtf8Json(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].strip().equals(JSON)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].strip().equals("charset")
          && !(parameter.length == 2 && parameter[1].strip().replace("\"", "").equals("utf-8"))) {
        return false;
      }
    }
    return true;
  }

  /** The request's Content-Length, or -1 if it has none or one that is no number. */
  private static long declaredLength(Headers request) {
    String length = request.getFirst("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The whole body, or {@code null} if it is longer than {@value #MAX_BODY_BYTES} bytes. */
  private static byte @Nullable [] readAtMost(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    sendError(
        exchange, 405, exchange.getRequestMethod() + " is not allowed here; " + allowed + " is");
  }

  /** Answers {@code status} with {@code {"error": message}}. */
  private static void sendError(HttpExchange exchange, int status, String message)
      throws IOException {
    byte[] body =
        JsonNodeFactory.instance
            .objectNode()
            .put("error", message)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sendQuietly(HttpExchange exchange, int status, String message) {
    try {
      sendError(exchange, status, message);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "Could not answer " + status, e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = WidgetServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name
                + " is not on the class path; build the example"
                + " with Maven, which compiles the page's script from src/main/typescript");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  /**
   * The limits of the event streams.
   *
   * @param streamCapacity the events a client's queue holds that it has not been sent yet; when one
   *     more arrives, the client's stream ends, as a client that stopped reading
   * @param keepAlive how long a quiet stream waits before it sends a comment, which keeps proxies
   *     from closing it and shows whether the client is still there
   * @param maxStreams how many streams may be open at once; one more is answered {@code 503}
   */
  public record Settings(int streamCapacity, Duration keepAlive, int maxStreams) {

    /** Checks that every limit is positive. */
    public Settings {
      if (streamCapacity < 1 || maxStreams < 1) {
        throw new IllegalArgumentException(
            "streamCapacity and maxStreams are at least 1: " + streamCapacity + ", " + maxStreams);
      }
      if (keepAlive.isNegative() || keepAlive.isZero()) {
        throw new IllegalArgumentException("keepAlive is positive: " + keepAlive);
      }
    }

    /**
     * The defaults: 1,024 events per client, a keep-alive every 15 seconds, 100 streams.
     *
     * @return the default settings
     */
    public static Settings defaults() {
      return new Settings(1024, Duration.ofSeconds(15), 100);
    }
  }
}
