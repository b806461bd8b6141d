package dev.supportevents.processor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON without a JSON library, for the tracking plan: a {@code Map} is an object, written in
 * its iteration order, a {@code List} an array, and strings, numbers, booleans and {@code null}
 * stand for themselves. Pretty-printed with two spaces; an array of scalars stays on one line. The
 * same value always gives the same text.
 */
final class Json {

  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();

  private Json() {}

  /** {@code value} as JSON text, ending with a line break. */
  static String write(Object value) {
    Json json = new Json();
    json.value(value, "");
    return json.out.append('\n').toString();
  }

  /** {@code text} as a JSON string literal, which is a JavaScript one too. */
  static String quote(String text) {
    Json json = new Json();
    json.string(text);
    return json.out.toString();
  }

  private void value(@Nullable Object value, String indent) {
    if (value instanceof Map<?, ?> object) {
      object(object, indent);
    } else if (value instanceof List<?> array) {
      array(array, indent);
    } else if (value instanceof String string) {
      string(string);
    } else if (value == null
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private void object(Map<?, ?> object, String indent) {
    if (object.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + INDENT;
    out.append("{\n");
    String separator = "";
    for (Map.Entry<?, ?> member : object.entrySet()) {
      out.append(separator).append(inner);
      string((String) member.getKey());
      out.append(": ");
      value(member.getValue(), inner);
      separator = ",\n";
    }
    out.append('\n').append(indent).append('}');
  }

  private void array(List<?> array, String indent) {
    boolean scalars = array.stream().noneMatch(item -> item instanceof Map || item instanceof List);
    String inner = indent + INDENT;
    out.append(scalars || array.isEmpty() ? "[" : "[\n");
    String separator = "";
    for (Object item : array) {
      out.append(separator).append(scalars ? "" : inner);
      value(item, inner);
      separator = scalars ? ", " : ",\n";
    }
    out.append(scalars || array.isEmpty() ? "]" : "\n" + indent + "]");
  }

  /** A string literal, escaped as RFC 8259 requires: quote, backslash and control characters. */
  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
