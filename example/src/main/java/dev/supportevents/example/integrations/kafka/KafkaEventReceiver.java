package dev.supportevents.example.integrations.kafka;

import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Receives the events that {@link KafkaEventForwarder}s put on a topic and emits each into a hub of
 * this node, so that its typed listeners ({@code onMessageSent(...)} and the others) work as they
 * do for local events.
 *
 * <pre>{@code
 * Consumer<String, byte[]> consumer = new KafkaConsumer<>(
 *     KafkaEventReceiver.consumerSettings("kafka-1:9092", "agent-dashboard"));
 * KafkaEventReceiver receiver = KafkaEventReceiver.start(consumer, "support-events",
 *     dashboard, deadLetterProducer, "support-events.dead-letters");
 * ...
 * receiver.close();                         // stops, commits what was delivered, closes consumer
 * }</pre>
 *
 * <p>The receiver polls on a thread of its own, which it starts, and it takes the consumer over:
 * nothing else may use it, and {@link #close()} closes it. Each record's type comes from its
 * {@value KafkaEventForwarder#WIRE_NAME_HEADER} header, through {@link SupportEventType#find}; its
 * value must be that event as the tracking plan describes it.
 *
 * <p><b>At least once.</b> A record's offset is committed only after the hub's {@link
 * SupportEvents#emit emit} has returned, that is after every listener that runs on the emitting
 * thread has run, or after the record is in the dead-letter topic (or is found too large for it,
 * see below). A receiver that stops or dies before then leaves the record to be received again by
 * the next receiver of its group: a listener may see an event twice, never zero times. The consumer
 * must not commit by itself ({@code enable.auto.commit=false}, as in {@link #consumerSettings}).
 * Listeners that run on an executor are covered only up to the hand-over to that executor.
 *
 * <p><b>Dead letters.</b> A record without a known wire name, or whose value is not JSON, does not
 * match the tracking plan, names another event than its header, or cannot be made into its record,
 * goes to the dead-letter topic with its key, value and headers, a {@value #REASON_HEADER} header
 * saying why and a {@value #SOURCE_HEADER} header saying where it was read; receiving goes on. The
 * receiver waits for the dead-letter topic to take the record before it commits. A dead letter that
 * the producer or the topic refuses as too large is replaced by a trimmed one that fits: the
 * record's key, its headers with each value cut to 512 bytes, its value only if it has at most 4
 * KiB, the reason, the source, and a {@value #TRIMMED_HEADER} header that says what was left out;
 * the record itself stays in its topic until the topic's retention removes it.
 *
 * <p><b>What cannot be dead-lettered.</b> Each such record is reported to the {@link
 * FailureHandler} as a {@link DeadLetterException} that names it and says what became of it:
 *
 * <ul>
 *   <li>refused as too large even trimmed: committed without a dead letter, and receiving goes on,
 *       since no retry makes it smaller and stopping would stop every receiver of the group on it;
 *   <li>a {@link org.apache.kafka.common.errors.RetriableException RetriableException}, such as a
 *       timeout or a dead-letter topic that does not exist: not committed; its partition pauses for
 *       a second and the record is tried again, and again reported if it fails, until the topic
 *       takes it. The other partitions go on during the pause, and the consumer stays in its group;
 *   <li>any other failure (the producer closed, not authorized, an invalid topic): the receiver
 *       stops, as for a failing emit below, leaving the record to the next receiver of the group.
 * </ul>
 *
 * <p>Each try waits at most the producer's {@code max.block.ms} plus {@code delivery.timeout.ms};
 * keep that under the consumer's {@code max.poll.interval.ms}, as the defaults are, or the group
 * takes the partition elsewhere meanwhile.
 *
 * <p><b>Failures.</b> If the hub's emit throws, an exception or an {@code Error} (a hub with {@code
 * FailurePolicy.PROPAGATE} whose listener throws, say, even {@code StackOverflowError}), or the
 * consumer fails, the receiver commits what was delivered before, stops and hands the failure, as
 * it was thrown, to its {@link FailureHandler}: the record is not committed, the next receiver of
 * the group gets it again (a hub that must not stop its receiver reports its listeners' failures
 * instead, {@code FailurePolicy.REPORT}). A {@link VirtualMachineError} other than {@code
 * StackOverflowError} is then thrown again, out of the receiver's thread. A commit refused because
 * the group is rebalancing is handed over too, and receiving goes on; the records whose commit it
 * lost come again.
 */
public final class KafkaEventReceiver implements AutoCloseable {

  /** The dead-letter header that says why the record was not emitted. */
  public static final String REASON_HEADER = "support-events-dead-letter-reason";

  /** The dead-letter header that says where the record was read: {@code topic-partition@offset}. */
  public static final String SOURCE_HEADER = "support-events-dead-letter-source";

  /**
   * The header of a dead letter that was too large and was trimmed: what was left out or cut, and
   * the producer's or the broker's refusal.
   */
  public static final String TRIMMED_HEADER = "support-events-dead-letter-trimmed";

  private static final System.Logger LOG = System.getLogger(KafkaEventReceiver.class.getName());
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

  /** How long a partition waits before its record is offered to the dead-letter topic again. */
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  /** A wire name quoted in a reason is cut to this many characters. */
  private static final int QUOTED_NAME_LIMIT = 100;

  /** The catalog's wire names, for the reason of a record whose name is none of them. */
  private static final String WIRE_NAMES =
      Arrays.stream(SupportEventType.values())
          .map(SupportEventType::wireName)
          .collect(Collectors.joining(", "));

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final SupportEvents events;
  private final DeadLetters deadLetters;
  private final FailureHandler failures;
  private final TrackingPlan plan = TrackingPlan.of(KafkaEventForwarder.CATALOG);

  /** The next offset of each partition whose records were delivered but are not committed yet. */
  private final Map<TopicPartition, OffsetAndMetadata> delivered = new HashMap<>();

  /** The paused partitions whose record the dead-letter topic refused, with when to resume. */
  private final Map<TopicPartition, Long> retries = new HashMap<>();

  private final Thread thread;
  private volatile boolean closing;

  private KafkaEventReceiver(
      Consumer<String, byte[]> consumer,
      String topic,
      SupportEvents events,
      Producer<String, byte[]> deadLetters,
      String deadLetterTopic,
      FailureHandler failures) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.events = Objects.requireNonNull(events, "events");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.deadLetters = new DeadLetters(deadLetters, deadLetterTopic, this::report);
    this.thread = new Thread(this::run, "support-events-receiver-" + topic);
  }

  /**
   * Starts receiving {@code topic} into {@code events}; failures are logged.
   *
   * @param consumer a consumer of the application's group that does not commit by itself, with a
   *     {@code String} key and a {@code byte[]} value; the receiver takes it over and closes it
   * @param topic the topic the forwarders send to
   * @param events the hub the events are emitted into
   * @param deadLetters a producer for the records that are no events; the application closes it
   * @param deadLetterTopic the topic those records go to
   * @return the running receiver; close it to stop
   */
  public static KafkaEventReceiver start(
      Consumer<String, byte[]> consumer,
      String topic,
      SupportEvents events,
      Producer<String, byte[]> deadLetters,
      String deadLetterTopic) {
    return start(consumer, topic, events, deadLetters, deadLetterTopic, FailureHandler.logging());
  }

  /**
   * Starts receiving {@code topic} into {@code events}.
   *
   * @param consumer a consumer of the application's group that does not commit by itself, with a
   *     {@code String} key and a {@code byte[]} value; the receiver takes it over and closes it
   * @param topic the topic the forwarders send to
   * @param events the hub the events are emitted into
   * @param deadLetters a producer for the records that are no events; the application closes it
   * @param deadLetterTopic the topic those records go to
   * @param failures receives what stopped the receiver, the records that could not be
   *     dead-lettered, and refused commits
   * @return the running receiver; close it to stop
   */
  public static KafkaEventReceiver start(
      Consumer<String, byte[]> consumer,
      String topic,
      SupportEvents events,
      Producer<String, byte[]> deadLetters,
      String deadLetterTopic,
      FailureHandler failures) {
    KafkaEventReceiver receiver =
        new KafkaEventReceiver(consumer, topic, events, deadLetters, deadLetterTopic, failures);
    receiver.thread.start();
    return receiver;
  }

  /**
   * Consumer settings for receiving: the deserializers of the key and the value, no automatic
   * commit (the receiver commits what the hub delivered), and a new group starting at the oldest
   * record still kept.
   *
   * @param bootstrapServers the brokers to connect to first, such as {@code "kafka-1:9092"}
   * @param groupId the consumer group: the receivers of one application share one, and each record
   *     reaches one of them
   * @return settings for a {@code KafkaConsumer<String, byte[]>}; add any others to a copy
   */
  public static Map<String, Object> consumerSettings(String bootstrapServers, String groupId) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG,
        groupId,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        ByteArrayDeserializer.class.getName(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest");
  }

  /**
   * Tells whether the receiver still receives: it does until {@link #close()}, or until a failure
   * stops it.
   *
   * @return {@code true} while its thread runs
   */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops receiving: the record being emitted or dead-lettered is finished (a dead letter waits at
   * most the producer's timeouts), what was delivered is committed, and the consumer is closed
   * before this method returns. Idempotent. Called from a listener of the hub, on the receiver's
   * own thread, it stops after that record and returns at once.
   */
  @Override
  public void close() {
    closing = true;
    if (Thread.currentThread() == thread) {
      return; // the loop sees the flag once this record is delivered
    }
    if (thread.isAlive()) {
      consumer.wakeup(); // ends a poll under way at once
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    VirtualMachineError fatal = null;
    try {
      consumer.subscribe(List.of(topic));
      while (!closing) {
        resumeRetries();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
        for (TopicPartition partition : records.partitions()) {
          if (closing) {
            break;
          }
          receiveInOrder(partition, records.records(partition));
        }
        commitDelivered();
      }
    } catch (WakeupException stopping) {
      // close() woke the consumer up: the loop is done.
    } catch (Throwable failure) {
      report(failure);
      if (failure instanceof VirtualMachineError error && !(error instanceof StackOverflowError)) {
        fatal = error;
      }
    } finally {
      stop();
    }
    if (fatal != null) {
      throw fatal; // the JVM is in trouble: the thread ends with it, after the commit
    }
  }

  /**
   * Receives the records of one partition in order. A record the dead-letter topic refused for now
   * is received again after {@link #RETRY_DELAY}, and the ones after it with it: its partition goes
   * back to it and pauses meanwhile.
   */
  private void receiveInOrder(
      TopicPartition partition, List<ConsumerRecord<String, byte[]>> records)
      throws DeadLetterException {
    for (ConsumerRecord<String, byte[]> record : records) {
      if (closing) {
        return;
      }
      if (!receive(record)) {
        consumer.seek(partition, new OffsetAndMetadata(record.offset(), record.leaderEpoch(), ""));
        consumer.pause(List.of(partition));
        retries.put(partition, System.nanoTime() + RETRY_DELAY.toNanos());
        return;
      }
      delivered.put(partition, new OffsetAndMetadata(record.offset() + 1));
    }
  }

  /**
   * Emits the record's event into the hub, or sends the record to the dead-letter topic.
   *
   * @return {@code true} if the record may be committed, {@code false} if it is to be received
   *     again
   */
  private boolean receive(ConsumerRecord<String, byte[]> record) throws DeadLetterException {
    WidgetEvent event;
    try {
      event = eventOf(record);
    } catch (NotAnEventException notAnEvent) {
      return deadLetters.send(record, notAnEvent.getMessage());
    }
    events.emit(event);
    return true;
  }

  /** Resumes the partitions whose retry is due; forgets those the group took elsewhere. */
  private void resumeRetries() {
    if (retries.isEmpty()) {
      return;
    }
    Set<TopicPartition> paused = consumer.paused();
    long now = System.nanoTime();
    List<TopicPartition> due = new ArrayList<>();
    retries
        .entrySet()
        .removeIf(
            retry -> {
              if (!paused.contains(retry.getKey())) {
                return true; // revoked: whoever gets it next starts at the committed offset, this
                // record
              }
              if (now - retry.getValue() >= 0) {
                due.add(retry.getKey());
                return true;
              }
              return false;
            });
    consumer.resume(due);
  }

  /** The event that {@code record} carries: its header names the type, its value is the event. */
  private WidgetEvent eventOf(ConsumerRecord<String, byte[]> record) throws NotAnEventException {
    String wireName = header(record.headers(), KafkaEventForwarder.WIRE_NAME_HEADER);
    if (wireName == null) {
      throw new NotAnEventException("no " + KafkaEventForwarder.WIRE_NAME_HEADER + " header");
    }
    // A name from another node is data, not a mistake: find says so without an exception.
    SupportEventType type =
        SupportEventType.find(wireName)
            .orElseThrow(
                () ->
                    new NotAnEventException(
                        "no event of this catalog has the wire name \""
                            + DeadLetters.cut(wireName, QUOTED_NAME_LIMIT)
                            + "\"; the wire names are: "
                            + WIRE_NAMES));
    return read(type, record.value());
  }

  /** The event of type {@code type} in {@code value}, checked against the tracking plan. */
  private WidgetEvent read(SupportEventType type, byte @Nullable [] value)
      throws NotAnEventException {
    if (value == null) {
      throw new NotAnEventException("no value");
    }
    JsonNode message;
    try {
      message = EventJson.parse(value);
    } catch (JacksonException e) {
      throw new NotAnEventException("the value is not JSON: " + e.getOriginalMessage());
    }
    List<String> violations = plan.violations(message);
    if (!violations.isEmpty()) {
      throw new NotAnEventException(
          "the value is no event of the tracking plan of " + plan.catalog() + ": " + violations);
    }
    String named = message.path(EventJson.EVENT).asString();
    if (!named.equals(type.wireName())) {
      throw new NotAnEventException(
          "the header names "
              + type.wireName()
              + " but the value is "
              + DeadLetters.cut(named, QUOTED_NAME_LIMIT));
    }
    try {
      return EventJson.event(type, message.path(EventJson.PROPERTIES));
    } catch (JacksonException e) {
      throw new NotAnEventException(
          "the value cannot be read as "
              + type.eventClass().getSimpleName()
              + ": "
              + e.getOriginalMessage());
    }
  }

  private void commitDelivered() {
    if (delivered.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(delivered);
    } catch (CommitFailedException | RebalanceInProgressException refused) {
      // The group took the partitions elsewhere: their new receiver gets these records again.
      report(refused);
    }
    delivered.clear();
  }

  /** Commits what was delivered, then closes the consumer; each failure goes to the handler. */
  private void stop() {
    try {
      commitDelivered();
    } catch (RuntimeException e) {
      report(e);
    }
    try {
      consumer.close();
    } catch (RuntimeException e) {
      report(e);
    }
  }

  /**
   * Hands {@code failure} to the failure handler; if the handler throws, an exception or an {@code
   * Error}, both are logged, so that neither is lost, and the receiver goes on as if the handler
   * had returned. A {@link VirtualMachineError} other than {@code StackOverflowError} from the
   * handler is thrown again after the logging.
   */
  private void report(Throwable failure) {
    try {
      failures.failed(failure);
    } catch (Throwable handlerFailure) {
      LOG.log(Level.ERROR, "Support events receiver failed", failure);
      LOG.log(
          Level.ERROR, "The failure handler of the support events receiver threw", handlerFailure);
      if (handlerFailure instanceof VirtualMachineError fatal
          && !(fatal instanceof StackOverflowError)) {
        throw fatal;
      }
    }
  }

  private static @Nullable String header(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Receives what stopped a receiver, the records that could not be dead-lettered, and commits that
   * the group refused.
   */
  @FunctionalInterface
  public interface FailureHandler {

    /**
     * Handles one failure, on the receiver's thread.
     *
     * @param failure what happened: what the hub's emit threw, exceptions and {@code Error}s alike
     *     and as they were thrown; a {@link DeadLetterException}; or the consumer's failure. A
     *     record it concerns is named by topic, partition and offset, never by its contents
     */
    void failed(Throwable failure);

    /**
     * The default handler: one {@code ERROR} record on the {@code System.Logger} of {@link
     * KafkaEventReceiver} with the failure.
     *
     * @return a handler that logs
     */
    static FailureHandler logging() {
      return failure -> LOG.log(Level.ERROR, "Support events receiver failed", failure);
    }
  }

  /** A record that is no event of the catalog; its message is the reason. */
  private static final class NotAnEventException extends Exception {

    private static final long serialVersionUID = 1L;

    NotAnEventException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * A record that is no event could not be sent to the dead-letter topic; the message says what
   * became of it, and {@link #committed()} whether it was committed all the same.
   */
  public static final class DeadLetterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final TopicPartition partition;
    private final long offset;
    private final boolean committed;

    DeadLetterException(
        ConsumerRecord<?, ?> record, boolean committed, String whatBecameOfIt, Throwable cause) {
      super("The record " + DeadLetters.source(record) + " " + whatBecameOfIt, cause);
      this.partition = new TopicPartition(record.topic(), record.partition());
      this.offset = record.offset();
      this.committed = committed;
    }

    /**
     * The partition the record was read from.
     *
     * @return its topic and partition
     */
    public TopicPartition partition() {
      return partition;
    }

    /**
     * The record's offset in its partition, where it stays until the topic's retention.
     *
     * @return the offset
     */
    public long offset() {
      return offset;
    }

    /**
     * Tells whether the record was committed without a dead letter: only when it was too large for
     * the dead-letter topic even trimmed. Otherwise it is received again: by this receiver after a
     * pause if the receiver still runs, else by the next receiver of the group.
     *
     * @return {@code true} if the group will not receive the record again
     */
    public boolean committed() {
      return committed;
    }
  }
}
