package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Whole projects: several packages at once, and one package with very many events. */
class UserProjectTest {

  @Test
  void givesEachPackageItsOwnCatalog() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "com.acme.chat.MessageSentEvent",
                """
            package com.acme.chat;

            import java.util.List;
            import java.util.Map;

            @dev.supportevents.annotations.SupportEvent
            public record MessageSentEvent(
                String conversationId, char[] text, List<Map<String, Integer>> reactions) {}
            """),
            source(
                "com.acme.chat.Widget",
                """
            package com.acme.chat;

            public final class Widget {
              private Widget() {}

              @dev.supportevents.annotations.SupportEvent
              public record OpenedEvent(boolean minimized, double width) {}
            }
            """),
            source(
                "com.acme.chat.Typing",
                """
            package com.acme.chat;

            @dev.supportevents.annotations.SupportEvent("chat.typing")
            public record Typing(String conversationId, short seconds) {}
            """),
            source(
                "com.acme.billing.InvoicePaidEvent",
                """
            package com.acme.billing;

            import java.math.BigDecimal;
            import java.util.Optional;

            @dev.supportevents.annotations.SupportEvent
            public record InvoicePaidEvent(long invoiceId, BigDecimal amount, int[] lines,
                Optional<com.acme.chat.Widget.OpenedEvent> from) {}
            """),
            source(
                "com.acme.billing.refunds.RefundedEvent",
                """
            package com.acme.billing.refunds;

            @dev.supportevents.annotations.SupportEvent
            public record RefundedEvent(long invoiceId, float share, byte reason) {}
            """),
            source(
                "com.acme.app.App",
                """
            package com.acme.app;

            import java.math.BigDecimal;
            import java.util.List;
            import java.util.Optional;

            final class App {
              void run() {
                com.acme.chat.SupportEvents chat = com.acme.chat.SupportEvents.create();
                com.acme.billing.SupportEvents billing = com.acme.billing.SupportEvents.create();
                com.acme.billing.refunds.SupportEvents refunds =
                    com.acme.billing.refunds.SupportEvents.create();
                chat.onTyping(typing -> typing.seconds());
                chat.emitMessageSent("c1", new char[] {'h', 'i'}, List.of());
                chat.emitOpened(false, 320.0);
                billing.emitInvoicePaid(7L, BigDecimal.TEN, new int[] {1}, Optional.empty());
                refunds.emitRefunded(7L, 0.5f, (byte) 1);
                String wire = com.acme.chat.SupportEventType.TYPING.wireName();
                com.acme.billing.SupportEventType paid =
                    com.acme.billing.SupportEventType.fromWireName("invoicePaid");
                System.out.println(wire + paid);
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String chat = catalogText(compilation, "com.acme.chat");
    String billing = catalogText(compilation, "com.acme.billing");
    String refunds = catalogText(compilation, "com.acme.billing.refunds");
    assertThat(chat).contains("TYPING(\"chat.typing\", Typing.class)");
    assertThat(chat).contains("OPENED(\"opened\", Widget.OpenedEvent.class)");
    assertThat(chat).contains("MESSAGE_SENT(\"messageSent\", MessageSentEvent.class)");
    assertThat(billing).contains("INVOICE_PAID(\"invoicePaid\", InvoicePaidEvent.class)");
    assertThat(refunds).contains("REFUNDED(\"refunded\", RefundedEvent.class)");
    for (String foreign : List.of("InvoicePaid", "Refunded")) {
      assertThat(chat).doesNotContain(foreign);
    }
    for (String foreign : List.of("MessageSent", "Typing", "Refunded")) {
      assertThat(billing).doesNotContain(foreign);
    }
    for (String foreign : List.of("MessageSent", "Typing", "InvoicePaid", "Opened")) {
      assertThat(refunds).doesNotContain(foreign);
    }
  }

  /** Large catalogs stay within the JVM's limits and compile in seconds. */
  @Test
  void compilesFiveHundredEventsInOnePackage() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String name = "Step%03dEvent".formatted(i);
      sources.add(
          source(
              "com.acme.big." + name,
              """
          package com.acme.big;

          @dev.supportevents.annotations.SupportEvent
          public record %s(String conversationId, int attempt, @org.jspecify.annotations.Nullable String note) {}
          """
                  .formatted(name)));
    }
    sources.add(
        source(
            "com.acme.big.Use",
            """
        package com.acme.big;

        final class Use {
          void use() {
            SupportEvents events = SupportEvents.create();
            events.onStep499(event -> event.attempt());
            events.emitStep000("c1", 1);
            events.emit(new Step250Event("c1", 2, "retry"));
          }
        }
        """));
    Compilation compilation = TestCompiler.compile(List.of(new SupportEventProcessor()), sources);
    assertThat(compilation).succeededWithoutWarnings();
    String type = generated(compilation, "com.acme.big.SupportEventType");
    assertThat(type).contains("STEP000(\"step000\", Step000Event.class)");
    assertThat(type).contains("STEP499(\"step499\", Step499Event.class);");
  }

  /** The four generated files of {@code packageName}, one after the other. */
  private static String catalogText(Compilation compilation, String packageName) {
    StringBuilder text = new StringBuilder();
    for (String type : TestCompiler.GENERATED_TYPES) {
      text.append(generated(compilation, packageName + "." + type));
    }
    return text.toString();
  }
}
