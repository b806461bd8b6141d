package dev.supportevents.example.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.Conversation;
import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageReceivedEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.integrations.kafka.WireMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The web demo's endpoints over real HTTP on 127.0.0.1, driven by the JDK's HttpClient: every
 * status of {@code POST /events}, and several clients of {@code GET /events} at once.
 */
@Timeout(60)
class WidgetServerTest {

  static final Instant T0 = Instant.parse("2025-03-04T10:15:30Z");
  static final Sender VISITOR = Sender.visitor("v-1", "Alex");
  static final Sender AGENT = Sender.aiAgent("ai-1", "Ava");

  /** Short keep-alives, so that a client that went away is noticed at once. */
  private static final WidgetServer.Settings SETTINGS =
      new WidgetServer.Settings(64, Duration.ofMillis(100), 8);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * The events emitted while no listener was subscribed: with no stream open, every event the
   * server emits; once streams are gone, proof that they left no subscription behind.
   */
  private final List<WidgetEvent> unhandled = new CopyOnWriteArrayList<>();

  private SupportEvents events;
  private WidgetServer server;

  @BeforeEach
  void start() throws IOException {
    events = SupportEvents.builder().unhandledEvents((type, event) -> unhandled.add(event)).build();
    server = start(SETTINGS);
  }

