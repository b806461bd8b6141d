package dev.supportevents.example.integrations.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.integrations.kafka.KafkaEventReceiver.DeadLetterException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The dead letters of the Kafka receiver without a broker: what a trimmed one keeps, that it stays
 * small whatever the record, and what each way a send can fail means for the record.
 */
class DeadLettersTest {

  private static final String TOPIC = "support-events.dead-letters";

  private final ScriptedProducer producer = new ScriptedProducer();
  private final List<Throwable> reported = new ArrayList<>();
  private final DeadLetters deadLetters = new DeadLetters(producer, TOPIC, reported::add);

  @Test
  void aDeadLetterThatFitsKeepsTheRecordAsItCameWithTheReasonAndTheSource() throws Exception {
    ConsumerRecord<String, byte[]> record = record("c-9", bytes(10), header("trace", 20));

    assertTrue(deadLetters.send(record, "no support-events-wire-name header"));

    ProducerRecord<String, byte[]> letter = producer.history().get(0);
    assertEquals(TOPIC, letter.topic());
    assertEquals("c-9", letter.key());
    assertArrayEquals(record.value(), letter.value());
    assertEquals(
        List.of("trace", KafkaEventReceiver.REASON_HEADER, KafkaEventReceiver.SOURCE_HEADER),
        keys(letter));
    assertEquals(
        "no support-events-wire-name header", text(letter, KafkaEventReceiver.REASON_HEADER));
    assertEquals("support-events-1@42", text(letter, KafkaEventReceiver.SOURCE_HEADER));
    assertEquals(List.of("trace"), keys(record.headers().toArray())); // the record is unchanged
    assertEquals(List.of(), reported);
  }

  @Test
  void aLongReasonIsCutAndSaysHowLongItWas() {
    String reason = "r".repeat(5_000);

    String cut =
        text(deadLetters.full(record("c-9", bytes(10)), reason), KafkaEventReceiver.REASON_HEADER);

    assertEquals("r".repeat(960) + "... (5000 characters)", cut);
    assertTrue(cut.length() <= DeadLetters.REASON_LIMIT);
  }

  @Test
  void aDeadLetterTooLargeIsReplacedByATrimmedOneAndTheRecordCommitted() throws Exception {
    RecordTooLargeException tooLarge = new RecordTooLargeException("The message is too large.");
    producer.failNext(tooLarge);
    byte[] wireName = "m".repeat(600_000).getBytes(UTF_8);
    ConsumerRecord<String, byte[]> record =
        record(
            "c-9",
            bytes(1_100_000),
            new RecordHeader(KafkaEventForwarder.WIRE_NAME_HEADER, wireName),
            header("origin", 6));

    assertTrue(deadLetters.send(record, "no event of this catalog has the wire name"));

    assertEquals(2, producer.history().size());
    ProducerRecord<String, byte[]> trimmed = producer.history().get(1);
    assertEquals("c-9", trimmed.key());
    assertNull(trimmed.value());
    assertEquals(
        List.of(
            KafkaEventForwarder.WIRE_NAME_HEADER,
            "origin",
            KafkaEventReceiver.REASON_HEADER,
            KafkaEventReceiver.SOURCE_HEADER,
            KafkaEventReceiver.TRIMMED_HEADER),
        keys(trimmed));
    assertArrayEquals(
        Arrays.copyOf(wireName, 512),
        trimmed.headers().lastHeader(KafkaEventForwarder.WIRE_NAME_HEADER).value());
    assertEquals(
        "value left out (1100000 bytes); 1 header cut to 512 bytes; the dead letter was"
            + " refused: RecordTooLargeException: The message is too large.",
        text(trimmed, KafkaEventReceiver.TRIMMED_HEADER));
    assertEquals(List.of(), reported);
  }

