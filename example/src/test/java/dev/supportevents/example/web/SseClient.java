package dev.supportevents.example.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of {@code GET /events} on the JDK's HttpClient that reads the stream on a thread of its
 * own and keeps each line: {@code data:} messages and comments. Once {@link #connect} returns, the
 * server has sent the headers, so the client's subscription is in place.
 */
final class SseClient implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpResponse<InputStream> response;

  /** The lines read; empty for the end of the stream. */
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

  private final Thread reader;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  static SseClient connect(HttpClient http, URI events) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(events).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET /events answered "
              + response.statusCode()
              + ": "
              + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    }
    return new SseClient(response);
  }

  HttpResponse<InputStream> response() {
    return response;
  }

  /** The next {@code data:} values, {@code count} of them, skipping comments. */
  List<String> nextData(int count) throws InterruptedException {
    List<String> data = new ArrayList<>();
    while (data.size() < count) {
      String line = nextLine();
      if (line.startsWith("data: ")) {
        data.add(line.substring("data: ".length()));
      }
    }
    return data;
  }

  /** The next line of the stream that is not empty. */
  String nextLine() throws InterruptedException {
    Optional<String> line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("No line within " + WAIT);
    }
    return line.orElseThrow(() -> new AssertionError("The stream ended"));
  }

  /** The lines left until the end of the stream, which must come within the wait. */
  List<String> linesUntilEnd() throws InterruptedException {
    List<String> rest = new ArrayList<>();
    while (true) {
      Optional<String> line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError("The stream did not end within " + WAIT + ": " + rest);
      }
      if (line.isEmpty()) {
        return rest;
      }
      rest.add(line.get());
    }
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty()) {
          lines.add(Optional.of(line));
        }
      }
    } catch (IOException closed) {
      // close() was called, or the server went away: either way the stream ended.
    } finally {
      lines.add(Optional.empty());
    }
  }

  /** Stops reading and closes the connection. */
  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
