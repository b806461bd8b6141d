package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.supportevents.example.ConversationEndEvent;
import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.ErrorEvent;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEventRecorder;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.integrations.kafka.KafkaEventForwarder;
import dev.supportevents.example.integrations.kafka.KafkaEventReceiver;
import dev.supportevents.example.integrations.kafka.RemoteError;
import dev.supportevents.runtime.FailurePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's events cross from a hub on "node A" to a hub on "node B" through a real Kafka
 * broker, started in this JVM in KRaft mode on 127.0.0.1: typed, complete, in order per
 * conversation, as the tracking plan describes them; what is no event goes to the dead-letter
 * topic; a receiver that stops mid-stream, cleanly or failing, loses nothing.
 *
 * <p>Tagged {@code kafka}: only the example's {@code kafka} profile runs it, as in {@code mvn -P
 * kafka -pl example -am verify}.
 */
@Tag("kafka")
@Timeout(120)
class KafkaForwardingTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PLAN =
      "/META-INF/support-events/dev.supportevents.example.schema.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final int TWO_MIB = 2 * 1024 * 1024;
  private static final String CONVERSATION_START =
      "{\"event\": \"conversationStart\", \"properties\": {\"conversationId\": \"c-9\"}}";
  private static final String CONVERSATION_END =
      "{\"event\": \"conversationEnd\", \"properties\": {\"conversationId\": \"c-9\"}}";

  @TempDir static Path brokerData;

  private static LoopbackKafka kafka;
  private static Admin admin;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<Throwable> receiverFailures = new CopyOnWriteArrayList<>();
  private String topic;
  private String deadLetterTopic;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = LoopbackKafka.start(brokerData);
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    if (admin != null) {
      admin.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** Each test has topics of its own: three partitions for events, one for dead letters. */
  private void createTopics() throws Exception {
    createTopics(Map.of(), Map.of());
  }

  /**
   * Creates the topics with the settings given, or the events' topic alone if {@code
   * deadLetterSettings} is {@code null}.
   */
  private void createTopics(
      Map<String, String> topicSettings, @Nullable Map<String, String> deadLetterSettings)
      throws Exception {
    int n = TOPICS.incrementAndGet();
    topic = "support-events-" + n;
    deadLetterTopic = "support-events-" + n + ".dead-letters";
    createTopic(topic, 3, topicSettings);
    if (deadLetterSettings != null) {
      createTopic(deadLetterTopic, 1, deadLetterSettings);
    }
  }

  /**
   * Creates {@code name} and returns once the broker serves every partition: an idempotent producer
   * that sends to a partition the broker has not set up yet can lose the batch (KAFKA-15591).
   */
  private static void createTopic(String name, int partitions, Map<String, String> settings)
      throws Exception {
    admin
        .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(settings)))
        .all()
        .get();
    Map<TopicPartition, OffsetSpec> offsets = new HashMap<>();
    for (int partition = 0; partition < partitions; partition++) {
      offsets.put(new TopicPartition(name, partition), OffsetSpec.latest());
    }
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      try {
        admin.listOffsets(offsets).all().get();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  @AfterEach
  void closeClients() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  /**
   * The kernel's tables of TCP sockets list the broker's ports as listening on 127.0.0.1 alone
   * ({@code 0100007F}, or mapped to IPv6 where Java opened a dual-stack socket), neither on another
   * address nor on every address.
   */
  @Test
  void theBrokerListensOnTheLoopbackOnly() throws IOException {
    Set<String> addresses = new TreeSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> sockets = Files.readAllLines(Path.of(table));
      for (String socket : sockets.subList(1, sockets.size())) {
        String[] fields = socket.trim().split("\\s+");
        String[] local = fields[1].split(":");
        boolean listening = fields[3].equals("0A");
        if (listening && kafka.ports().contains(Integer.parseInt(local[1], 16))) {
          addresses.add(local[0]);
        }
      }
    }
    assertFalse(addresses.isEmpty(), "the broker's ports are not listening");
    assertTrue(
        Set.of("0100007F", "0000000000000000FFFF00000100007F").containsAll(addresses),
        addresses::toString);
  }

  @Test
  void aConversationOnNodeAReachesTheTypedListenersOfNodeBInOrderAndEqual() throws Exception {
    createTopics();
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    List<MessageSentEvent> sentSeenOnB = new CopyOnWriteArrayList<>();
    nodeB.onMessageSent(sentSeenOnB::add);
    startReceiver(nodeB, "node-b");

    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    SupportEventRecorder emittedOnA = SupportEventRecorder.attach(widget.events());
    List<SupportEventType> unsent = new CopyOnWriteArrayList<>();
    Producer<String, byte[]> producer = producer(Map.of());
    KafkaEventForwarder.attach(
        widget.events(), producer, topic, (type, event, failure) -> unsent.add(type));
    playConversation(widget, network);
    producer.flush();

    List<WidgetEvent> emitted = emittedOnA.all();
    assertEquals(9, emitted.size());
    awaitTrue(
        () -> receivedOnB.all().size() >= emitted.size(),
        () -> "node B received " + receivedOnB.types() + " of " + emittedOnA.types());
    List<WidgetEvent> received = receivedOnB.all();

    assertEquals(List.of(), unsent);
    assertEquals(List.of(), receiverFailures);
    // Every event, once (nothing failed, so nothing came twice) and equal; in emitted order within
    // the conversation, whose events share a key and so a partition.
    assertEquals(sortedContents(emitted), sortedContents(received));
    assertEquals(
        contents(inConversation(emitted, "c-1")), contents(inConversation(received, "c-1")));
    assertEquals(emittedOnA.of(MessageSentEvent.class), sentSeenOnB);
    assertEquals(emittedOnA.of(MessageSentEvent.class), receivedOnB.of(MessageSentEvent.class));
    ErrorEvent error = receivedOnB.of(ErrorEvent.class).get(0);
    RemoteError remote = assertInstanceOf(RemoteError.class, error.error());
    assertEquals("java.io.IOException: network unreachable", remote.toString());
  }

  @Test
  void eachRecordIsAnEventOfTheTrackingPlanWithItsHeadersAndKey() throws Exception {
    createTopics();
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    SupportEventRecorder emitted = SupportEventRecorder.attach(widget.events());
    Producer<String, byte[]> producer = producer(Map.of());
    KafkaEventForwarder.attach(widget.events(), producer, topic);
    playConversation(widget, network);
    producer.flush();

    List<ConsumerRecord<String, byte[]>> records = readAll(topic, emitted.all().size());
    Schema plan =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(read(PLAN));
    Map<String, Long> wireNames = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      JsonNode value = JSON.readTree(record.value());
      assertEquals(List.of(), plan.validate(value), value::toString);
      String wireName = header(record, KafkaEventForwarder.WIRE_NAME_HEADER);
      assertEquals(value.get("event").asString(), wireName);
      assertEquals("dev.supportevents.example", header(record, KafkaEventForwarder.CATALOG_HEADER));
      JsonNode conversationId = value.get("properties").path("conversationId");
      assertEquals(
          conversationId.isString() ? conversationId.asString() : null, record.key(), wireName);
      wireNames.merge(wireName, 1L, Long::sum);
    }
    assertEquals(
        emitted.types().stream()
            .collect(Collectors.groupingBy(SupportEventType::wireName, Collectors.counting())),
        wireNames);
  }

  @Test
  void recordsThatAreNoEventsGoToTheDeadLetterTopicAndReceivingGoesOn() throws Exception {
    createTopics();
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    startReceiver(nodeB, "node-b");
    Producer<String, byte[]> producer = producer(Map.of());
    String messageSent =
        "{\"event\": \"messageSent\", \"properties\": {\"conversationId\": \"c-9\"}}";
    String conversationStart =
        "{\"event\": \"conversationStart\", \"properties\": {\"conversationId\": \"c-9\"}}";
    Map<String, String> reasons = new HashMap<>();
    reasons.put(send(producer, "messageDeleted", conversationStart), "messageDeleted");
    reasons.put(send(producer, null, conversationStart), "no support-events-wire-name header");
    reasons.put(send(producer, "messageSent", "{\"event\": \"messageSent\", "), "not JSON");
    reasons.put(send(producer, "messageSent", messageSent), "no event of the tracking plan");
    reasons.put(
        send(producer, "messageSent", conversationStart),
        "the header names messageSent but the value is conversationStart");
    reasons.put(
        send(
            producer,
            "ratingSubmitted",
            "{\"event\": \"ratingSubmitted\", \"properties\":"
                + " {\"conversationId\": \"c-9\", \"stars\": 9}}"),
        "cannot be read as RatingSubmittedEvent");
    send(producer, "conversationStart", conversationStart);
    // As a newer forwarder would send it, with a nullable component this node does not know yet:
    // the plan lists every property of a record and no other.
    reasons.put(
        send(
            producer,
            "conversationEnd",
            "{\"event\": \"conversationEnd\","
                + " \"properties\": {\"conversationId\": \"c-9\", \"channel\": \"web\"}}"),
        "no event of the tracking plan");
    send(
        producer,
        "conversationEnd",
        "{\"event\": \"conversationEnd\", \"properties\":"
            + " {\"conversationId\": \"c-9\", \"conversation\": null}}");
    producer.flush();

    awaitTrue(() -> receivedOnB.all().size() >= 2, () -> "the valid records were not received");
    List<ConsumerRecord<String, byte[]>> letters = readAll(deadLetterTopic, reasons.size());
    assertEquals(reasons.size(), letters.size());
    for (ConsumerRecord<String, byte[]> letter : letters) {
      String source = header(letter, KafkaEventReceiver.SOURCE_HEADER);
      String reason = header(letter, KafkaEventReceiver.REASON_HEADER);
      String expected = reasons.get(source);
      assertNotNull(expected, () -> "a dead letter from " + source + ": " + reason);
      assertTrue(reason.contains(expected), () -> reason + " does not say " + expected);
      assertEquals("c-9", letter.key());
    }
    assertEquals(
        List.of(new ConversationStartEvent("c-9", null), new ConversationEndEvent("c-9", null)),
        receivedOnB.all());
    assertEquals(List.of(), receiverFailures);
  }

  /**
   * An event of about 1 MB from a newer node, which this node does not know: its dead letter is
   * larger than the dead-letter producer's {@code max.request.size} (1 MiB by default), so a dead
   * letter that fits takes its place, the record is committed and the next one is received.
   */
  @Test
  void aDeadLetterLargerThanTheProducerTakesIsTrimmedCommittedAndReceivingGoesOn()
      throws Exception {
    createTopics(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TWO_MIB)), Map.of());
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    KafkaEventReceiver receiver = startReceiver(nodeB, "node-b");
    Producer<String, byte[]> producer =
        producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TWO_MIB));
    String value =
        "{\"event\": \"messageDeleted\", \"properties\": {\"conversationId\":"
            + " \"c-9\", \"text\": \""
            + "x".repeat(1_100_000)
            + "\"}}";
    String large = send(producer, "messageDeleted", value);
    send(producer, "conversationStart", CONVERSATION_START);

    awaitTrue(
        () -> receivedOnB.all().size() >= 1,
        () ->
            "the record after it was not received;"
                + " running: "
                + receiver.isRunning()
                + ", committed: "
                + committedOffsets("node-b")
                + ", failures: "
                + describe(receiverFailures));
    assertEquals(List.of(new ConversationStartEvent("c-9", null)), receivedOnB.all());
    ConsumerRecord<String, byte[]> letter = readAll(deadLetterTopic, 1).get(0);
    assertEquals(large, header(letter, KafkaEventReceiver.SOURCE_HEADER));
    assertEquals("c-9", letter.key());
    assertEquals("messageDeleted", header(letter, KafkaEventForwarder.WIRE_NAME_HEADER));
    assertTrue(header(letter, KafkaEventReceiver.REASON_HEADER).contains("messageDeleted"));
    assertEquals(null, letter.value());
    String trimmed = header(letter, KafkaEventReceiver.TRIMMED_HEADER);
    assertTrue(
        trimmed.startsWith(
            "value left out ("
                + value.length()
                + " bytes); the dead letter"
                + " was refused: RecordTooLargeException: The message is "),
        trimmed);
    assertTrue(trimmed.contains("max.request.size"), trimmed);
    awaitTrue(() -> committedOffsets("node-b") == 2, () -> "the two records are not committed");
    assertTrue(receiver.isRunning());
    assertEquals(List.of(), receiverFailures);
  }

  /**
   * A record whose wire-name header is 600 KB: the reason of its dead letter used to repeat that
   * name, which made the dead letter larger than the producer takes.
   */
  @Test
  void aRecordWithA600KilobyteHeaderIsDeadLetteredCommittedAndReceivingGoesOn() throws Exception {
    createTopics();
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    KafkaEventReceiver receiver = startReceiver(nodeB, "node-b");
    Producer<String, byte[]> producer = producer(Map.of());
    String wireName = "m".repeat(600_000);
    String large = send(producer, wireName, CONVERSATION_START);
    send(producer, "conversationStart", CONVERSATION_START);

    awaitTrue(
        () -> receivedOnB.all().size() >= 1,
        () ->
            "the record after it was not received;"
                + " running: "
                + receiver.isRunning()
                + ", committed: "
                + committedOffsets("node-b")
                + ", failures: "
                + describe(receiverFailures));
    assertEquals(List.of(new ConversationStartEvent("c-9", null)), receivedOnB.all());
    ConsumerRecord<String, byte[]> letter = readAll(deadLetterTopic, 1).get(0);
    assertEquals(large, header(letter, KafkaEventReceiver.SOURCE_HEADER));
    assertEquals("c-9", letter.key());
    assertEquals(CONVERSATION_START, new String(letter.value(), UTF_8));
    assertEquals(wireName, header(letter, KafkaEventForwarder.WIRE_NAME_HEADER));
    String reason = header(letter, KafkaEventReceiver.REASON_HEADER);
    assertTrue(reason.startsWith("no event of this catalog has the wire name \"mmm"), reason);
    assertTrue(reason.length() < 2_000, () -> "a reason of " + reason.length() + " characters");
    awaitTrue(() -> committedOffsets("node-b") == 2, () -> "the two records are not committed");
    assertTrue(receiver.isRunning());
    assertEquals(List.of(), receiverFailures);
  }

  /**
   * The producer takes the dead letter of a record with a 600 KB header, but the dead-letter topic,
   * which takes 64 KiB, refuses it: a trimmed dead letter, with that header cut, takes its place.
   */
  @Test
  void aDeadLetterTheTopicRefusesAsTooLargeIsTrimmedToFit() throws Exception {
    createTopics(Map.of(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "65536"));
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    KafkaEventReceiver receiver = startReceiver(nodeB, "node-b");
    Producer<String, byte[]> producer = producer(Map.of());
    String trace = "t".repeat(600_000);
    String large =
        send(
            producer,
            null,
            "messageDeleted",
            CONVERSATION_START,
            List.of(
                new RecordHeader("trace", trace.getBytes(UTF_8)),
                new RecordHeader("origin", "node-a".getBytes(UTF_8))));
    send(producer, "conversationStart", CONVERSATION_START);

    awaitTrue(
        () -> receivedOnB.all().size() >= 1,
        () -> "the record after it was not received;" + " failures: " + describe(receiverFailures));
    ConsumerRecord<String, byte[]> letter = readAll(deadLetterTopic, 1).get(0);
    assertEquals(large, header(letter, KafkaEventReceiver.SOURCE_HEADER));
    assertEquals("c-9", letter.key());
    assertEquals(CONVERSATION_START, new String(letter.value(), UTF_8));
    assertEquals(
        List.of(
            KafkaEventForwarder.WIRE_NAME_HEADER,
            "trace",
            "origin",
            KafkaEventReceiver.REASON_HEADER,
            KafkaEventReceiver.SOURCE_HEADER,
            KafkaEventReceiver.TRIMMED_HEADER),
        Arrays.stream(letter.headers().toArray()).map(Header::key).toList());
    assertEquals("messageDeleted", header(letter, KafkaEventForwarder.WIRE_NAME_HEADER));
    assertEquals(trace.substring(0, 512), header(letter, "trace"));
    assertEquals("node-a", header(letter, "origin"));
    String trimmed = header(letter, KafkaEventReceiver.TRIMMED_HEADER);
    assertTrue(
        trimmed.startsWith(
            "1 header cut to 512 bytes; the dead letter was refused:"
                + " RecordTooLargeException: "),
        trimmed);
    assertTrue(trimmed.contains("the server will accept"), trimmed); // the broker's refusal
    awaitTrue(() -> committedOffsets("node-b") == 2, () -> "the two records are not committed");
    assertTrue(receiver.isRunning());
    assertEquals(List.of(), receiverFailures);
  }

  /**
   * A dead-letter topic that takes 200 bytes takes not even a trimmed dead letter: the record is
   * reported, committed without a dead letter, and receiving goes on.
   */
  @Test
  void aRecordThatNoDeadLetterFitsIsReportedCommittedAndReceivingGoesOn() throws Exception {
    createTopics(Map.of(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "200"));
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    KafkaEventReceiver receiver = startReceiver(nodeB, "node-b");
    Producer<String, byte[]> producer = producer(Map.of());
    String refused = send(producer, "messageDeleted", CONVERSATION_START);
    send(producer, "conversationStart", CONVERSATION_START);

    awaitTrue(
        () -> receivedOnB.all().size() >= 1,
        () -> "the record after it was not received;" + " failures: " + describe(receiverFailures));
    awaitTrue(() -> committedOffsets("node-b") == 2, () -> "the two records are not committed");
    assertEquals(1, receiverFailures.size(), () -> describe(receiverFailures));
    KafkaEventReceiver.DeadLetterException failure =
        assertInstanceOf(KafkaEventReceiver.DeadLetterException.class, receiverFailures.get(0));
    assertEquals(refused, failure.partition() + "@" + failure.offset());
    assertTrue(failure.committed());
    assertInstanceOf(RecordTooLargeException.class, failure.getCause());
    assertEquals(
        "The record "
            + refused
            + " is too large for the dead-letter topic even trimmed;"
            + " it is committed without a dead letter and stays in its topic until the topic's"
            + " retention removes it",
        failure.getMessage());
    assertTrue(receiver.isRunning());
    assertEquals(0, endOffset(deadLetterTopic));
  }

  /**
   * A failure handler that throws an {@code Error} on the report of a record that fits no dead
   * letter: both are logged, and the receiver goes on as if the handler had returned.
   */
  @Test
  void aFailureHandlerThatThrowsAnErrorDoesNotStopTheReceiver() throws Exception {
    createTopics(Map.of(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "200"));
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    Map<String, Object> settings =
        new HashMap<>(KafkaEventReceiver.consumerSettings(kafka.bootstrapServers(), "node-b"));
    KafkaEventReceiver receiver =
        KafkaEventReceiver.start(
            new KafkaConsumer<>(settings),
            topic,
            nodeB,
            producer(Map.of()),
            deadLetterTopic,
            failure -> {
              receiverFailures.add(failure);
              throw new AssertionError("the handler's own bug");
            });
    resources.add(receiver);
    Producer<String, byte[]> producer = producer(Map.of());
    String refused = send(producer, "messageDeleted", CONVERSATION_START);
    send(producer, "conversationStart", CONVERSATION_START);

    awaitTrue(
        () -> receivedOnB.all().size() >= 1,
        () ->
            "the record after it was not received;"
                + " running: "
                + receiver.isRunning()
                + ", failures: "
                + describe(receiverFailures));
    awaitTrue(() -> committedOffsets("node-b") == 2, () -> "the two records are not committed");
    assertTrue(receiver.isRunning());
    assertEquals(1, receiverFailures.size(), () -> describe(receiverFailures));
    KafkaEventReceiver.DeadLetterException failure =
        assertInstanceOf(KafkaEventReceiver.DeadLetterException.class, receiverFailures.get(0));
    assertEquals(refused, failure.partition() + "@" + failure.offset());
  }

  /**
   * Without its dead-letter topic, the receiver reports each try, commits nothing of the record's
   * partition past it and receives the other partitions; once the topic exists, the record is
   * dead-lettered and its partition goes on.
   */
  @Test
  void aMissingDeadLetterTopicHoldsOnlyItsRecordsPartitionReportedUntilTheTopicExists()
      throws Exception {
    createTopics(Map.of(), null);
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder receivedOnB = SupportEventRecorder.attach(nodeB);
    KafkaEventReceiver receiver =
        startReceiver(nodeB, "node-b", Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300));
    Producer<String, byte[]> producer = producer(Map.of());
    String held = send(producer, 0, "messageDeleted", CONVERSATION_START, List.of());
    send(producer, 0, "conversationStart", CONVERSATION_START, List.of());
    send(producer, 1, "conversationEnd", CONVERSATION_END, List.of());

    awaitTrue(
        () -> receiverFailures.size() >= 2,
        () -> "the tries were not reported twice;" + " failures: " + describe(receiverFailures));
    awaitTrue(() -> receivedOnB.all().size() >= 1, () -> "the other partition was not received");
    assertEquals(List.of(new ConversationEndEvent("c-9", null)), receivedOnB.all());
    for (Throwable failure : List.copyOf(receiverFailures)) {
      KafkaEventReceiver.DeadLetterException notTaken =
          assertInstanceOf(KafkaEventReceiver.DeadLetterException.class, failure);
      assertEquals(held, notTaken.partition() + "@" + notTaken.offset());
      assertFalse(notTaken.committed());
      assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, notTaken.getCause());
    }
    assertTrue(receiver.isRunning());
    awaitTrue(() -> committedOffsets("node-b") == 1, () -> "partition 1 is not committed");

    createTopic(deadLetterTopic, 1, Map.of());
    awaitTrue(() -> receivedOnB.all().size() >= 2, () -> "partition 0 did not go on");
    assertEquals(
        List.of(new ConversationEndEvent("c-9", null), new ConversationStartEvent("c-9", null)),
        receivedOnB.all());
    assertEquals(
        held, header(readAll(deadLetterTopic, 1).get(0), KafkaEventReceiver.SOURCE_HEADER));
    awaitTrue(() -> committedOffsets("node-b") == 3, () -> "the records are not committed");
    assertTrue(receiver.isRunning());
  }

  @Test
  void aReceiverThatFailsMidStreamLeavesEveryUndeliveredEventToTheNext() throws Exception {
    createTopics();
    List<MessageSentEvent> forwarded = forwardMessages(120);
    // Node B's hub propagates a listener's failure: at the 40th event, its emit throws, and the
    // receiver stops without committing that event.
    SupportEvents failingB = SupportEvents.builder().failurePolicy(FailurePolicy.PROPAGATE).build();
    SupportEventRecorder beforeFailure = SupportEventRecorder.attach(failingB);
    AtomicInteger seen = new AtomicInteger();
    failingB.onMessageSent(
        event -> {
          if (seen.incrementAndGet() == 40) {
            throw new IllegalStateException("node B went down");
          }
        });
    KafkaEventReceiver first = startReceiver(failingB, "node-b");
    awaitTrue(() -> !first.isRunning(), () -> "the receiver did not stop");
    assertEquals("node B went down", receiverFailures.get(0).getMessage());

    SupportEvents restartedB = SupportEvents.create();
    SupportEventRecorder afterRestart = SupportEventRecorder.attach(restartedB);
    startReceiver(restartedB, "node-b");
    awaitTrue(
        () -> union(beforeFailure, afterRestart).containsAll(forwarded),
        () -> "after the restart node B has " + afterRestart.all().size() + " events");

    // The failed event was not committed: the receiver after the restart gets it again.
    MessageSentEvent failed = beforeFailure.of(MessageSentEvent.class).get(39);
    assertTrue(afterRestart.of(MessageSentEvent.class).contains(failed));
    assertInOrderPerConversation(forwarded, afterRestart.of(MessageSentEvent.class));
  }

  /**
   * A listener's {@code StackOverflowError} comes out of a {@code PROPAGATE} hub's emit: it reaches
   * the receiver's failure handler, the receiver stops, and its record is left to the next.
   */
  @Test
  void anErrorOutOfTheHubReachesTheFailureHandlerAndItsRecordIsReceivedAgain() throws Exception {
    createTopics();
    List<MessageSentEvent> forwarded = forwardMessages(12);
    SupportEvents failingB = SupportEvents.builder().failurePolicy(FailurePolicy.PROPAGATE).build();
    SupportEventRecorder beforeFailure = SupportEventRecorder.attach(failingB);
    AtomicInteger seen = new AtomicInteger();
    failingB.onMessageSent(
        event -> {
          if (seen.incrementAndGet() == 5) {
            recurse(0);
          }
        });
    KafkaEventReceiver first = startReceiver(failingB, "node-b");
    awaitTrue(() -> !first.isRunning(), () -> "the receiver did not stop");
    assertEquals(1, receiverFailures.size(), () -> describe(receiverFailures));
    assertInstanceOf(StackOverflowError.class, receiverFailures.get(0));
    assertEquals(4, committedOffsets("node-b"));

    SupportEvents restartedB = SupportEvents.create();
    SupportEventRecorder afterRestart = SupportEventRecorder.attach(restartedB);
    startReceiver(restartedB, "node-b");
    awaitTrue(
        () -> afterRestart.all().size() >= forwarded.size() - 4,
        () -> "after the restart node B has " + afterRestart.all().size() + " events");
    MessageSentEvent failed = beforeFailure.of(MessageSentEvent.class).get(4);
    assertTrue(afterRestart.of(MessageSentEvent.class).contains(failed));
    assertEquals(
        sortedContents(List.copyOf(forwarded)),
        sortedContents(union(beforeFailure.all().subList(0, 4), afterRestart.all())));
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void aReceiverClosedMidStreamCommitsWhatItDeliveredAndTheNextGetsTheRest() throws Exception {
    createTopics();
    List<MessageSentEvent> forwarded = forwardMessages(120);
    SupportEvents nodeB = SupportEvents.create();
    SupportEventRecorder beforeClose = SupportEventRecorder.attach(nodeB);
    // Closing from a listener stops the receiver right after that event, in the middle of a poll.
    List<KafkaEventReceiver> receiver = new CopyOnWriteArrayList<>();
    AtomicInteger seen = new AtomicInteger();
    nodeB.onMessageSent(
        event -> {
          if (seen.incrementAndGet() == 50) {
            receiver.get(0).close();
          }
        });
    receiver.add(startReceiver(nodeB, "node-b"));
    awaitTrue(() -> !receiver.get(0).isRunning(), () -> "the receiver did not stop");
    assertEquals(50, beforeClose.all().size());
    assertEquals(50, committedOffsets("node-b"));

    SupportEvents restartedB = SupportEvents.create();
    SupportEventRecorder afterRestart = SupportEventRecorder.attach(restartedB);
    startReceiver(restartedB, "node-b");
    awaitTrue(
        () -> afterRestart.all().size() >= forwarded.size() - 50,
        () -> "after the restart node B has " + afterRestart.all().size() + " events");

    List<WidgetEvent> everything = new ArrayList<>(beforeClose.all());
    everything.addAll(afterRestart.all());
    assertEquals(sortedContents(List.copyOf(forwarded)), sortedContents(everything));
    assertEquals(List.of(), receiverFailures);
  }

  @Test
  void aSendThatFailsGoesToTheFailureHandlerNeverIntoTheWidget() throws Exception {
    createTopics();
    SupportEvents nodeA = SupportEvents.create();
    List<String> failures = new CopyOnWriteArrayList<>();
    Producer<String, byte[]> producer =
        producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000));
    KafkaEventForwarder.attach(
        nodeA,
        producer,
        topic,
        (type, event, failure) ->
            failures.add(type.wireName() + " " + failure.getClass().getSimpleName()));

    nodeA.emitMessageSent("c-1", message("c-1", "m-1", "x".repeat(5_000)));
    producer.flush();
    producer.close();
    nodeA.emitMessageSent("c-1", message("c-1", "m-2", "after close"));

    assertEquals(
        List.of(
            "messageSent " + RecordTooLargeException.class.getSimpleName(),
            "messageSent " + IllegalStateException.class.getSimpleName()),
        failures);
  }

  /** Forwards {@code count} messages of four conversations, interleaved, from a hub of node A. */
  private List<MessageSentEvent> forwardMessages(int count) {
    SupportEvents nodeA = SupportEvents.create();
    SupportEventRecorder emitted = SupportEventRecorder.attach(nodeA);
    Producer<String, byte[]> producer = producer(Map.of());
    KafkaEventForwarder.attach(nodeA, producer, topic);
    for (int i = 0; i < count; i++) {
      String conversationId = "c-" + (i % 4);
      nodeA.emitMessageSent(conversationId, message(conversationId, "m-" + i, "message " + i));
    }
    producer.flush();
    return emitted.of(MessageSentEvent.class);
  }

  private static Message message(String conversationId, String id, String text) {
    return new Message(
        id,
        conversationId,
        Sender.visitor(Widgets.VISITOR_ID, "Alex"),
        text,
        List.of(),
        Instant.parse("2025-03-04T10:15:30Z"));
  }

  private KafkaEventReceiver startReceiver(SupportEvents events, String group) {
    return startReceiver(events, group, Map.of());
  }

  /** Starts a receiver whose dead-letter producer has the settings {@code deadLetterSettings}. */
  private KafkaEventReceiver startReceiver(
      SupportEvents events, String group, Map<String, Object> deadLetterSettings) {
    Map<String, Object> settings =
        new HashMap<>(KafkaEventReceiver.consumerSettings(kafka.bootstrapServers(), group));
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 30);
    KafkaEventReceiver receiver =
        KafkaEventReceiver.start(
            new KafkaConsumer<>(settings),
            topic,
            events,
            producer(deadLetterSettings),
            deadLetterTopic,
            receiverFailures::add);
    resources.add(receiver);
    return receiver;
  }

  private Producer<String, byte[]> producer(Map<String, Object> overrides) {
    Map<String, Object> settings =
        new HashMap<>(KafkaEventForwarder.producerSettings(kafka.bootstrapServers()));
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.putAll(overrides);
    Producer<String, byte[]> producer = new KafkaProducer<>(settings);
    resources.add(producer);
    return producer;
  }

  /** Sends a raw record keyed {@code c-9} and returns its {@code topic-partition@offset}. */
  private String send(Producer<String, byte[]> producer, @Nullable String wireName, String value)
      throws Exception {
    return send(producer, null, wireName, value, List.of());
  }

  /**
   * Sends a raw record keyed {@code c-9}, to {@code partition} or to the key's, with the headers
   * {@code headers} after the wire name's, and returns its {@code topic-partition@offset}.
   */
  private String send(
      Producer<String, byte[]> producer,
      @Nullable Integer partition,
      @Nullable String wireName,
      String value,
      List<Header> headers)
      throws Exception {
    List<Header> all = new ArrayList<>();
    if (wireName != null) {
      all.add(new RecordHeader(KafkaEventForwarder.WIRE_NAME_HEADER, wireName.getBytes(UTF_8)));
    }
    all.addAll(headers);
    var metadata =
        producer
            .send(new ProducerRecord<>(topic, partition, "c-9", value.getBytes(UTF_8), all))
            .get();
    return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
  }

  /** Reads {@code topic} from its beginning until {@code count} records came, in no group. */
  private List<ConsumerRecord<String, byte[]>> readAll(String topic, int count) throws Exception {
    Map<String, Object> settings =
        new HashMap<>(KafkaEventReceiver.consumerSettings(kafka.bootstrapServers(), "unused"));
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plus(WAIT);
      while (records.size() < count && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The offset the next record of partition 0 of {@code topic} will have. */
  private static long endOffset(String topic) throws Exception {
    TopicPartition partition = new TopicPartition(topic, 0);
    return admin
        .listOffsets(Map.of(partition, OffsetSpec.latest()))
        .all()
        .get()
        .get(partition)
        .offset();
  }

  /** The sum of the offsets that {@code group} committed on this test's topic. */
  private long committedOffsets(String group) {
    try {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(entry -> entry.getKey().topic().equals(topic))
          .map(Map.Entry::getValue)
          .filter(Objects::nonNull)
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError("cannot read the offsets of " + group, e);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String key) {
    Header header = record.headers().lastHeader(key);
    assertNotNull(header, () -> "no header " + key);
    return new String(header.value(), UTF_8);
  }

  /** Each failure with its causes, on one line. */
  private static String describe(List<? extends Throwable> failures) {
    return failures.stream()
        .map(
            failure -> {
              StringBuilder line = new StringBuilder(failure.toString());
              for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                line.append(" <- ").append(cause);
              }
              return line.toString();
            })
        .toList()
        .toString();
  }

  private static List<WidgetEvent> union(SupportEventRecorder first, SupportEventRecorder second) {
    return union(first.all(), second.all());
  }

  private static List<WidgetEvent> union(List<WidgetEvent> first, List<WidgetEvent> second) {
    List<WidgetEvent> union = new ArrayList<>(first);
    union.addAll(second);
    return union;
  }

  /** Within each conversation, {@code received} holds the events in the order they were sent. */
  private static void assertInOrderPerConversation(
      List<MessageSentEvent> sent, List<MessageSentEvent> received) {
    for (String conversationId : List.of("c-0", "c-1", "c-2", "c-3")) {
      List<MessageSentEvent> ofConversation =
          received.stream().filter(event -> event.conversationId().equals(conversationId)).toList();
      if (ofConversation.isEmpty()) {
        continue; // all delivered before: the test's check of the union covers them
      }
      List<MessageSentEvent> expected =
          sent.stream()
              .filter(event -> event.conversationId().equals(conversationId))
              .dropWhile(event -> !event.equals(ofConversation.get(0)))
              .toList();
      assertEquals(expected, ofConversation, conversationId);
    }
  }

  /** The events whose {@code conversationId} component is {@code conversationId}. */
  private static List<WidgetEvent> inConversation(List<WidgetEvent> events, String conversationId) {
    return events.stream()
        .filter(event -> !(event instanceof ErrorEvent))
        .filter(
            event -> {
              JsonNode id = JSON.valueToTree(event).path("conversationId");
              return id.isString() && id.stringValue().equals(conversationId);
            })
        .toList();
  }

  /**
   * What an event says, to compare across nodes: the record itself, except that an error is
   * compared by the class name and message it had, which is all that crosses the wire.
   */
  private static List<Object> contents(List<WidgetEvent> events) {
    return events.stream()
        .map(
            event ->
                event instanceof ErrorEvent error
                    ? List.of(
                        "error",
                        errorType(error.error()),
                        String.valueOf(error.error().getMessage()),
                        String.valueOf(error.context()))
                    : (Object) event)
        .toList();
  }

  private static List<String> sortedContents(List<WidgetEvent> events) {
    return contents(events).stream().map(Object::toString).sorted().toList();
  }

  private static String errorType(Throwable error) {
    return error instanceof RemoteError remote ? remote.type() : error.getClass().getName();
  }

  private static void awaitTrue(BooleanSupplier condition, Supplier<String> failure)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertFalse(Instant.now().isAfter(deadline), failure);
      Thread.sleep(20);
    }
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = KafkaForwardingTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the class path");
      return JSON.readTree(in);
    }
  }
}
