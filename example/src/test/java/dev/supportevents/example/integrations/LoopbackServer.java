package dev.supportevents.example.integrations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An HTTP server on 127.0.0.1 and an ephemeral port that stands in for an SDK's service: it records
 * every request (gzip bodies decompressed) and answers each with the same status and JSON body.
 * Waits are bounded; {@link #close()} stops it and its threads.
 */
final class LoopbackServer implements AutoCloseable {

  /**
   * One request as the server received it.
   *
   * @param method the HTTP method
   * @param path the path, without the query
   * @param query the raw query, or empty
   * @param headers the headers, names in lower case
   * @param body the body as text, decompressed if it was sent gzipped
   */
  record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    /** The first value of a header, or {@code null}. */
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new ArrayList<>();
  private volatile int status;
  private volatile String responseBody;

  private LoopbackServer(int status, String responseBody) throws IOException {
    this.status = status;
    this.responseBody = responseBody;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "loopback-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server that answers every request with 200 and {@code responseBody}. */
  static LoopbackServer start(String responseBody) throws IOException {
    return new LoopbackServer(200, responseBody);
  }

  /** From now on, answers every request with {@code status} and {@code body}. */
  void answer(int status, String body) {
    this.status = status;
    this.responseBody = body;
  }

  /** The server's base URI, {@code http://127.0.0.1:<port>}, without a trailing slash. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The requests received so far, in the order they arrived. */
  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * Waits until at least {@code count} requests have arrived.
   *
   * @return the requests received by then
   * @throws AssertionError if fewer have arrived when {@code timeout} runs out
   */
  synchronized List<Request> awaitRequests(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "Expected "
                + count
                + " requests within "
                + timeout
                + ", received "
                + requests.size()
                + ": "
                + requests);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String body =
          "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
              ? gunzip(raw)
              : new String(raw, StandardCharsets.UTF_8);
      URI uri = exchange.getRequestURI();
      record(
          new Request(
              exchange.getRequestMethod(),
              uri.getPath(),
              uri.getRawQuery() == null ? "" : uri.getRawQuery(),
              headers,
              body));

      byte[] answer = responseBody.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  private synchronized void record(Request request) {
    requests.add(request);
    notifyAll();
  }

  private static String gunzip(byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
