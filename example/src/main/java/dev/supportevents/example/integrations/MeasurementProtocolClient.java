package dev.supportevents.example.integrations;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends events to Google Analytics 4 through its Measurement Protocol, over the JDK's {@link
 * HttpClient}: Google publishes no Java SDK for it. Each event is one {@code POST} of
 *
 * <pre>{@code
 * {"client_id":"...","events":[{"name":"support_message_sent","params":{"conversation_id":"c-1"}}]}
 * }</pre>
 *
 * <p>to {@code <endpoint>?measurement_id=<id>&api_secret=<secret>}, sent asynchronously: {@link
 * #send} returns at once, and an answer other than 2xx, or a request that fails, is logged as a
 * warning to the {@code System.Logger} named after this class. Google's endpoint answers 2xx even
 * to events it will not keep; its {@code /debug/mp/collect} endpoint, given to {@link
 * Builder#endpoint}, says why.
 *
 * <pre>{@code
 * MeasurementProtocolClient ga4 = MeasurementProtocolClient
 *     .builder(HttpClient.newHttpClient(), "G-XXXXXXXXXX", apiSecret)
 *     .build();
 * }</pre>
 */
public final class MeasurementProtocolClient {

  /** Where Google collects Measurement Protocol events. */
  public static final URI DEFAULT_ENDPOINT =
      URI.create("https://www.google-analytics.com/mp/collect");

  private static final System.Logger LOG =
      System.getLogger(MeasurementProtocolClient.class.getName());

  private final HttpClient httpClient;
  private final URI collectUri;
  private final Duration timeout;
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

  private MeasurementProtocolClient(Builder builder) {
    this.httpClient = builder.httpClient;
    String query =
        "measurement_id="
            + encode(builder.measurementId)
            + "&api_secret="
            + encode(builder.apiSecret);
    String endpoint = builder.endpoint.toString();
    this.collectUri = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    this.timeout = builder.timeout;
  }

  /**
   * Starts configuring a client of one GA4 data stream.
   *
   * @param httpClient sends the requests; the application's, shared
   * @param measurementId the data stream's measurement id, such as {@code "G-XXXXXXXXXX"}
   * @param apiSecret a Measurement Protocol API secret of that stream
   * @return a builder that sends to {@link #DEFAULT_ENDPOINT} with a 10-second timeout
   */
  public static Builder builder(HttpClient httpClient, String measurementId, String apiSecret) {
    return new Builder(httpClient, measurementId, apiSecret);
  }

  /**
   * Sends one event without waiting for the answer.
   *
   * @param clientId the GA4 client id of the visitor's browser
   * @param eventName the event's name, such as {@code "support_message_sent"}
   * @param params the event's parameters; strings, numbers and booleans
   */
  public void send(String clientId, String eventName, Map<String, ?> params) {
    HttpRequest request =
        HttpRequest.newBuilder(collectUri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(clientId, eventName, params)))
            .build();
    CompletableFuture<Void> sent =
        httpClient
            .sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .handle(
                (response, failure) -> {
                  if (failure != null) {
                    Throwable cause =
                        failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    LOG.log(Level.WARNING, "GA4 event {0} was not sent: {1}", eventName, cause);
                  } else if (response.statusCode() / 100 != 2) {
                    LOG.log(
                        Level.WARNING,
                        "GA4 event {0} was refused with HTTP status {1}",
                        eventName,
                        response.statusCode());
                  }
                  return null;
                });
    inFlight.add(sent);
    sent.whenComplete((ignored, failure) -> inFlight.remove(sent));
  }

  /**
   * Waits until every event sent so far has been answered, or has failed.
   *
   * @param timeout how long to wait at most
   * @return {@code true} if none is still on its way; {@code false} if the time ran out or the
   *     thread was interrupted (its interrupt flag is then set again)
   */
  public boolean flush(Duration timeout) {
    CompletableFuture<?>[] pending = inFlight.toArray(new CompletableFuture<?>[0]);
    try {
      CompletableFuture.allOf(pending).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true; // not reached: each send handles its own failure
    }
  }

  /** The JSON body of one event. */
  static String body(String clientId, String eventName, Map<String, ?> params) {
    StringBuilder json = new StringBuilder("{\"client_id\":");
    string(json, clientId).append(",\"events\":[{\"name\":");
    string(json, eventName).append(",\"params\":{");
    String separator = "";
    for (Map.Entry<String, ?> param : params.entrySet()) {
      json.append(separator);
      string(json, param.getKey()).append(':');
      Object value = param.getValue();
      if (value instanceof Number || value instanceof Boolean) {
        json.append(value);
      } else {
        string(json, String.valueOf(value));
      }
      separator = ",";
    }
    return json.append("}}]}").toString();
  }

  private static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Configures a {@link MeasurementProtocolClient}. */
  public static final class Builder {

    private final HttpClient httpClient;
    private final String measurementId;
    private final String apiSecret;
    private URI endpoint = DEFAULT_ENDPOINT;
    private Duration timeout = Duration.ofSeconds(10);

    private Builder(HttpClient httpClient, String measurementId, String apiSecret) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      this.measurementId = Objects.requireNonNull(measurementId, "measurementId");
      this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
    }

    /**
     * Sets where events are posted.
     *
     * @param endpoint an {@code http} or {@code https} URI; {@link #DEFAULT_ENDPOINT} by default
     * @return this builder
     * @throws IllegalArgumentException if it is neither {@code http} nor {@code https}
     */
    public Builder endpoint(URI endpoint) {
      String scheme = Objects.requireNonNull(endpoint, "endpoint").getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new IllegalArgumentException("Not an http or https endpoint: " + endpoint);
      }
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Sets how long one request may take before it is given up.
     *
     * @param timeout a positive duration; 10 seconds by default
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder timeout(Duration timeout) {
      if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout is not positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a client sending to the endpoint set
     */
    public MeasurementProtocolClient build() {
      return new MeasurementProtocolClient(this);
    }
  }
}
