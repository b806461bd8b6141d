package dev.supportevents.example.integrations;

import dev.supportevents.example.Message;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.SupportEvents;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads the messages a widget's visitor sends in batches, through Reactor: the hub's {@code
 * publisher(MessageSentEvent.class)} becomes a {@link Flux} with {@link JdkFlowAdapter}, {@link
 * Flux#bufferTimeout} cuts it into batches of at most {@code maxSize} messages or {@code maxWait}
 * of waiting, whichever comes first, and each batch is uploaded after the one before it has
 * finished. Closing the widget's hub completes the flux, which uploads the last, partial batch.
 *
 * <pre>{@code
 * Disposable uploads = ReactorMessageUploads.attach(widget.events(), 50, Duration.ofSeconds(5),
 *     batch -> archive.store(batch));   // a Mono<Void> per batch
 * }</pre>
 *
 * <p>The hub's publisher keeps the pipeline's demand: while an upload is slow, messages wait in the
 * subscriber's buffer instead of piling up without bound.
 */
public final class ReactorMessageUploads {

  private ReactorMessageUploads() {}

  /**
   * The visitor's messages of {@code events} from now on, in batches.
   *
   * @param events the hub of one widget
   * @param maxSize the most messages in a batch
   * @param maxWait the longest a message waits for its batch to fill
   * @return the batches, in the order the messages were sent; completes when the hub is closed
   */
  public static Flux<List<Message>> batches(SupportEvents events, int maxSize, Duration maxWait) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(maxWait, "maxWait");
    return JdkFlowAdapter.flowPublisherToFlux(events.publisher(MessageSentEvent.class))
        .map(MessageSentEvent::message)
        .bufferTimeout(maxSize, maxWait);
  }

  /**
   * Uploads the visitor's messages of {@code events} in batches, one upload at a time. A failed
   * upload ends the uploads, and goes to {@code onFailure}.
   *
   * @param events the hub of one widget
   * @param maxSize the most messages in a batch
   * @param maxWait the longest a message waits for its batch to fill
   * @param upload uploads one batch, for example a call of a reactive HTTP client
   * @param onFailure told of a failed upload
   * @return what stops the uploads when disposed
   */
  public static Disposable attach(
      SupportEvents events,
      int maxSize,
      Duration maxWait,
      Function<? super List<Message>, ? extends Mono<Void>> upload,
      Consumer<? super Throwable> onFailure) {
    Objects.requireNonNull(upload, "upload");
    Objects.requireNonNull(onFailure, "onFailure");
    return batches(events, maxSize, maxWait).concatMap(upload).subscribe(null, onFailure);
  }
}