  @Test
  void aTrimmedDeadLetterLeavesOutALongKeyAndTheHeadersPastItsLimits() {
    List<Header> headers = new ArrayList<>();
    headers.add(new RecordHeader("k".repeat(DeadLetters.HEADER_KEY_LIMIT + 1), bytes(1)));
    for (int i = 0; i < 100; i++) {
      headers.add(header("h" + i, 1));
    }
    ConsumerRecord<String, byte[]> record =
        record(
            "c".repeat(DeadLetters.KEY_LIMIT + 1),
            bytes(DeadLetters.VALUE_LIMIT),
            headers.toArray(Header[]::new));

    ProducerRecord<String, byte[]> trimmed =
        deadLetters.trimmed(record, "reason", new RecordTooLargeException("too large"));

    assertNull(trimmed.key());
    assertEquals(DeadLetters.VALUE_LIMIT, trimmed.value().length); // at the limit: kept
    List<String> keys = keys(trimmed);
    assertEquals(DeadLetters.HEADER_COUNT_LIMIT + 3, keys.size());
    assertEquals("h0", keys.get(0));
    assertEquals("h63", keys.get(DeadLetters.HEADER_COUNT_LIMIT - 1));
    assertEquals(
        "key left out (1025 bytes); 37 headers left out; the dead letter was refused:"
            + " RecordTooLargeException: too large",
        text(trimmed, KafkaEventReceiver.TRIMMED_HEADER));
  }

  @Test
  void aHeaderValueIsCutWhereNoCharacterOfUtf8IsSplit() {
    byte[] euros = "€".repeat(200).getBytes(UTF_8); // 3 bytes each: 512 falls inside the 171st
    ProducerRecord<String, byte[]> trimmed =
        deadLetters.trimmed(
            record("c-9", null, new RecordHeader("text", euros)),
            "reason",
            new RecordTooLargeException("too large"));

    assertEquals("€".repeat(170), text(trimmed, "text"));
  }

  /**
   * The worst record for each limit at once still makes a trimmed dead letter of at most 16 KiB, as
   * the producer measures it against {@code max.request.size}: far below the 1 MiB that topics and
   * producers take by default.
   */
  @Test
  void aTrimmedDeadLetterStaysUnder16KiBWhateverTheRecord() {
    String threeByteCharacters = "€".repeat(DeadLetters.KEY_LIMIT / 3);
    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      headers.add(new RecordHeader(("h" + i + "-").repeat(100).substring(0, 256), bytes(600)));
    }
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(
            "t".repeat(249),
            2_000_000_000,
            Long.MAX_VALUE,
            0L,
            TimestampType.CREATE_TIME,
            0,
            0,
            threeByteCharacters,
            bytes(DeadLetters.VALUE_LIMIT),
            new RecordHeaders(headers.toArray(Header[]::new)),
            Optional.empty());

    ProducerRecord<String, byte[]> trimmed =
        deadLetters.trimmed(
            record, "€".repeat(100_000), new RecordTooLargeException("x".repeat(100_000)));

