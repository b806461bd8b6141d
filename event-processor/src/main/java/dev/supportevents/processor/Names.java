package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The name rules of the generated API, in one place: how an event's record name becomes its Java
 * names and its wire name, and which wire names are allowed.
 *
 * <p>The base name is the record's simple name without a trailing {@code Event}, its first letter
 * upper case: {@code MessageSentEvent} and {@code messageSentEvent} both give {@code MessageSent}.
 * Every generated member of an event is a fixed lower-case prefix followed by the base name ({@code
 * onMessageSent}, {@code emitMessageSent}, {@code latestMessageSent}), so it can never equal a
 * member the generated types declare themselves ({@code emitter()}, {@code emit(Record)}, {@code
 * subscribe}), whose names continue the prefix in lower case.
 */
final class Names {

  private static final String EVENT_SUFFIX = "Event";

  private Names() {}

  /**
   * {@code MessageSentEvent} gives {@code MessageSent}, {@code ter} gives {@code Ter}; a record
   * named just {@code Event} keeps it.
   */
  static String baseName(String simpleName) {
    String base = simpleName;
    if (simpleName.endsWith(EVENT_SUFFIX) && simpleName.length() > EVENT_SUFFIX.length()) {
      base = simpleName.substring(0, simpleName.length() - EVENT_SUFFIX.length());
    }
    int first = base.codePointAt(0);
    return new StringBuilder()
        .appendCodePoint(Character.toUpperCase(first))
        .append(base, Character.charCount(first), base.length())
        .toString();
  }

  /** {@code onMessageSent}: the callback and the typed subscription. */
  static String callbackName(String baseName) {
    return "on" + baseName;
  }

  /** {@code emitMessageSent}: the typed emitter. */
  static String emitName(String baseName) {
    return "emit" + baseName;
  }

  /** {@code latestMessageSent}: the accessor of a kept event. */
  static String latestName(String baseName) {
    return "latest" + baseName;
  }

  /** {@code messageSentListeners}: the hub's field. */
  static String listenersField(String baseName) {
    return lowerCamel(baseName) + "Listeners";
  }

  /** {@code MessageSent} gives {@code MESSAGE_SENT}, {@code HTTP2Error} {@code HTTP2_ERROR}. */
  static String constantName(String baseName) {
    return words(baseName).stream()
        .map(word -> word.toUpperCase(Locale.ROOT))
        .collect(Collectors.joining("_"));
  }

  /**
   * The derived wire name, and the hub's field names: {@code MessageSent} gives {@code
   * messageSent}, {@code HTTPError} gives {@code httpError}, {@code HTTP2Error} gives {@code
   * http2Error}.
   */
  static String lowerCamel(String baseName) {
    List<String> words = words(baseName);
    String first = words.get(0);
    // An acronym, HTTP2, is lower case as a whole; a word, Message, at its first letter.
    String lowered =
        first.chars().noneMatch(Character::isLowerCase)
            ? first.toLowerCase(Locale.ROOT)
            : first.substring(0, 1).toLowerCase(Locale.ROOT) + first.substring(1);
    return lowered + String.join("", words.subList(1, words.size()));
  }

  /**
   * The words of a base name: a new word starts at a capital that follows a lower-case letter or a
   * digit, and at the last capital of a run that a lower-case letter follows ({@code HTTPError} is
   * {@code HTTP}, {@code Error}). Digits stay with the word before them ({@code HTTP2}, {@code
   * Error}).
   */
  private static List<String> words(String baseName) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < baseName.length(); i++) {
      char c = baseName.charAt(i);
      if (!Character.isUpperCase(c)) {
        continue;
      }
      char before = baseName.charAt(i - 1);
      boolean nextIsLower =
          i + 1 < baseName.length() && Character.isLowerCase(baseName.charAt(i + 1));
      if (Character.isLowerCase(before)
          || Character.isDigit(before)
          || (Character.isUpperCase(before) && nextIsLower)) {
        words.add(baseName.substring(start, i));
        start = i;
      }
    }
    words.add(baseName.substring(start));
    return words;
  }

  /**
   * Whether {@code constantName} can name a constant of the generated enum: a Java name, not {@code
   * _} (a record named {@code _Event} gives it), and not javac's own {@code $VALUES}.
   */
  static boolean isValidConstantName(String constantName) {
    return SourceVersion.isName(constantName) && !constantName.equals("$VALUES");
  }

  /**
   * Whether {@code wireName} is non-empty and uses only ASCII letters, digits, '.', '_', '-', ':'.
   */
  static boolean isValidWireName(String wireName) {
    if (wireName.isEmpty()) {
      return false;
    }
    for (int i = 0; i < wireName.length(); i++) {
      char c = wireName.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-'
              || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
