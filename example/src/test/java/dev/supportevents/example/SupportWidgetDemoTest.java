package dev.supportevents.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo plays the whole conversation and prints one readable line per event. */
class SupportWidgetDemoTest {

  @Test
  void printsEveryEventOfTheConversation() {
    List<String> lines = runDemo();

    assertEquals(
        List.of(
            "widget.opened      visitor=v-42 page=/billing",
            "conversationStart  conversation=c-1 status=OPEN",
            "messageSent        conversation=c-1 message=m-2 from visitor \"Hi, my invoice is wrong\""
                + " (1 attachment)",
            "messageReceived    conversation=c-1 message=m-3 from AI agent Ava \"Sorry about that! I"
                + " have passed your invoice to the billing team.\"",
            "messageReceived    conversation=c-1 message=m-4 from agent Sam \"Hi Alex, I corrected"
                + " the invoice and sent you the new one.\"",
            "error              context=message_send_failed error=java.io.IOException: network"
                + " unreachable",
            "conversationEnd    conversation=c-1 status=RESOLVED",
            "ratingSubmitted    conversation=c-1 stars=5 comment=\"Quick and friendly\"",
            "widgetClosed       visitor=v-42 conversation=c-1",
            "",
            "analytics tracked 9 events: support_widget_opened, support_conversation_start,"
                + " support_message_sent, support_message_received, support_message_received,"
                + " support_error, support_conversation_end, support_rating_submitted,"
                + " support_widget_closed",
            "error tracker reported 1: java.io.IOException: network unreachable"
                + " {component=support_widget} {context=message_send_failed}"),
        lines);
  }

  @Test
  void showsEveryEventTypeOfTheCatalog() {
    List<String> lines = runDemo();

    for (SupportEventType type : SupportEventType.values()) {
      assertTrue(
          lines.stream().anyMatch(line -> line.startsWith(type.wireName() + " ")),
          () -> "the demo never shows " + type.wireName());
    }
  }

  private static List<String> runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      SupportWidgetDemo.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
