package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A library that ships its events compiled: {@code com.acme.widget}, whose nullable component uses
 * a declaration annotation, visible in class files on every JDK.
 */
final class WidgetLibrary {

  static final JavaFileObject NULLABLE =
      source(
          "com.acme.widget.Nullable",
          """
      package com.acme.widget;

      import java.lang.annotation.ElementType;
      import java.lang.annotation.Target;

      @Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
      public @interface Nullable {}
      """);

  static final JavaFileObject CONVERSATION_START =
      source(
          "com.acme.widget.ConversationStartEvent",
          """
      package com.acme.widget;

      import dev.supportevents.annotations.SupportEvent;

      @SupportEvent(replayLatest = true)
      public record ConversationStartEvent(String conversationId, @Nullable String page) {}
      """);

  static final JavaFileObject MESSAGE_SENT =
      source(
          "com.acme.widget.MessageSentEvent",
          """
      package com.acme.widget;

      import dev.supportevents.annotations.SupportEvent;

      @SupportEvent
      public record MessageSentEvent(String conversationId, String text) {}
      """);

  private WidgetLibrary() {}

  static List<JavaFileObject> sources() {
    return List.of(NULLABLE, CONVERSATION_START, MESSAGE_SENT);
  }

  /** Compiles the library and writes its classes under {@code directory}. */
  static Path compileInto(Path directory) {
    return Libraries.writeClasses(
        Libraries.compile(List.of(), sources().toArray(JavaFileObject[]::new)), directory);
  }

  /** A {@code package-info} of {@code packageName} that extends the widget's catalog. */
  static JavaFileObject extendingPackage(String packageName) {
    return source(
        packageName + ".package-info",
        """
        @SupportEventCatalog(extend = com.acme.widget.SupportEventType.class)
        package %s;

        import dev.supportevents.annotations.SupportEventCatalog;
        """
            .formatted(packageName));
  }
}