  private WidgetServer start(WidgetServer.Settings settings) throws IOException {
    return WidgetServer.start(
        events, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), settings);
  }

  @AfterEach
  void stop() {
    server.close();
    events.close();
  }

  static MessageSentEvent sent(String text) {
    return new MessageSentEvent("c-1", new Message("m-1", "c-1", VISITOR, text, List.of(), T0));
  }

  static MessageReceivedEvent reply(int number) {
    return new MessageReceivedEvent(
        "c-1", new Message("m-" + number, "c-1", AGENT, "Reply " + number, List.of(), T0));
  }

  static String json(WidgetEvent event) {
    return new String(WireMessages.write(event), UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String contentType, String body)
      throws IOException, InterruptedException {
    return post(contentType, body.getBytes(UTF_8));
  }

  private HttpResponse<String> post(String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/events")).POST(BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  /** The error of a JSON error answer. */
  private static String error(HttpResponse<String> response) {
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = WireMessages.parse(response.body().getBytes(UTF_8));
    assertEquals(List.of("error"), List.copyOf(body.propertyNames()), response.body());
    return body.get("error").asString();
  }

  @Test
  void servesThePageItsScriptAndTheTrackingPlan() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").get());
    assertTrue(
        page.body().contains("<script type=\"module\" src=\"/widget.js\"></script>"), page.body());
    assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());

    HttpResponse<String> script = get("/widget.js");
    assertEquals(200, script.statusCode());
    assertEquals(
        "text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").get());
    assertTrue(script.body().contains("new EventSource(\"/events\")"), script.body());

    HttpResponse<String> plan = get("/schema.json");
    assertEquals(200, plan.statusCode());
    assertEquals("application/schema+json", plan.headers().firstValue("Content-Type").get());
    try (InputStream resource = getClass().getResourceAsStream(TrackingPlanCheck.RESOURCE)) {
      assertEquals(new String(resource.readAllBytes(), UTF_8), plan.body());
    }
  }

  @Test
  void answersUnknownPathsAndMethods() throws Exception {
    HttpResponse<String> missing = get("/nothing-here");
    assertEquals(404, missing.statusCode());
    assertEquals("No such page: /nothing-here", error(missing));

    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(uri("/events")).PUT(BodyPublishers.ofString("{}")).build(),
            BodyHandlers.ofString());
    assertEquals(405, put.statusCode());
    assertEquals("GET, POST", put.headers().firstValue("Allow").orElseThrow());

    HttpResponse<String> postPage =
        HTTP.send(
            HttpRequest.newBuilder(uri("/")).POST(BodyPublishers.ofString("{}")).build(),
            BodyHandlers.ofString());
    assertEquals(405, postPage.statusCode());
    assertEquals("GET", postPage.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void aMessageOfThePlanIsEmittedIntoTheHubAndAnswered202() throws Exception {
    List<MessageSentEvent> heard = new CopyOnWriteArrayList<>();
    events.onMessageSent(heard::add);
    MessageSentEvent event = sent("Hi, my invoice is wrong \u00e9\u20ac");

    HttpResponse<String> response = post("application/json", json(event));

    assertEquals(202, response.statusCode(), response.body());
    assertEquals("", response.body());
    assertEquals(List.of(event), heard);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\""})
  void acceptsJsonThatSaysItIsUtf8(String contentType) throws Exception {
    assertEquals(202, post(contentType, json(sent("Hi"))).statusCode());
    assertEquals(List.of(sent("Hi")), unhandled);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json; charset=iso-8859-1",
        "application/jsonx"
      })
  void answers415ForAnotherContentType(String contentType) throws Exception {
    HttpResponse<String> response = post(contentType, json(sent("Hi")));

    assertEquals(415, response.statusCode());
    assertEquals(
        "Send the message as application/json in UTF-8, not " + contentType, error(response));
    assertEquals("application/json", response.headers().firstValue("Accept-Post").orElseThrow());
    assertEquals(List.of(), unhandled);
  }

  @Test
  void answers415WithoutAContentType() throws Exception {
    HttpResponse<String> response = post(null, json(sent("Hi")));

    assertEquals(415, response.statusCode());
    assertEquals(
        "Send the message as application/json in UTF-8, not without a Content-Type",
        error(response));
    assertEquals(List.of(), unhandled);
  }

  /** A message of exactly 64 KiB: the text padded so that the whole JSON has that size. */
  private static byte[] messageOfSize(int size) {
    int overhead = WireMessages.write(sent("")).length;
    byte[] message = WireMessages.write(sent("x".repeat(size - overhead)));
    assertEquals(size, message.length);
    return message;
  }

  @Test
  void takesAMessageOfExactly64KiB() throws Exception {
    HttpResponse<String> response =
        post("application/json", messageOfSize(WidgetServer.MAX_BODY_BYTES));

    assertEquals(202, response.statusCode(), response.body());
    assertEquals(1, unhandled.size());
  }

  @Test
  void answers413AboveThatAndEmitsNothing() throws Exception {
    HttpResponse<String> response =
        post("application/json", messageOfSize(WidgetServer.MAX_BODY_BYTES + 1));

    assertEquals(413, response.statusCode());
    assertEquals("The message is larger than 65536 bytes", error(response));
    assertEquals(List.of(), unhandled);
  }

  /**
   * A client announces 100 MiB and sends 10 bytes: the answer comes at once, from the length alone,
   * without waiting for a body that the server would not read.
   */
  @Test
  void answers413ToALengthAboveTheLimitBeforeAnyBodyArrives() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + 100 * 1024 * 1024
                  + "\r\n\r\n{\"event\":")
              .getBytes(UTF_8));
      out.flush();

      String answer = new String(socket.getInputStream().readNBytes(12), UTF_8);

      assertEquals("HTTP/1.1 413", answer);
    }
    assertEquals(List.of(), unhandled);
  }

  /** Each case: a message that breaks the plan or the record, and what the error must say. */
  private void assertRejected(String body, String... said) throws Exception {
    HttpResponse<String> response = post("application/json", body);

    assertEquals(400, response.statusCode(), response.body());
    String error = error(response);
    for (String part : said) {
      assertTrue(error.contains(part), () -> "\"" + part + "\" is not in: " + error);
    }
    assertEquals(List.of(), unhandled);
  }

  /** The message of {@link #sent(String)} with one change made to its JSON text. */
  private static String sentWith(String replaced, String replacement) {
    String message = json(sent("Hi"));
    assertTrue(message.contains(replaced), message);
    return message.replace(replaced, replacement);
  }

  @Test
  void answers400ToMalformedJson() throws Exception {
    assertRejected("{\"event\": \"messageSent\", \"properties\": {", "The body is not JSON");
    assertRejected("{\"event\": \"messageSent\"} trailing", "The body is not JSON");
    assertRejected("", "The body is empty");
    assertRejected(" \r\n", "The body is empty");
  }

  @Test
  void answers400ToJsonThatIsNoMessage() throws Exception {
    assertRejected("[1, 2]", "The body is no message of the tracking plan");
    assertRejected("{\"properties\": {}}", "The message has no \"event\"", "messageSent");
    assertRejected("{\"event\": 7, \"properties\": {}}", "The message has no \"event\"");
  }

  @Test
  void answers400ToAnUnknownEventNamingItAndTheKnownOnes() throws Exception {
    assertRejected(
        "{\"event\": \"messageDeleted\", \"properties\": {}}",
        "Unknown event \"messageDeleted\"",
        "messageSent",
        "widget.opened");
  }

  @Test
  void answers400ToAMissingRequiredPropertyNamingIt() throws Exception {
    assertRejected(sentWith("\"text\":\"Hi\",", ""), "messageSent", "/properties/message", "text");
    assertRejected(
        "{\"event\": \"messageSent\", \"properties\": {\"conversationId\": \"c-1\"}}",
        "messageSent",
        "message");
    assertRejected("{\"event\": \"messageSent\"}", "messageSent", "properties");
  }

  @Test
  void answers400ToAPropertyOfTheWrongTypeNamingIt() throws Exception {
    assertRejected(
        sentWith("\"text\":\"Hi\"", "\"text\":42"),
        "messageSent",
        "/properties/message/text",
        "string");
    assertRejected(
        sentWith("\"role\":\"VISITOR\"", "\"role\":\"ROBOT\""),
        "messageSent",
        "/properties/message/sender/role");
    assertRejected(
        sentWith("\"attachments\":[]", "\"attachments\":\"none\""),
        "messageSent",
        "/properties/message/attachments");
  }

  @Test
  void answers400ToAnExtraPropertyAtAnyLevelNamingIt() throws Exception {
    assertRejected(
        sentWith("{\"event\"", "{\"priority\":\"high\",\"event\""), "messageSent", "priority");
    assertRejected(
        sentWith(
            "\"conversationId\":\"c-1\",\"message\"",
            "\"conversationId\":\"c-1\",\"urgent\":true,\"message\""),
        "messageSent",
        "urgent");
    assertRejected(
        sentWith("\"role\":\"VISITOR\"", "\"role\":\"VISITOR\",\"agent\":false"),
        "messageSent",
        "/properties/message/sender",
        "agent");
  }

  @Test
  void answers400WhenTheRecordRefusesTheValues() throws Exception {
    assertRejected(
        "{\"event\": \"ratingSubmitted\", \"properties\":"
            + " {\"conversationId\": \"c-1\", \"stars\": 9}}",
        "ratingSubmitted: /properties: A rating is 1 to 5 stars, not 9");
    assertRejected(
        sentWith("\"role\":\"VISITOR\"", "\"role\":\"AI_AGENT\""),
        "messageSent",
        "a sent message is the visitor's");
    assertRejected(
        sentWith("\"createdAt\":\"2025-03-04T10:15:30Z\"", "\"createdAt\":\"yesterday\""),
        "messageSent",
        "/properties/message/createdAt");
  }

  @Test
  void streamsEveryEventAsItsWireJson() throws Exception {
    try (SseClient client = SseClient.connect(HTTP, uri("/events"))) {
      HttpResponse<InputStream> response = client.response();
      assertEquals(
          "text/event-stream; charset=utf-8",
          response.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());

      ConversationStartEvent start =
          new ConversationStartEvent("c-1", Conversation.open("c-1", "v-1", T0));
      events.emit(start);
      events.emit(reply(1));

      assertEquals(List.of(json(start), json(reply(1))), client.nextData(2));
    }
  }

  @Test
  void aPostedEventReachesEveryStreamIncludingThePosters() throws Exception {
    try (SseClient client = SseClient.connect(HTTP, uri("/events"))) {
      assertEquals(202, post("application/json", json(sent("Hi"))).statusCode());

      assertEquals(List.of(json(sent("Hi"))), client.nextData(1));
    }
  }

  @Test
  void aQuietStreamGetsKeepAliveComments() throws Exception {
    try (SseClient client = SseClient.connect(HTTP, uri("/events"))) {
      assertEquals(": stream of support events", client.nextLine());
      assertEquals(": keep-alive", client.nextLine());
      assertEquals(": keep-alive", client.nextLine());
    }
  }

  @Test
  void severalClientsEachGetEveryEventInOrder() throws Exception {
    int clients = 5;
    int count = 300;
    server.close();
    server = start(new WidgetServer.Settings(count, Duration.ofSeconds(15), clients));
    List<SseClient> streams = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        streams.add(SseClient.connect(HTTP, uri("/events")));
      }
      List<String> expected =
          IntStream.rangeClosed(1, count).mapToObj(i -> json(reply(i))).toList();

      IntStream.rangeClosed(1, count).forEach(i -> events.emit(reply(i)));

      for (SseClient stream : streams) {
        assertEquals(expected, stream.nextData(count));
      }
      assertEquals(clients, server.openStreams());
    } finally {
      for (SseClient stream : streams) {
        stream.close();
      }
    }
  }

  /**
   * One client stops reading, with a small receive buffer; another reads. The emitting thread emits
   * 16 MB of events in steps of 8 events, each step once the reading client has them: the stalled
   * client's queue fills, its stream ends with a warning and its subscription closes, while the
   * emits and the reading client go on to the last event.
   */
  @Test
  void aClientThatStopsReadingHoldsNeitherTheHubNorTheOthers() throws Exception {
    int capacity = 16;
    int count = 2_000;
    server.close();
    server = start(new WidgetServer.Settings(capacity, Duration.ofMillis(100), 4));
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger(EventStream.class.getName());
    Handler recording =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(recording);
    log.setUseParentHandlers(false);
    String text = "x".repeat(8 * 1024);
    SseClient reading = SseClient.connect(HTTP, uri("/events"));
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4 * 1024);
      stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
      stalled
          .getOutputStream()
          .write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(UTF_8));
      assertEquals("HTTP/1.1 200", new String(stalled.getInputStream().readNBytes(12), UTF_8));
      waitUntil(() -> server.openStreams() == 2);

      for (int sent = 0; sent < count; sent += 8) {
        List<String> step = new ArrayList<>();
        for (int i = sent; i < sent + 8; i++) {
          MessageSentEvent event =
              new MessageSentEvent(
                  "c-1", new Message("m-" + i, "c-1", VISITOR, text, List.of(), T0));
          events.emit(event);
          step.add(json(event));
        }
        assertEquals(step, reading.nextData(8));
      }

      assertEquals(1, warnings.size(), warnings::toString);
      assertTrue(
          warnings.get(0).getMessage().contains(capacity + " events were waiting"),
          warnings.get(0).getMessage());
      // With the reader gone as well, no subscription is left, although the stalled client's
      // connection is still open: soon an event has no listener.
      reading.close();
      waitUntil(
          () -> {
            events.emit(reply(1));
            return !unhandled.isEmpty();
          });
    } finally {
      reading.close();
      log.removeHandler(recording);
      log.setUseParentHandlers(true);
    }
  }

  @Test
  void aClientThatDisconnectsEndsItsSubscription() throws Exception {
    SseClient client = SseClient.connect(HTTP, uri("/events"));
    assertEquals(1, server.openStreams());
    events.emit(reply(1));
    assertEquals(List.of(json(reply(1))), client.nextData(1));

    client.close();

    waitUntil(() -> server.openStreams() == 0);
    events.emit(reply(2));
    assertEquals(List.of(reply(2)), unhandled);
  }

  @Test
  void closingTheServerEndsEachStreamAfterItsEventsAndRefusesConnections() throws Exception {
    try (SseClient client = SseClient.connect(HTTP, uri("/events"))) {
      client.nextLine();
      events.emit(reply(1));
      events.emit(reply(2));

      server.close();

      List<String> rest = client.linesUntilEnd();
      assertEquals(
          List.of("data: " + json(reply(1)), "data: " + json(reply(2))),
          rest.stream().filter(line -> line.startsWith("data: ")).toList());
    }
    assertEquals(0, server.openStreams());
    assertThrows(ConnectException.class, () -> get("/"));
    events.emit(reply(3));
    assertEquals(List.of(reply(3)), unhandled);
  }

  @Test
  void answers503AboveTheStreamLimit() throws Exception {
    server.close();
    server = start(new WidgetServer.Settings(8, Duration.ofSeconds(15), 1));
    try (SseClient first = SseClient.connect(HTTP, uri("/events"))) {
      assertEquals(": stream of support events", first.nextLine());
      HttpResponse<String> second = get("/events");

      assertEquals(503, second.statusCode());
      assertEquals("Too many event streams are open: 1", error(second));
      assertEquals("10", second.headers().firstValue("Retry-After").orElseThrow());
    }
  }

  @Test
  void answers503OnceTheHubIsClosed() throws Exception {
    events.close();

    HttpResponse<String> posted = post("application/json", json(sent("Hi")));
    assertEquals(503, posted.statusCode());
    assertEquals("The hub is closed", error(posted));
    HttpResponse<String> stream = get("/events");
    assertEquals(503, stream.statusCode());
    assertEquals("The hub is closed", error(stream));
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
