package dev.supportevents.example.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.Message;
import dev.supportevents.example.SupportWidget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReactorMessageUploadsTest {

  private final Widgets.Network network = new Widgets.Network();
  private final SupportWidget widget = Widgets.widget(network).build();

  private static List<String> ids(List<Message> batch) {
    return batch.stream().map(Message::id).toList();
  }

  @Test
  void batchesAreCutBySizeThenByTimeThenFlushedWhenTheHubCloses() {
    StepVerifier.withVirtualTime(
            () -> ReactorMessageUploads.batches(widget.events(), 2, Duration.ofSeconds(5)))
        .expectSubscription()
        .then(
            () -> {
              widget.open("/billing");
              widget.startConversation();
              widget.sendMessage("one");
              widget.sendMessage("two");
              widget.sendMessage("three");
            })
        .assertNext(batch -> assertEquals(List.of("one", "two"), texts(batch)))
        .expectNoEvent(Duration.ofSeconds(4))
        .thenAwait(Duration.ofSeconds(1))
        .assertNext(batch -> assertEquals(List.of("three"), texts(batch)))
        .then(() -> widget.sendMessage("four"))
        .then(() -> widget.events().close())
        .assertNext(batch -> assertEquals(List.of("four"), texts(batch)))
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aWidgetsConversationIsUploadedInBatchesOneUploadAtATime() throws Exception {
    List<List<String>> uploaded = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    CountDownLatch flushed = new CountDownLatch(1);
    Disposable uploads =
        ReactorMessageUploads.attach(
            widget.events(),
            2,
            Duration.ofMinutes(1),
            batch ->
                Mono.fromRunnable(
                    () -> {
                      uploaded.add(ids(batch));
                      flushed.countDown();
                    }),
            failures::add);

    Widgets.playConversation(widget, network);

    assertTrue(flushed.await(10, TimeUnit.SECONDS), "uploaded: " + uploaded);
    uploads.dispose();
    // m-4 failed to send, so it was never a message-sent event.
    assertEquals(List.of(List.of("m-2", "m-5")), uploaded);
    assertEquals(List.of(), failures);
  }

  private static List<String> texts(List<Message> batch) {
    return batch.stream().map(Message::text).toList();
  }
}
