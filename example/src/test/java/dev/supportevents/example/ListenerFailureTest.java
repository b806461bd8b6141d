package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.supportevents.runtime.ListenerFailure;
import dev.supportevents.runtime.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener that throws does not stop the others; its failure goes to the failure handler. */
class ListenerFailureTest {

  private static final MessageSentEvent SENT =
      new MessageSentEvent("c-1", fromVisitor("c-1", "m-2", "Hi"));

  private final List<String> order = new ArrayList<>();
  private final List<ListenerFailure> failures = new ArrayList<>();

  @Test
  void throwingListenerDoesNotStopTheLaterOnes() {
    SupportEvents events = SupportEvents.builder().failureHandler(failures::add).build();
    IllegalStateException broken = new IllegalStateException("listener broke");
    events.onMessageSent(event -> order.add("before"));
    Subscription throwing =
        events.onMessageSent(
            event -> {
              throw broken;
            });
    events.subscribeAll((type, event) -> order.add("after"));

    events.emit(SENT);

    assertEquals(List.of("before", "after"), order);
    assertEquals(1, failures.size());
    ListenerFailure failure = failures.get(0);
    assertSame(SupportEventType.MESSAGE_SENT, failure.type());
    assertSame(SENT, failure.event());
    assertSame(throwing, failure.subscription());
    assertSame(broken, failure.failure());
  }

  @Test
  void everyFailureIsReportedInTheOrderTheListenersRan() {
    SupportEvents events =
        SupportEvents.builder()
            .callbacks(
                new SupportEventCallbacks() {
                  @Override
                  public void onMessageSent(MessageSentEvent event) {
                    throw new IllegalArgumentException("props broke");
                  }
                })
            .failureHandler(failures::add)
            .build();
    events.subscribe(
        MessageSentEvent.class,
        event -> {
          throw new UnsupportedOperationException("class listener broke");
        });
    events.onMessageSent(event -> order.add("still delivered"));

    events.emit(SENT);

    assertEquals(List.of("still delivered"), order);
    assertEquals(
        List.of("props broke", "class listener broke"),
        failures.stream().map(failure -> failure.failure().getMessage()).toList());
  }

  @Test
  void failureHandlerCanUnsubscribeTheFailingListener() {
    SupportEvents events =
        SupportEvents.builder()
            .failureHandler(
                failure -> {
                  failures.add(failure);
                  failure.subscription().close();
                })
            .build();
    Subscription throwing =
        events.onMessageSent(
            event -> {
              throw new IllegalStateException("always fails");
            });

    events.emit(SENT);
    events.emit(SENT);

    assertEquals(1, failures.size());
    assertFalse(throwing.isActive());
  }
}
