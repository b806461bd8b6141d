package dev.supportevents.processor;

import static dev.supportevents.processor.TestCompiler.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A catalog whose types meet in TypeScript's one namespace: two nested records {@code Text} of
 * different unions, two records {@code Item} of different packages, a record named like the
 * generated {@code SupportEvent}, a nested record {@code Record}, a nested enum {@code string}, and
 * a component whose name TypeScript writes quoted.
 */
final class NamesCatalog {

  static final String PACKAGE = "com.acme.names";

  static final String DECLARATIONS = "META-INF/support-events/com.acme.names.d.ts";

  private NamesCatalog() {}

  static List<JavaFileObject> sources() {
    return List.of(
        source(
            "com.acme.names.Part",
            """
            package com.acme.names;

            public sealed interface Part permits Part.Text, Part.Image {

              record Text(String body) implements Part {}

              record Image(String uri) implements Part {}
            }
            """),
        source(
            "com.acme.names.Block",
            """
            package com.acme.names;

            public sealed interface Block permits Block.Text {

              record Text(String markdown) implements Block {}
            }
            """),
        source(
            "com.acme.names.SupportEvent",
            """
            package com.acme.names;

            /** Not an event: a record that has the name of a type of the declarations. */
            public record SupportEvent(String auditId) {}
            """),
        source(
            "com.acme.names.Shape",
            """
            package com.acme.names;

            public final class Shape {

              private Shape() {}

              public record Record(int sides) {}

              public enum string { ROUND, SQUARE }
            }
            """),
        source(
            "com.acme.names.a.Item",
            """
            package com.acme.names.a;

            public record Item(String sku) {}
            """),
        source(
            "com.acme.names.b.Item",
            """
            package com.acme.names.b;

            public record Item(int position, String café) {}
            """),
        source(
            "com.acme.names.NotePostedEvent",
            """
            package com.acme.names;

            import java.util.List;

            @dev.supportevents.annotations.SupportEvent("note:posted")
            public record NotePostedEvent(Part part, Block block, List<Part.Text> texts) {}
            """),
        source(
            "com.acme.names.ItemsMovedEvent",
            """
            package com.acme.names;

            @dev.supportevents.annotations.SupportEvent
            public record ItemsMovedEvent(
                com.acme.names.a.Item from, com.acme.names.b.Item to, SupportEvent audit,
                Shape.Record shape, Shape.string outline) {}
            """));
  }
}
