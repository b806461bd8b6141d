package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A catalog whose components are sealed interfaces, as the support widget's message payload is: a
 * list of typed parts (text, file, image, tool call, and a quote that holds parts again), a
 * reaction whose union goes through a sealed sub-interface and carries Jackson's
 * {@code @JsonTypeInfo}, and unions that permit a class, an enum or a non-sealed interface. {@code
 * com.acme.parts.Samples} builds events of the first two.
 *
 * <p>Every union of records names its records in a {@code permits} clause: without one, javac lists
 * them in the order they are declared, and ecj by name.
 */
final class PartsCatalog {

  static final String PACKAGE = "com.acme.parts";

  static final String PLAN = "META-INF/support-events/com.acme.parts.schema.json";

  static final String DECLARATIONS = "META-INF/support-events/com.acme.parts.d.ts";

  private PartsCatalog() {}

  /** The catalog, with {@code @JsonTypeInfo(use = Id.DEDUCTION)} on the reactions. */
  static List<JavaFileObject> sources() {
    return sources("use = JsonTypeInfo.Id.DEDUCTION");
  }

  /** The catalog, with {@code @JsonTypeInfo(<typeInfo>)} on the reactions. */
  static List<JavaFileObject> sources(String typeInfo) {
    return List.of(
        source(
            "com.acme.parts.Part",
            """
            package com.acme.parts;

            /** One part of a message; javac lists the permitted records in this order. */
            public sealed interface Part
                permits Part.TextPart, FilePart, ImagePart, ToolCallPart, QuotePart {

              record TextPart(String text) implements Part {}
            }
            """),
        source(
            "com.acme.parts.FilePart",
            """
            package com.acme.parts;

            import java.net.URI;

            public record FilePart(String fileName, String mediaType, long sizeBytes, URI uri)
                implements Part {}
            """),
        source(
            "com.acme.parts.ImagePart",
            """
            package com.acme.parts;

            import java.net.URI;
            import org.jspecify.annotations.Nullable;

            public record ImagePart(URI uri, int width, int height, @Nullable String altText)
                implements Part {}
            """),
        source(
            "com.acme.parts.ToolCallPart",
            """
            package com.acme.parts;

            import java.util.Map;
            import org.jspecify.annotations.Nullable;

            public record ToolCallPart(
                String toolName, Map<String, String> arguments, @Nullable String result)
                implements Part {}
            """),
        source(
            "com.acme.parts.QuotePart",
            """
            package com.acme.parts;

            import java.util.List;

            public record QuotePart(String quotedMessageId, List<Part> parts) implements Part {}
            """),
        source(
            "com.acme.parts.Reaction",
            """
            package com.acme.parts;

            import com.fasterxml.jackson.annotation.JsonTypeInfo;

            /** Jackson's type info: with a type id, the reactions are not the plan's. */
            @JsonTypeInfo(%s)
            public sealed interface Reaction permits Reaction.Emoji, Feedback {

              record Emoji(String code) implements Reaction {}
            }
            """
                .formatted(typeInfo)),
        source(
            "com.acme.parts.Feedback",
            """
            package com.acme.parts;

            /** Permits its records in another order than it declares them. */
            public sealed interface Feedback extends Reaction
                permits Feedback.Rating, Feedback.Comment {

              record Comment(String text) implements Feedback {}

              record Rating(int stars) implements Feedback {}
            }
            """),
        source(
            "com.acme.parts.Verdict",
            """
            package com.acme.parts;

            /** Permits an enum. */
            public sealed interface Verdict {

              record Pending(String reviewer) implements Verdict {}

              enum Decided implements Verdict { SPAM, ABUSE, FINE }
            }
            """),
        source(
            "com.acme.parts.Origin",
            """
            package com.acme.parts;

            /** Permits a non-sealed interface, which anyone may implement. */
            public sealed interface Origin {

              record Visitor(String visitorId) implements Origin {}

              non-sealed interface Plugin extends Origin {}
            }
            """),
        source(
            "com.acme.parts.Score",
            """
            package com.acme.parts;

            /** Permits a final class, through a sealed sub-interface. */
            public sealed interface Score {

              record Stars(int stars) implements Score {}

              sealed interface Survey extends Score {

                final class NetPromoterScore implements Survey {}
              }
            }
            """),
        source(
            "com.acme.parts.MessagePostedEvent",
            """
            package com.acme.parts;

            import dev.supportevents.annotations.SupportEvent;
            import java.util.List;
            import java.util.Map;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record MessagePostedEvent(
                String messageId, List<Part> parts, @Nullable Part highlighted,
                Map<String, List<Part>> drafts) {}
            """),
        source(
            "com.acme.parts.ReactionAddedEvent",
            """
            package com.acme.parts;

            import dev.supportevents.annotations.SupportEvent;

            @SupportEvent
            public record ReactionAddedEvent(String messageId, Reaction reaction) {}
            """),
        source(
            "com.acme.parts.MessageFlaggedEvent",
            """
            package com.acme.parts;

            import dev.supportevents.annotations.SupportEvent;
            import org.jspecify.annotations.Nullable;

            @SupportEvent
            public record MessageFlaggedEvent(
                String messageId, Verdict verdict, Origin origin, @Nullable Score score) {}
            """),
        source(
            "com.acme.parts.Samples",
            """
            package com.acme.parts;

            import java.net.URI;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Supplier;

            /** Events with every kind of part and reaction, by their wire names. */
            public final class Samples implements Supplier<List<Map.Entry<String, Record>>> {

              @Override
              public List<Map.Entry<String, Record>> get() {
                URI invoice = URI.create("https://files.acme.com/invoice-7.pdf");
                URI photo = URI.create("https://files.acme.com/parcel.jpg");
                List<Record> events = List.of(
                    new MessagePostedEvent("m-2", List.of(
                            new Part.TextPart("Here is the invoice and a photo of the parcel."),
                            new FilePart("invoice-7.pdf", "application/pdf", 48_213L, invoice),
                            new ImagePart(photo, 1024, 768, null),
                            new ToolCallPart("lookupOrder", Map.of("orderId", "o-7"), null),
                            new QuotePart("m-1", List.of(
                                new Part.TextPart("Where is my order?"),
                                new QuotePart("m-0", List.of())))),
                        null, Map.of()),
                    new MessagePostedEvent("m-3", List.of(),
                        new ImagePart(photo, 1024, 768, "A dented parcel"),
                        Map.of("later", List.of(new ToolCallPart(
                            "refund", Map.of("orderId", "o-7", "amount", "12.50"), "done")))),
                    new ReactionAddedEvent("m-2", new Reaction.Emoji("+1")),
                    new ReactionAddedEvent("m-2", new Feedback.Rating(5)),
                    new ReactionAddedEvent("m-2", new Feedback.Comment("Quick, thanks")));
                return events.stream()
                    .map(event -> Map.entry(SupportEventType.of(event).wireName(), event))
                    .toList();
              }
            }
            """));
  }
}
