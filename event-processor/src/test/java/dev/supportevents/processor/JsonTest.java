package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON text of the tracking plan: its layout, and strings escaped as RFC 8259 requires. */
class JsonTest {

  @Test
  void writesObjectsInTheirOrderWithTwoSpacesAndArraysOfScalarsOnOneLine() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("type", "string");
    inner.put("enum", List.of("a", "b"));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("title", "plan");
    root.put("count", 2);
    root.put("big", 5_000_000_000L);
    root.put("open", false);
    root.put("none", null);
    root.put("inner", inner);
    root.put("empty", Map.of());
    root.put("list", List.of());
    root.put("objects", List.of(Map.of("x", 1), Map.of()));

    assertEquals(
        """
        {
          "title": "plan",
          "count": 2,
          "big": 5000000000,
          "open": false,
          "none": null,
          "inner": {
            "type": "string",
            "enum": ["a", "b"]
          },
          "empty": {},
          "list": [],
          "objects": [
            {
              "x": 1
            },
            {}
          ]
        }
        """,
        Json.write(root));
  }

  @Test
  void writesAnArrayOfArraysOneItemALine() {
    assertEquals(
        """
        [
          [1, 2],
          [true]
        ]
        """,
        Json.write(List.of(List.of(1, 2), List.of(true))));
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertEquals(
        "\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 us\\u001f sp é\"\n",
        Json.write("q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f sp é"));
    assertEquals("[\" \", \"\\u0001\"]\n", Json.write(Arrays.asList(" ", "\u0001")));
  }

  @Test
  void refusesAValueThatIsNotJson() {
    assertEquals(
        "not a JSON value: class java.lang.Double",
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.5)).getMessage());
  }
}
