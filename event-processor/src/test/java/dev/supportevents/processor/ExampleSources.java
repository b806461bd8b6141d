package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The example module's five support-widget events, with minimal payload records; the hub keeps the
 * latest conversation start, as the example's does.
 */
final class ExampleSources {

  static final String PACKAGE = "dev.supportevents.example";

  private ExampleSources() {}

  static List<JavaFileObject> all() {
    return List.of(
        payload("Message", "String id, String conversationId, String text"),
        payload("Conversation", "String id, String visitorId"),
        event(
            "ConversationStartEvent",
            "String conversationId, @Nullable Conversation conversation",
            "@SupportEvent(replayLatest = true)"),
        event("ConversationEndEvent", "String conversationId, @Nullable Conversation conversation"),
        event("MessageSentEvent", "String conversationId, Message message"),
        event("MessageReceivedEvent", "String conversationId, Message message"),
        event("ErrorEvent", "Throwable error, @Nullable String context"));
  }

  private static JavaFileObject payload(String name, String components) {
    return source(
        PACKAGE + "." + name,
        """
        package dev.supportevents.example;

        public record %s(%s) {}
        """
            .formatted(name, components));
  }

  private static JavaFileObject event(String name, String components) {
    return event(name, components, "@SupportEvent");
  }

  private static JavaFileObject event(String name, String components, String annotation) {
    return source(
        PACKAGE + "." + name,
        """
        package dev.supportevents.example;

        import dev.supportevents.annotations.SupportEvent;
        import org.jspecify.annotations.Nullable;

        %s
        public record %s(%s) {}
        """
            .formatted(annotation, name, components));
  }
}
