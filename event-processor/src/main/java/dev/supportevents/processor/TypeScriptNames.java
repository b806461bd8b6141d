package dev.supportevents.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names of a catalog's types in its TypeScript declarations, one file where every type is
 * exported by one name, unlike Java, where packages and enclosing types keep equal simple names
 * apart.
 *
 * <p>The rule: a record, sealed interface or enum is named by its simple name. Where that name is
 * taken, by another type of the file with the same simple name, by a type the file itself declares
 * or uses ({@code SupportEvent}, {@code SupportEventType}, {@code SupportEventCallbacks}, {@code
 * Record}), or by a word TypeScript reserves ({@code string}, {@code delete}), it gets the name of
 * the type that encloses it in front, then its package's last names, one at a time and joined by
 * {@code _}, until the name is the type's own: {@code Part.Text} and {@code Block.Text} become
 * {@code Part_Text} and {@code Block_Text}, a record {@code com.acme.SupportEvent} becomes {@code
 * acme_SupportEvent}. Where whole names still meet, which only underscores in names can cause, the
 * first in the order of canonical names keeps its whole name and the next get {@code _2}, {@code
 * _3}, ... A character TypeScript does not allow in a name is written {@code _}.
 */
final class TypeScriptNames {

  /** The names the declarations define or use themselves. */
  static final Set<String> DECLARED =
      Set.of("SupportEvent", "SupportEventType", "SupportEventCallbacks", "Record");

  /**
   * Words a type cannot be named: JavaScript's reserved words and TypeScript's predefined types,
   * those a Java name can be.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "accessor",
          "any",
          "arguments",
          "as",
          "asserts",
          "async",
          "await",
          "bigint",
          "boolean",
          "constructor",
          "debugger",
          "declare",
          "delete",
          "eval",
          "export",
          "from",
          "function",
          "get",
          "global",
          "in",
          "infer",
          "intrinsic",
          "is",
          "keyof",
          "let",
          "module",
          "namespace",
          "never",
          "number",
          "object",
          "of",
          "out",
          "override",
          "readonly",
          "require",
          "satisfies",
          "set",
          "string",
          "symbol",
          "type",
          "typeof",
          "undefined",
          "unique",
          "unknown",
          "var",
          "with",
          "yield");

  private TypeScriptNames() {}

  /** The name of each type, by its canonical name, such as {@code com.acme.parts.Part.Text}. */
  static SortedMap<String, String> of(Collection<String> canonicalNames) {
    SortedMap<String, String> names = new TreeMap<>();
    Map<String, List<String>> segments = new HashMap<>();
    SortedSet<String> unnamed = new TreeSet<>(canonicalNames);
    unnamed.forEach(type -> segments.put(type, segmentsOf(type)));
    Set<String> taken = new HashSet<>(DECLARED);
    taken.addAll(RESERVED);
    int longest = segments.values().stream().mapToInt(List::size).max().orElse(0);
    for (int length = 1; length <= longest; length++) {
      Map<String, String> candidates = new HashMap<>();
      Map<String, Integer> uses = new HashMap<>();
      for (String type : unnamed) {
        List<String> all = segments.get(type);
        if (all.size() >= length) {
          String candidate = String.join("_", all.subList(all.size() - length, all.size()));
          candidates.put(type, candidate);
          uses.merge(candidate, 1, Integer::sum);
        }
      }
      candidates.forEach(
          (type, candidate) -> {
            if (uses.get(candidate) == 1 && !taken.contains(candidate)) {
              names.put(type, candidate);
            }
          });
      taken.addAll(names.values());
      unnamed.removeAll(names.keySet());
    }
    for (String type : unnamed) {
      String whole = String.join("_", segments.get(type));
      String name = whole;
      for (int number = 2; taken.contains(name); number++) {
        name = whole + "_" + number;
      }
      names.put(type, name);
      taken.add(name);
    }
    return names;
  }

  /**
   * {@code name} as a property or method name: as it is where TypeScript allows it bare, else as a
   * string literal, which TypeScript allows for any name.
   */
  static String member(String name) {
    return isPlainName(name) ? name : Json.quote(name);
  }

  /** Whether {@code name} is an ASCII identifier of JavaScript. */
  private static boolean isPlainName(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    return name.chars()
        .allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '$'));
  }

  /** The segments of a canonical name, with what TypeScript does not allow in a name as _. */
  private static List<String> segmentsOf(String canonicalName) {
    List<String> segments = new ArrayList<>();
    for (String segment : canonicalName.split("\\.")) {
      StringBuilder allowed = new StringBuilder(segment.length());
      segment
          .codePoints()
          .forEach(
              c ->
                  allowed.appendCodePoint(
                      Character.isLetter(c)
                              || c == '_'
                              || c == '$'
                              || (allowed.length() > 0 && Character.isDigit(c))
                          ? c
                          : '_'));
      segments.add(allowed.toString());
    }
    return segments;
  }
}
