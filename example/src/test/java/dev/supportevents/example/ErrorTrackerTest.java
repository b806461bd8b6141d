package dev.supportevents.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors reach the error tracker with their context, tagged as the support widget's. */
class ErrorTrackerTest {

  private record Captured(Throwable error, Map<String, String> tags, Map<String, String> extra) {}

  private final List<Captured> captured = new ArrayList<>();
  private final ErrorTracker tracker =
      new ErrorTracker((error, tags, extra) -> captured.add(new Captured(error, tags, extra)));

  @Test
  void capturesEachErrorWithItsContextAndOnlyErrors() {
    SupportEvents events = SupportEvents.builder().callbacks(tracker).build();
    IllegalStateException withContext = new IllegalStateException("upload failed");
    IllegalStateException withoutContext = new IllegalStateException("unknown");

    Fixtures.oneOfEach().stream()
        .filter(event -> !(event instanceof ErrorEvent))
        .forEach(events::emit);
    events.emitError(withContext, "attachment_upload_failed");
    events.emitError(withoutContext);

    assertEquals(
        List.of(
            new Captured(
                withContext,
                Map.of("component", "support_widget"),
                Map.of("context", "attachment_upload_failed")),
            new Captured(withoutContext, Map.of("component", "support_widget"), Map.of())),
        captured);
  }

  @Test
  void capturesAFailedSendOfTheWidget() {
    IOException networkDown = new IOException("network unreachable");
    SupportWidget widget =
        SupportWidget.builder(
                "v-1",
                message -> {
                  throw networkDown;
                })
            .callbacks(tracker)
            .build();
    widget.open();
    widget.startConversation();

    widget.sendMessage("Hello?");

    assertEquals(
        List.of(
            new Captured(
                networkDown, ErrorTracker.TAGS, Map.of("context", ErrorEvent.MESSAGE_SEND_FAILED))),
        captured);
  }
}
