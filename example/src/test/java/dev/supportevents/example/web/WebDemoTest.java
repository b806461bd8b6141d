package dev.supportevents.example.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.integrations.kafka.WireMessages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The demo as its docs start it, {@code java -cp <the example's class path>
 * dev.supportevents.example.web.WebDemo --port 0}, in a process of its own.
 */
class WebDemoTest {

  private static final Pattern ADDRESS = Pattern.compile("http://localhost:(\\d+)/");

  @Test
  @Timeout(60)
  void printsItsAddressOnceItListensAndItsAgentAnswersThePage() throws Exception {
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WebDemo.class.getName(),
                "--port",
                "0")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), UTF_8))) {
      String printed = out.readLine();
      Matcher address = ADDRESS.matcher(String.valueOf(printed));
      assertTrue(address.matches(), "printed: " + printed);
      URI root = URI.create("http://127.0.0.1:" + address.group(1) + "/");
      HttpClient http = HttpClient.newHttpClient();

      assertEquals(
          200,
          http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.discarding())
              .statusCode());
      try (SseClient stream = SseClient.connect(http, root.resolve("/events"))) {
        HttpResponse<String> posted =
            http.send(
                HttpRequest.newBuilder(root.resolve("/events"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            WidgetServerTest.json(WidgetServerTest.sent("Hi"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), posted.body());

        List<String> data = stream.nextData(2);
        assertEquals(WidgetServerTest.json(WidgetServerTest.sent("Hi")), data.get(0));
        JsonNode answer = WireMessages.parse(data.get(1).getBytes(UTF_8));
        assertEquals("messageReceived", answer.get("event").asString());
        assertEquals(
            "Thanks! You wrote: \u201cHi\u201d. A person of the team will follow up here.",
            answer.at("/properties/message/text").asString());
        assertEquals("AI_AGENT", answer.at("/properties/message/sender/role").asString());
      }
    } finally {
      demo.destroy(); // SIGTERM: the shutdown hook closes the server and the hub
      assertTrue(demo.waitFor(20, TimeUnit.SECONDS), "The demo did not stop");
    }
  }

  @Test
  void takesAPortOrTheDefault() {
    assertEquals(WebDemo.DEFAULT_PORT, WebDemo.port(List.of()));
    assertEquals(0, WebDemo.port(List.of("--port", "0")));
    assertEquals(65_535, WebDemo.port(List.of("--port", "65535")));
    assertEquals(
        "Unknown arguments: --prot 80",
        assertThrows(IllegalArgumentException.class, () -> WebDemo.port(List.of("--prot", "80")))
            .getMessage());
    assertEquals(
        "No such port: 65536",
        assertThrows(IllegalArgumentException.class, () -> WebDemo.port(List.of("--port", "65536")))
            .getMessage());
    assertEquals(
        "The port is a number: http",
        assertThrows(IllegalArgumentException.class, () -> WebDemo.port(List.of("--port", "http")))
            .getMessage());
  }
}
