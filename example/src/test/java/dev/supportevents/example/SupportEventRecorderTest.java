package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generated recorder, as a user's test would use it: no listener to write. */
class SupportEventRecorderTest {

  private final SupportWidget widget =
      SupportWidget.builder("v-1", message -> {})
          .ids(IdGenerator.sequential())
          .clock(new TestClock(T0))
          .build();

  @Test
  void recordsTheWidgetsEventsInOrderWithTypedAccessors() {
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(widget.events())) {
      widget.open("/billing");
      widget.startConversation();
      widget.sendMessage("Hi");
      widget.sendMessage("Anyone there?");

      assertEquals(
          List.of(
              SupportEventType.WIDGET_OPENED,
              SupportEventType.CONVERSATION_START,
              SupportEventType.MESSAGE_SENT,
              SupportEventType.MESSAGE_SENT),
          recorder.types());
      assertEquals(
          List.of("Hi", "Anyone there?"),
          recorder.of(MessageSentEvent.class).stream()
              .map(event -> event.message().text())
              .toList());
      assertEquals(new WidgetOpenedEvent("v-1", "/billing"), recorder.all().get(0));
      assertEquals(List.of(), recorder.of(ErrorEvent.class));
    }
  }

  @Test
  void clearForgetsWhatWasRecordedAndRecordingGoesOn() {
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(widget.events())) {
      widget.open();
      recorder.clear();
      assertEquals(List.of(), recorder.all());

      widget.close();
      assertEquals(List.of(SupportEventType.WIDGET_CLOSED), recorder.types());
    }
  }

  @Test
  void closeStopsRecordingAndKeepsWhatWasRecorded() {
    SupportEventRecorder recorder = SupportEventRecorder.attach(widget.events());
    widget.open();
    recorder.close();
    widget.startConversation();

    assertEquals(List.of(SupportEventType.WIDGET_OPENED), recorder.types());
  }

  /** The snapshots do not change under the test's feet, and cannot be changed by it. */
  @Test
  void accessorsReturnUnmodifiableSnapshots() {
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(widget.events())) {
      widget.open();
      List<WidgetEvent> before = recorder.all();
      widget.close();

      assertEquals(1, before.size());
      assertThrows(UnsupportedOperationException.class, () -> before.add(before.get(0)));
      assertThrows(UnsupportedOperationException.class, () -> recorder.types().clear());
    }
  }

  /** A recorder attached late first records the kept conversation start, as any listener would. */
  @Test
  void recordsTheReplayedConversationStartFirst() {
    widget.open();
    Conversation started = widget.startConversation();

    try (SupportEventRecorder recorder = SupportEventRecorder.attach(widget.events())) {
      assertEquals(List.of(new ConversationStartEvent(started.id(), started)), recorder.all());
    }
  }

  @Test
  void rejectsAClassOfAnotherCatalogNamingThisOnesEvents() {
    // The widget's recorder takes only its union's classes; the billing catalog has no union.
    try (var recorder =
        dev.supportevents.example.billing.SupportEventRecorder.attach(
            dev.supportevents.example.billing.SupportEvents.create())) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> recorder.of(WidgetOpenedEvent.class))
              .getMessage();
      assertTrue(
          message.startsWith(
              "dev.supportevents.example.WidgetOpenedEvent is not an"
                  + " event of dev.supportevents.example.billing"),
          message);
    }
    assertThrows(NullPointerException.class, () -> SupportEventRecorder.attach(null));
  }

  /** Listeners run on the emitting threads; the recorder loses none of their events. */
  @Test
  void recordsEveryEventEmittedFromManyThreads() throws Exception {
    SupportEvents events = SupportEvents.create();
    int threads = 4;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(events)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> emitters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String visitor = "v-" + t;
        emitters.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    events.emitWidgetOpened(visitor, "/" + i);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> emitter : emitters) {
        emitter.get(10, TimeUnit.SECONDS);
      }

      assertEquals(threads * perThread, recorder.of(WidgetOpenedEvent.class).size());
      for (int t = 0; t < threads; t++) {
        String visitor = "v-" + t;
        List<String> pages =
            recorder.of(WidgetOpenedEvent.class).stream()
                .filter(event -> event.visitorId().equals(visitor))
                .map(WidgetOpenedEvent::page)
                .toList();
        assertEquals("/0", pages.get(0));
        assertEquals("/" + (perThread - 1), pages.get(perThread - 1));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
