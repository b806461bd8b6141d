package dev.supportevents.example.integrations.kafka;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.runtime.Subscription;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forwards every event of a hub to a Kafka topic, so that hubs on other nodes receive it through a
 * {@link KafkaEventReceiver}.
 *
 * <pre>{@code
 * Producer<String, byte[]> producer =
 *     new KafkaProducer<>(KafkaEventForwarder.producerSettings("kafka-1:9092"));
 * Subscription forwarding =
 *     KafkaEventForwarder.attach(widget.events(), producer, "support-events");
 * ...
 * forwarding.close();                                     // and at exit:
 * producer.close();
 * }</pre>
 *
 * <p>Each record is one event:
 *
 * <ul>
 *   <li>its value is the message the tracking plan describes, {@code {"event": "<wire name>",
 *       "properties": <the record>}}, in UTF-8 JSON written by Jackson;
 *   <li>header {@value #WIRE_NAME_HEADER} holds the wire name, and {@value #CATALOG_HEADER} the
 *       catalog (the package whose tracking plan describes the event);
 *   <li>its key is the event's {@code conversationId} where it has one, so that the events of a
 *       conversation stay in one partition, in the order they were emitted; other events have no
 *       key and the producer spreads them.
 * </ul>
 *
 * <p>Forwarding never blocks the emitting thread beyond the producer's own {@link
 * Producer#send(ProducerRecord, org.apache.kafka.clients.producer.Callback) send}, which waits only
 * for topic metadata and buffer space, for at most the producer's {@code max.block.ms}; and it
 * never throws into the hub. A send that fails, at once or later on the producer's thread, goes to
 * the {@link SendFailureHandler}.
 */
public final class KafkaEventForwarder {

  /** The header that holds the event's wire name, such as {@code "messageSent"}. */
  public static final String WIRE_NAME_HEADER = "support-events-wire-name";

  /** The header that holds the event's catalog, such as {@code "dev.supportevents.example"}. */
  public static final String CATALOG_HEADER = "support-events-catalog";

  /** The catalog of the events this class forwards: the package of their tracking plan. */
  public static final String CATALOG = SupportEventType.class.getPackageName();

  /** The component whose value becomes a record's key. */
  static final String KEY_COMPONENT = "conversationId";

  private static final System.Logger LOG = System.getLogger(KafkaEventForwarder.class.getName());

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final SendFailureHandler failures;

  private KafkaEventForwarder(
      Producer<String, byte[]> producer, String topic, SendFailureHandler failures) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * Forwards every event of {@code events} from now on; failed sends are logged.
   *
   * @param events the hub whose events go to the topic
   * @param producer the application's producer, with a {@code String} key and a {@code byte[]}
   *     value; the application closes it
   * @param topic the topic the events go to
   * @return the subscription; close it to stop forwarding
   */
  public static Subscription attach(
      SupportEvents events, Producer<String, byte[]> producer, String topic) {
    return attach(events, producer, topic, SendFailureHandler.logging());
  }

  /**
   * Forwards every event of {@code events} from now on.
   *
   * @param events the hub whose events go to the topic
   * @param producer the application's producer, with a {@code String} key and a {@code byte[]}
   *     value; the application closes it
   * @param topic the topic the events go to
   * @param failures receives each event that could not be sent
   * @return the subscription; close it to stop forwarding
   */
  public static Subscription attach(
      SupportEvents events,
      Producer<String, byte[]> producer,
      String topic,
      SendFailureHandler failures) {
    KafkaEventForwarder forwarder = new KafkaEventForwarder(producer, topic, failures);
    return events.subscribeAll(forwarder::forward);
  }

  /**
   * Producer settings for forwarding: the serializers of the key and the value, every in-sync
   * replica acknowledging each record, and idempotence, so that a retried send is written once and
   * in order.
   *
   * @param bootstrapServers the brokers to connect to first, such as {@code "kafka-1:9092"}
   * @return settings for a {@code KafkaProducer<String, byte[]>}; add any others to a copy
   */
  public static Map<String, Object> producerSettings(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        ByteArraySerializer.class.getName(),
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true);
  }

  private void forward(SupportEventType type, WidgetEvent event) {
    try {
      ObjectNode message = EventJson.message(type, event);
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              topic,
              null,
              key(message.get(EventJson.PROPERTIES)),
              EventJson.bytes(message),
              headers(type));
      producer.send(
          record,
          (metadata, failure) -> {
            if (failure != null) {
              failures.failed(type, event, failure);
            }
          });
    } catch (RuntimeException failure) {
      // The producer is closed, the buffer stayed full for max.block.ms, or Jackson could not
      // write a component: the event is not sent, and the handler hears of it.
      failures.failed(type, event, failure);
    }
  }

  /** The event's {@value #KEY_COMPONENT}, or {@code null} if it has none. */
  private static @Nullable String key(JsonNode properties) {
    JsonNode conversationId = properties.path(KEY_COMPONENT);
    return conversationId.isString() ? conversationId.stringValue() : null;
  }

  private static List<Header> headers(SupportEventType type) {
    return List.of(
        new RecordHeader(WIRE_NAME_HEADER, type.wireName().getBytes(StandardCharsets.UTF_8)),
        new RecordHeader(CATALOG_HEADER, CATALOG.getBytes(StandardCharsets.UTF_8)));
  }

  /** Receives the events that could not be sent. */
  @FunctionalInterface
  public interface SendFailureHandler {

    /**
     * Handles one event that could not be sent. Called on the emitting thread when the send fails
     * at once, and on the producer's I/O thread when the broker does not take the record: keep it
     * short, and never call the producer's {@code flush} or {@code close} from it.
     *
     * @param type the event's type
     * @param event the event, for example to send again or to store; do not log its contents, which
     *     hold what visitors wrote
     * @param failure why it was not sent
     */
    void failed(SupportEventType type, WidgetEvent event, Exception failure);

    /**
     * The default handler: one {@code WARNING} record on the {@code System.Logger} of {@link
     * KafkaEventForwarder} with the event's wire name and the failure, never its contents.
     *
     * @return a handler that logs and carries on
     */
    static SendFailureHandler logging() {
      return (type, event, failure) ->
          LOG.log(
              Level.WARNING,
              "Could not forward a support event " + type.wireName() + " to Kafka",
              failure);
    }
  }
}
