package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the tracking plan goes, and the JSON writer it is written with. */
class TrackingPlanTest {

  /** No package is named {@code unnamed-package}: the hyphen cannot appear in a package name. */
  @Test
  void writesThePlanOfTheUnnamedPackageUnderANameNoPackageHas() {
    Compilation compilation =
        TestCompiler.compile(
            source(
                "PingEvent",
                """
        @dev.supportevents.annotations.SupportEvent
        public record PingEvent(String from) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(TrackingPlans.of(compilation, ""))
        .contains("\"title\": \"Support events of the unnamed package\"");
  }

  @Test
  void escapesWhatJsonStringsCannotHoldAsIs() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("quote \" and backslash \\", "line\nbreak\ttab\r\b\f \u0001 caf\u00e9");
    object.put("empty", List.of());
    object.put("none", new LinkedHashMap<>());
    object.put("scalars", List.of(1, 2L, true, "x"));
    object.put("objects", List.of(Map.of("a", "b")));

    assertThat(Json.write(object))
        .isEqualTo(
            """
        {
          "quote \\" and backslash \\\\": "line\\nbreak\\ttab\\r\\b\\f \\u0001 caf\u00e9",
          "empty": [],
          "none": {},
          "scalars": [1, 2, true, "x"],
          "objects": [
            {
              "a": "b"
            }
          ]
        }
        """);
  }
}
