package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.runtime.FailurePolicy;
import dev.supportevents.runtime.Labeled;
import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the generated hub promises where applications run it: thread pools, listeners that emit,
 * executors that refuse, failures, privacy in logs and shutdown.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeliveryGuaranteesTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final List<ListenerFailure> failures = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
  }

  @Test
  void onAPoolOfFourEveryListenerGetsItsEventsOneAtATimeInEmitOrder() throws Exception {
    SupportEvents events = SupportEvents.builder().executor(pool).build();
    List<List<String>> received = new ArrayList<>();
    AtomicInteger overlaps = new AtomicInteger();
    for (int i = 0; i < 4; i++) {
      List<String> ids = new ArrayList<>();
      received.add(ids);
      AtomicInteger inside = new AtomicInteger();
      events.onMessageSent(
          event -> {
            if (inside.incrementAndGet() != 1) {
              overlaps.incrementAndGet();
            }
            ids.add(event.message().id());
            inside.decrementAndGet();
          });
    }
    List<String> emitted = new ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      String id = "m-" + n;
      emitted.add(id);
      events.emitMessageSent("c-1", fromVisitor("c-1", id, "Hello"));
    }

    assertTrue(events.awaitDelivered(WAIT));
    assertEquals(0, overlaps.get(), "a listener ran concurrently with itself");
    received.forEach(ids -> assertEquals(emitted, ids));
  }

  @Test
  void aSubscriptionOnItsOwnPoolKeepsEmitOrderToo() throws Exception {
    SupportEvents events = SupportEvents.create();
    List<Integer> stars = new ArrayList<>();
    events.onRatingSubmitted(event -> stars.add(event.stars()), pool);

    for (int n = 0; n < 10_000; n++) {
      events.emitRatingSubmitted("c-1", n % 5 + 1);
    }

    assertTrue(events.awaitDelivered(WAIT));
    assertEquals(10_000, stars.size());
    for (int n = 0; n < 10_000; n++) {
      assertEquals(n % 5 + 1, stars.get(n));
    }
  }

  @Test
  void everyListenerSeesAnEventEmittedByAnotherListenerAfterTheOneItWasHandling() {
    SupportEvents events = SupportEvents.create();
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    events.subscribeAll(
        (type, event) -> {
          first.add(type.wireName());
          if (event instanceof MessageSentEvent sent) {
            events.emitError(Fixtures.BOOM, "relay " + sent.message().id());
          }
        });
    events.subscribeAll((type, event) -> second.add(type.wireName()));

    events.emitMessageSent("c-1", fromVisitor("c-1", "m-1", "Hi"));

    assertEquals(List.of("messageSent", "error"), first);
    assertEquals(first, second);
  }

  @Test
  void aChainOf200000EmitsFromAListenerCompletes() {
    SupportEvents events = SupportEvents.create();
    AtomicInteger last = new AtomicInteger();
    events.onRatingSubmitted(
        event -> {
          int depth = Integer.parseInt(event.conversationId());
          last.set(depth);
          if (depth < 200_000) {
            events.emitRatingSubmitted(Integer.toString(depth + 1), 5);
          }
        });

    events.emitRatingSubmitted("1", 5);

    assertEquals(200_000, last.get());
  }

  @Test
  void aRefusingHubExecutorIsReportedAndEmitReturnsWithTheEventKept() {
    RejectedExecutionException refused = new RejectedExecutionException("shut down");
    SupportEvents events =
        SupportEvents.builder()
            .executor(
                task -> {
                  throw refused;
                })
            .failureHandler(failures::add)
            .build();
    Subscription panel = events.onConversationStart(event -> {});

    events.emitConversationStart("c-1");

    ConversationStartEvent start = new ConversationStartEvent("c-1", null);
    assertEquals(
        List.of(new ListenerFailure(SupportEventType.CONVERSATION_START, start, panel, refused)),
        failures);
    assertEquals(Optional.of(start), events.latestConversationStart());
  }

  @Test
  void withAHubExecutorAndPropagateTheFailureReachesTheHandler() throws Exception {
    IllegalStateException broken = new IllegalStateException("broken");
    SupportEvents events =
        SupportEvents.builder()
            .executor(pool)
            .failurePolicy(FailurePolicy.PROPAGATE)
            .failureHandler(failures::add)
            .build();
    events.onError(
        event -> {
          throw broken;
        });

    events.emitError(Fixtures.BOOM, "x");

    assertTrue(events.awaitDelivered(WAIT));
    assertEquals(List.of(broken), failures.stream().map(ListenerFailure::failure).toList());
  }

  @Test
  void aFailureNamesTheListenerByItsLabelOrItsClass() {
    SupportEvents events = SupportEvents.builder().failureHandler(failures::add).build();
    events.onError(
        Labeled.listener(
            "sentry",
            event -> {
              throw new IllegalStateException("sentry down");
            }));
    events.subscribe(new BrokenCallbacks());
    events.subscribe(new LabeledCallbacks());
    events.subscribeAll(
        Labeled.listener(
            "audit",
            (type, event) -> {
              throw new IllegalStateException("audit down");
            }));

    events.emitError(Fixtures.BOOM, "x");

    assertEquals(
        List.of("sentry", BrokenCallbacks.class.getName(), "widget props", "audit"),
        failures.stream().map(failure -> failure.subscription().description()).toList());
  }

  @Test
  void theDefaultLogNeverHoldsWhatTheVisitorWrote() {
    List<LogRecord> records = new ArrayList<>();
    Logger logger = Logger.getLogger("dev.supportevents");
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    boolean parents = logger.getUseParentHandlers();
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    try {
      SupportEvents events = SupportEvents.create();
      events.onMessageSent(
          Labeled.listener(
              "analytics",
              event -> {
                throw new IllegalStateException("analytics down");
              }));

      events.emitMessageSent("c-1", fromVisitor("c-1", "m-1", "my card number is 4111"));

      assertEquals(1, records.size());
      assertEquals("A listener of messageSent failed: analytics", records.get(0).getMessage());
      assertFalse(records.get(0).getMessage().contains("4111"));
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(parents);
    }
  }

  @Test
  void closingTheHubEndsItsSubscriptionsAndALaterEmitFailsNamingTheHub() {
    SupportEvents events = SupportEvents.create();
    Subscription listener = events.onMessageSent(event -> {});
    try (SupportEvents closing = events) {
      assertTrue(listener.isActive());
      assertSame(events, closing);
    }

    assertFalse(listener.isActive());
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> events.emitWidgetOpened("v-1", "/help"));
    assertEquals(
        "SupportEvents of dev.supportevents.example is closed: it delivers no more events"
            + " and takes no subscription; create a new hub",
        thrown.getMessage());
    assertThrows(IllegalStateException.class, () -> events.onError(event -> {}));
  }

  @Test
  void eventsAcceptedBeforeCloseAreStillDeliveredAndTheRecorderWaitsForThem() throws Exception {
    SupportEvents events = SupportEvents.builder().executor(pool).build();
    SupportEventRecorder recorder = SupportEventRecorder.attach(events);
    for (int n = 0; n < 1_000; n++) {
      events.emitRatingSubmitted("c-" + n, 4);
    }

    events.close();

    assertTrue(recorder.awaitDelivered(WAIT));
    assertEquals(1_000, recorder.of(RatingSubmittedEvent.class).size());
    assertEquals("c-999", recorder.of(RatingSubmittedEvent.class).get(999).conversationId());
  }

  @Test
  void oneHandleClosesManySubscriptions() {
    SupportEvents events = SupportEvents.create();
    List<String> got = new ArrayList<>();
    Subscription all =
        Subscription.all(
            events.onWidgetOpened(event -> got.add("opened")),
            events.onWidgetClosed(event -> got.add("closed")));

    all.close();
    events.emitWidgetOpened("v-1", "/help");
    events.emitWidgetClosed("v-1");

    assertFalse(all.isActive());
    assertEquals(List.of(), got);
  }

  /** Callbacks with a label of their own that fail on every error. */
  private static final class LabeledCallbacks implements SupportEventCallbacks, Labeled {
    @Override
    public String label() {
      return "widget props";
    }

    @Override
    public void onError(ErrorEvent event) {
      throw new IllegalStateException("props down");
    }
  }

  /** Callbacks that fail on every error. */
  private static final class BrokenCallbacks implements SupportEventCallbacks {
    @Override
    public void onError(ErrorEvent event) {
      throw new IllegalStateException("callbacks down");
    }
  }
}