    int size =
        AbstractRecords.estimateSizeInBytesUpperBound(
            RecordBatch.CURRENT_MAGIC_VALUE,
            CompressionType.NONE,
            trimmed.key().getBytes(UTF_8),
            trimmed.value(),
            trimmed.headers().toArray());
    assertTrue(size <= 16 * 1024, () -> size + " bytes");
  }

  @Test
  void aRecordTooLargeEvenTrimmedIsReportedAndCommitted() throws Exception {
    RecordTooLargeException stillTooLarge = new RecordTooLargeException("still too large");
    producer.failNext(new RecordTooLargeException("too large"));
    producer.failNext(stillTooLarge);

    assertTrue(deadLetters.send(record("c-9", bytes(10)), "reason"));

    DeadLetterException failure = (DeadLetterException) reported.get(0);
    assertTrue(failure.committed());
    assertSame(stillTooLarge, failure.getCause());
    assertEquals("support-events-1", failure.partition().toString());
    assertEquals(42, failure.offset());
    assertEquals(1, reported.size());
  }

  @Test
  void aRetriableFailureIsReportedAndTheRecordIsToBeReceivedAgain() throws Exception {
    TimeoutException timeout = new TimeoutException("Topic not present in metadata after 300 ms.");
    producer.failNext(timeout);

    assertFalse(deadLetters.send(record("c-9", bytes(10)), "reason"));

    DeadLetterException failure = (DeadLetterException) reported.get(0);
    assertFalse(failure.committed());
    assertSame(timeout, failure.getCause());
    assertEquals(
        "The record support-events-1@42 was not taken by the dead-letter topic; it is not"
            + " committed, and is tried again",
        failure.getMessage());
  }

  @Test
  void aRetriableFailureOfTheTrimmedLetterIsReportedAndTheRecordIsToBeReceivedAgain()
      throws Exception {
    producer.failNext(new RecordTooLargeException("too large"));
    producer.failNext(new TimeoutException("timed out"));

    assertFalse(deadLetters.send(record("c-9", bytes(10)), "reason"));

    assertFalse(((DeadLetterException) reported.get(0)).committed());
  }

  @Test
  void anyOtherFailureStopsTheReceiverWithTheRecordUncommitted() {
    TopicAuthorizationException notAuthorized =
        new TopicAuthorizationException("Not authorized to access topics: [" + TOPIC + "]");
    producer.failNext(notAuthorized);

    DeadLetterException failure =
        assertThrows(
            DeadLetterException.class, () -> deadLetters.send(record("c-9", bytes(10)), "reason"));

    assertFalse(failure.committed());
    assertSame(notAuthorized, failure.getCause());
    assertEquals(List.of(), reported);
  }

  @Test
  void aClosedProducerStopsTheReceiverWithTheRecordUncommitted() {
    producer.close();

    DeadLetterException failure =
        assertThrows(
            DeadLetterException.class, () -> deadLetters.send(record("c-9", bytes(10)), "reason"));

    assertTrue(failure.getCause() instanceof IllegalStateException, failure::toString);
  }

  @Test
  void anInterruptStopsTheReceiverAndStaysSet() {
    Thread.currentThread().interrupt();
    producer.failNext(null); // a send that never completes: get() sees the interrupt
    try {
      DeadLetterException failure =
          assertThrows(
              DeadLetterException.class,
              () -> deadLetters.send(record("c-9", bytes(10)), "reason"));
      assertTrue(failure.getCause() instanceof InterruptedException, failure::toString);
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  private static ConsumerRecord<String, byte[]> record(
      @Nullable String key, byte @Nullable [] value, Header... headers) {
    return new ConsumerRecord<>(
        "support-events",
        1,
        42,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        key,
        value,
        new RecordHeaders(headers),
        Optional.empty());
  }

  private static Header header(String key, int length) {
    return new RecordHeader(key, bytes(length));
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  private static List<String> keys(ProducerRecord<?, ?> letter) {
    return keys(letter.headers().toArray());
  }

  private static List<String> keys(Header[] headers) {
    return Arrays.stream(headers).map(Header::key).toList();
  }

  private static String text(ProducerRecord<?, ?> letter, String key) {
    return new String(letter.headers().lastHeader(key).value(), UTF_8);
  }

  /**
   * A producer whose sends fail as scripted, through the future as {@code KafkaProducer}'s do; the
   * others are taken at once. A {@code null} in the script is a send that never completes.
   */
  private static final class ScriptedProducer extends MockProducer<String, byte[]> {

    private final Deque<Optional<RuntimeException>> failures = new ArrayDeque<>();

    ScriptedProducer() {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    void failNext(@Nullable RuntimeException failure) {
      failures.add(Optional.ofNullable(failure));
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, @Nullable Callback callback) {
      Future<RecordMetadata> taken = super.send(record, callback); // recorded in history()
      Optional<RuntimeException> failure = failures.poll();
      if (failure == null) {
        return taken;
      }
      return failure
          .<Future<RecordMetadata>>map(CompletableFuture::failedFuture)
          .orElseGet(CompletableFuture::new);
    }
  }
}
