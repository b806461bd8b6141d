package dev.supportevents.example.integrations.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.ConversationEndEvent;
import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.ErrorEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.RatingSubmittedEvent;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.WidgetClosedEvent;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.example.WidgetOpenedEvent;
import dev.supportevents.example.integrations.WireJson;
import dev.supportevents.example.shop.CheckoutHelpRequestedEvent;
import dev.supportevents.example.shop.OrderIssueReportedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real events, as the Kafka forwarder writes them with Jackson, are values of the generated
 * TypeScript types: the test writes a TypeScript file that declares the JSON of every event of the
 * example as a {@code SupportEvent} of the widget's catalog and of the shop's, which extends it,
 * and the TypeScript compiler checks it under {@code --strict}. JSON of Jackson's default mapper,
 * which writes {@code "agent"} beside a sender's components, must fail, on its line.
 *
 * <p>Tagged {@code typescript}: the Maven profile {@code typescript} runs it (docs/typescript.md).
 */
@Tag("typescript")
class TypeScriptEventsTest {

  private static final String WIDGET = "dev.supportevents.example";
  private static final String SHOP = "dev.supportevents.example.shop";

  @TempDir Path project;

  @Test
  void everyEventAsJacksonWritesItIsASupportEventOfTheDeclarations() throws IOException {
    List<String> widgetMessages = new ArrayList<>();
    EnumSet<SupportEventType> types = EnumSet.noneOf(SupportEventType.class);
    for (WidgetEvent event : widgetEvents()) {
      types.add(SupportEventType.of(event));
      widgetMessages.add(EventJson.message(SupportEventType.of(event), event).toString());
    }
    assertEquals(EnumSet.allOf(SupportEventType.class), types);
    JsonMapper shopJson = WireJson.builder().build();
    List<String> shopMessages = new ArrayList<>(widgetMessages);
    for (Record event :
        List.of(
            new CheckoutHelpRequestedEvent("v-1", "cart-7", "payment"),
            new CheckoutHelpRequestedEvent("v-1", "cart-7", null),
            new OrderIssueReportedEvent("o-1", OrderIssueReportedEvent.Issue.DAMAGED, "c-1"))) {
      ObjectNode message = shopJson.createObjectNode();
      message.put("event", dev.supportevents.example.shop.SupportEventType.of(event).wireName());
      message.set("properties", shopJson.valueToTree(event));
      shopMessages.add(message.toString());
    }
    MessageSentEvent sent =
        (MessageSentEvent)
            EventJsonTest.oneOfEach().stream()
                .filter(MessageSentEvent.class::isInstance)
                .findFirst()
                .orElseThrow();
    ObjectNode byDefault = JsonMapper.builder().build().createObjectNode();
    byDefault.put("event", "messageSent");
    byDefault.set("properties", JsonMapper.builder().build().valueToTree(sent));

    List<String> lines = new ArrayList<>();
    lines.add("import type { SupportEvent } from \"./" + WIDGET + "\";");
    lines.add("import type { SupportEvent as ShopEvent } from \"./" + SHOP + "\";");
    lines.add("export const widgetEvents: SupportEvent[] = [");
    widgetMessages.forEach(message -> lines.add("  " + message + ","));
    lines.add("];");
    lines.add("export const shopEvents: ShopEvent[] = [");
    shopMessages.forEach(message -> lines.add("  " + message + ","));
    lines.add("];");
    lines.add("export const byDefault: SupportEvent = " + byDefault + ";");
    Files.write(project.resolve("events.ts"), lines);
    copyDeclarations(WIDGET);
    copyDeclarations(SHOP);

    List<TypeScriptCompiler.Diagnostic> errors =
        TypeScriptCompiler.check(project, List.of("events.ts", WIDGET + ".d.ts", SHOP + ".d.ts"));

    assertEquals(1, errors.size(), errors::toString);
    TypeScriptCompiler.Diagnostic error = errors.get(0);
    assertEquals(
        List.of("events.ts", lines.size(), "TS2353"),
        List.of(error.file(), error.line(), error.code()),
        error::toString);
    assertTrue(error.text().contains("'\"agent\"' does not exist in type 'Sender'"), error::text);
  }

  /** One of each event, and each again with its nullable components left null. */
  private static List<WidgetEvent> widgetEvents() {
    List<WidgetEvent> events = new ArrayList<>(EventJsonTest.oneOfEach());
    events.addAll(
        List.of(
            new ConversationStartEvent("c-1", null),
            new ConversationEndEvent("c-1", null),
            new ErrorEvent(new IllegalStateException(), null),
            new RatingSubmittedEvent("c-1", 4, "Quick"),
            new WidgetClosedEvent("v-1", null),
            new WidgetOpenedEvent("v-1", "/billing")));
    return events;
  }

  private void copyDeclarations(String catalog) throws IOException {
    String resource = "/META-INF/support-events/" + catalog + ".d.ts";
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the class path");
      Files.copy(in, project.resolve(catalog + ".d.ts"));
    }
  }
}
