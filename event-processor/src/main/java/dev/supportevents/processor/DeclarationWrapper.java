package dev.supportevents.processor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps a declaration longer than {@value CommentWrapper#WIDTH} columns as written by hand, where
 * JavaPoet writes it on one line: a type's before its {@code implements}, and if need be its {@code
 * extends}, such as a hub in parts, {@code SupportEvents extends SupportEventsPart2 implements
 * SupportEventEmitter, AutoCloseable}; a field's without an initializer before its name, such as
 * one whose type is qualified because a type of the package takes the simple name; and a
 * parameter's that JavaPoet put on a line of its own before its name, such as a listener of a union
 * with a long name.
 */
final class DeclarationWrapper {

  private static final String CONTINUATION = "    ";

  /** A class, interface or enum declared on one line, up to its opening brace. */
  private static final Pattern DECLARATION =
      Pattern.compile("^ *(?:[a-z]+ )*(?:class|interface|enum|record) \\S.* \\{$");

  /** A field declared without an initializer: its modifiers and type, then its name. */
  private static final Pattern FIELD =
      Pattern.compile(
          "^( *(?:(?:private|protected|public|static|final) )+\\S.*) ([\\p{L}\\p{N}_$]+;)$");

  /**
   * A parameter on a line of its own: its type, which is no comment and holds no parenthesis,
   * assignment or literal, then its name and what follows it, a comma or the signature's end.
   */
  private static final Pattern PARAMETER =
      Pattern.compile(
          "^( *[^\\s(){}=;\"*/][^(){}=;\"]*)"
              + " ([\\p{L}\\p{N}_$]+(?:,|\\) \\{|\\);|\\) throws [^{]*\\{))$");

  private DeclarationWrapper() {}

  /** {@code source} with each declaration of a type, field or parameter too long wrapped. */
  static String wrap(String source) {
    StringBuilder out = new StringBuilder(source.length());
    for (String line : source.split("\n", -1)) {
      out.append(line.length() > CommentWrapper.WIDTH ? wrapLine(line) : line).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private static String wrapLine(String line) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    if (DECLARATION.matcher(line).matches()) {
      String wrapped = breakBefore(line, " implements ", indent);
      return wrapped.lines().findFirst().orElseThrow().length() > CommentWrapper.WIDTH
          ? breakBefore(wrapped, " extends ", indent)
          : wrapped;
    }
    for (Pattern typeThenName : new Pattern[] {FIELD, PARAMETER}) {
      Matcher declaration = typeThenName.matcher(line);
      if (declaration.matches()) {
        return declaration.group(1) + "\n" + indent + CONTINUATION + declaration.group(2);
      }
    }
    return line;
  }

  /** {@code line} broken onto a continuation line before the first {@code keyword}, if any. */
  private static String breakBefore(String line, String keyword, String indent) {
    int at = line.indexOf(keyword);
    return at < 0
        ? line
        : line.substring(0, at) + "\n" + indent + CONTINUATION + line.substring(at + 1);
  }
}
