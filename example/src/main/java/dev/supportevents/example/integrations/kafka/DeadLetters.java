package dev.supportevents.example.integrations.kafka;

import dev.supportevents.example.integrations.kafka.KafkaEventReceiver.DeadLetterException;
import dev.supportevents.example.integrations.kafka.KafkaEventReceiver.FailureHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The dead-letter topic of a {@link KafkaEventReceiver}: sends each record that is no event there,
 * as it came, or trimmed when it does not fit, and says whether the record may be committed.
 *
 * <p>What a failed send means for the record, and why:
 *
 * <ul>
 *   <li><b>Too large</b> (the producer's {@code max.request.size} or {@code buffer.memory}, or the
 *       topic's {@code max.message.bytes}): a trimmed dead letter takes its place. No retry makes a
 *       record smaller, so if even that one is refused the record is committed without a dead
 *       letter and reported: stopping would only leave it to the next receiver of the group, which
 *       would stop on it too.
 *   <li><b>Retriable</b> ({@link RetriableException}: a timeout, the topic missing from the
 *       metadata, the broker out of reach): the record is not committed, the failure is reported,
 *       and the receiver tries it again, as the topic may come back.
 *   <li><b>Anything else</b> (the producer closed, not authorized, an invalid topic): no record
 *       will get through until someone changes the setup, so the receiver stops and leaves the
 *       record uncommitted.
 * </ul>
 */
final class DeadLetters {

  /** A key longer than this, in UTF-8 bytes, is left out of a trimmed dead letter. */
  static final int KEY_LIMIT = 1024;

  /** A value longer than this, in bytes, is left out of a trimmed dead letter. */
  static final int VALUE_LIMIT = 4 * 1024;

  /** A header value longer than this, in bytes, is cut to this length in a trimmed dead letter. */
  static final int HEADER_VALUE_LIMIT = 512;

  /** A header whose key is longer than this, in UTF-8 bytes, is left out of a trimmed letter. */
  static final int HEADER_KEY_LIMIT = 256;

  /** A trimmed dead letter keeps the record's headers, in order, up to this many bytes... */
  static final int HEADERS_LIMIT = 4 * 1024;

  /** ...and up to this many headers. */
  static final int HEADER_COUNT_LIMIT = 64;

  /** A reason longer than this, in characters, is cut, in every dead letter. */
  static final int REASON_LIMIT = 1000;

  /** The refusal quoted in a trimmed letter's header is cut to this many characters. */
  private static final int REFUSAL_LIMIT = 300;

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final FailureHandler failures;

  DeadLetters(Producer<String, byte[]> producer, String topic, FailureHandler failures) {
    this.producer = Objects.requireNonNull(producer, "deadLetters");
    this.topic = Objects.requireNonNull(topic, "deadLetterTopic");
    this.failures = failures;
  }

  /**
   * Sends {@code record} to the dead-letter topic and waits until the topic has it, or a trimmed
   * dead letter in its place.
   *
   * @param reason why the record is no event
   * @return {@code true} if the record may be committed, {@code false} if it is to be received
   *     again later; a failure was reported then
   * @throws DeadLetterException if the receiver is to stop, leaving the record uncommitted
   */
  boolean send(ConsumerRecord<String, byte[]> record, String reason) throws DeadLetterException {
    Exception refused = sendAndWait(record, full(record, reason));
    if (refused == null) {
      return true;
    }
    if (tooLarge(refused)) {
      Exception trimmedRefused = sendAndWait(record, trimmed(record, reason, refused));
      if (trimmedRefused == null) {
        return true;
      }
      if (tooLarge(trimmedRefused)) {
        failures.failed(
            new DeadLetterException(
                record,
                true,
                "is too large for the dead-letter"
                    + " topic even trimmed; it is committed without a dead letter and stays in its topic"
                    + " until the topic's retention removes it",
                trimmedRefused));
        return true;
      }
      refused = trimmedRefused;
    }
    if (refused instanceof RetriableException) {
      failures.failed(
          new DeadLetterException(
              record,
              false,
              "was not taken by the dead-letter"
                  + " topic; it is not committed, and is tried again",
              refused));
      return false;
    }
    throw new DeadLetterException(
        record,
        false,
        "was not taken by the dead-letter topic; the"
            + " receiver stops and leaves it uncommitted to the next receiver of its group",
        refused);
  }

  /**
   * Sends {@code letter} and waits for the topic.
   *
   * @return {@code null} if the topic took it, otherwise why not
   */
  private @Nullable Exception sendAndWait(
      ConsumerRecord<?, ?> record, ProducerRecord<String, byte[]> letter)
      throws DeadLetterException {
    try {
      producer.send(letter).get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause() instanceof Exception cause ? cause : e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterException(
          record,
          false,
          "was not sent to the dead-letter topic: the"
              + " receiver's thread was interrupted; it stops and leaves the record uncommitted",
          e);
    } catch (RuntimeException e) {
      // Thrown at once rather than through the future: the producer is closed, say.
      return e;
    }
  }

  private static boolean tooLarge(Exception refused) {
    return refused instanceof RecordTooLargeException
        || refused instanceof RecordBatchTooLargeException;
  }

  /**
   * The dead letter of {@code record}: its key, value and headers as they came, and the headers
   * {@link KafkaEventReceiver#REASON_HEADER} and {@link KafkaEventReceiver#SOURCE_HEADER}.
   */
  ProducerRecord<String, byte[]> full(ConsumerRecord<String, byte[]> record, String reason) {
    // A copy: the producer makes a record's headers read-only once sent.
    Headers headers = new RecordHeaders(record.headers().toArray());
    addReasonAndSource(headers, record, reason);
    return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
  }

  /**
   * The dead letter that takes the place of one that was too large: the record's key and value if
   * short, its first headers with each value cut, the reason, the source, and a {@link
   * KafkaEventReceiver#TRIMMED_HEADER} that says what was left out and why. Whatever the record, it
   * stays within the limits above.
   */
  ProducerRecord<String, byte[]> trimmed(
      ConsumerRecord<String, byte[]> record, String reason, Exception refused) {
    List<String> trimming = new ArrayList<>();
    String key = record.key();
    if (key != null && utf8Length(key) > KEY_LIMIT) {
      trimming.add("key left out (" + utf8Length(key) + " bytes)");
      key = null;
    }
    byte[] value = record.value();
    if (value != null && value.length > VALUE_LIMIT) {
      trimming.add("value left out (" + value.length + " bytes)");
      value = null;
    }
    Headers headers = new RecordHeaders();
    int kept = 0;
    int headerBytes = 0;
    int cut = 0;
    int leftOut = 0;
    for (Header header : record.headers()) {
      byte[] headerValue = header.value();
      boolean tooLong = headerValue != null && headerValue.length > HEADER_VALUE_LIMIT;
      if (tooLong) {
        headerValue = Arrays.copyOf(headerValue, utf8Boundary(headerValue, HEADER_VALUE_LIMIT));
      }
      int keyBytes = utf8Length(header.key());
      int size = keyBytes + (headerValue == null ? 0 : headerValue.length);
      if (keyBytes > HEADER_KEY_LIMIT
          || kept == HEADER_COUNT_LIMIT
          || headerBytes + size > HEADERS_LIMIT) {
        leftOut++;
        continue;
      }
      headers.add(new RecordHeader(header.key(), headerValue));
      kept++;
      headerBytes += size;
      if (tooLong) {
        cut++;
      }
    }
    if (cut > 0) {
      trimming.add(
          cut + (cut == 1 ? " header" : " headers") + " cut to " + HEADER_VALUE_LIMIT + " bytes");
    }
    if (leftOut > 0) {
      trimming.add(leftOut + (leftOut == 1 ? " header" : " headers") + " left out");
    }
    addReasonAndSource(headers, record, reason);
    String why = refused.getClass().getSimpleName() + ": " + refused.getMessage();
    headers.add(
        KafkaEventReceiver.TRIMMED_HEADER,
        utf8(
            (trimming.isEmpty() ? "nothing left out" : String.join("; ", trimming))
                + "; the dead letter was refused: "
                + cut(why, REFUSAL_LIMIT)));
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  private static void addReasonAndSource(
      Headers headers, ConsumerRecord<?, ?> record, String reason) {
    headers.add(KafkaEventReceiver.REASON_HEADER, utf8(cut(reason, REASON_LIMIT)));
    headers.add(KafkaEventReceiver.SOURCE_HEADER, utf8(source(record)));
  }

  /** Where {@code record} was read: {@code topic-partition@offset}. */
  static String source(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /**
   * {@code text} as it is if it has at most {@code limit} characters; otherwise its beginning and
   * the length it had.
   */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 40; // room for the note on the length
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "... (" + text.length() + " characters)";
  }

  /** The largest length up to {@code limit} that does not end inside a UTF-8 character. */
  private static int utf8Boundary(byte[] bytes, int limit) {
    int end = limit;
    // A continuation byte (10xxxxxx) at the cut belongs to the character before it.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return end;
  }

  private static int utf8Length(String text) {
    return utf8(text).length;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
