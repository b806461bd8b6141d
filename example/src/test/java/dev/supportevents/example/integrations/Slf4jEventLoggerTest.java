package dev.supportevents.example.integrations;

import static dev.supportevents.example.integrations.Widgets.playConversation;
import static dev.supportevents.example.integrations.Widgets.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.SupportWidget;
import dev.supportevents.runtime.Subscription;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Every event is one SLF4J line with its wire name and ids; errors carry their stack trace. */
@Timeout(30)
class Slf4jEventLoggerTest {

  private final RecordingLogger logger = new RecordingLogger("support.events");

  @Test
  void logsEveryEventOfAConversation() {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    Slf4jEventLogger.attach(widget.events(), logger);

    playConversation(widget, network);

    assertEquals(
        List.of(
            "INFO support event widget.opened {visitorId=v-1, page=/billing}",
            "INFO support event conversationStart {conversationId=c-1}",
            "INFO support event messageSent {conversationId=c-1, messageId=m-2,"
                + " hasAttachments=true}",
            "INFO support event messageReceived {conversationId=c-1, messageId=m-3,"
                + " hasAttachments=false, senderRole=human_agent}",
            "WARN support event error {errorType=java.io.IOException,"
                + " context=message_send_failed} [java.io.IOException: network unreachable]",
            "INFO support event messageSent {conversationId=c-1, messageId=m-5,"
                + " hasAttachments=false}",
            "INFO support event conversationEnd {conversationId=c-1}",
            "INFO support event ratingSubmitted {conversationId=c-1, stars=5, hasComment=true}",
            "INFO support event widgetClosed {visitorId=v-1, conversationId=c-1}"),
        logger.lines().stream().map(RecordingLogger.Line::toString).toList());
    assertInstanceOf(IOException.class, logger.lines().get(4).throwable());
  }

  @Test
  void neverLogsWhatTheVisitorWrote() {
    Widgets.Network network = new Widgets.Network();
    SupportWidget widget = widget(network).build();
    Slf4jEventLogger.attach(widget.events(), logger);

    playConversation(widget, network);

    for (RecordingLogger.Line line : logger.lines()) {
      assertTrue(
          !line.message().contains("invoice") && !line.message().contains("Great"), line.message());
    }
  }

  @Test
  void closingTheSubscriptionStopsLogging() {
    SupportEvents events = SupportEvents.create();
    Subscription subscription = Slf4jEventLogger.attach(events, logger);
    events.emitWidgetOpened("v-1");

    subscription.close();
    events.emitWidgetClosed("v-1");

    assertEquals(
        List.of("INFO support event widget.opened {visitorId=v-1}"),
        logger.lines().stream().map(RecordingLogger.Line::toString).toList());
  }

  @Test
  void theDefaultLoggerIsNamedAfterTheClass() {
    assertEquals(Slf4jEventLogger.class.getName(), Slf4jEventLogger.LOGGER_NAME);
    assertEquals(
        Slf4jEventLogger.LOGGER_NAME,
        LoggerFactory.getLogger(Slf4jEventLogger.LOGGER_NAME).getName());
    Slf4jEventLogger.attach(SupportEvents.create()).close();
  }
}
