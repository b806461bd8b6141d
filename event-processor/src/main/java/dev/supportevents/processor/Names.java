package dev.supportevents.processor;

/** How an event's record name becomes the Java names and the wire name of the generated API. */
final class Names {

  private static final String EVENT_SUFFIX = "Event";

  private Names() {}

  /** {@code MessageSentEvent} gives {@code MessageSent}; a record named just {@code Event} keeps it. */
  static String baseName(String simpleName) {
    if (simpleName.endsWith(EVENT_SUFFIX) && simpleName.length() > EVENT_SUFFIX.length()) {
      return simpleName.substring(0, simpleName.length() - EVENT_SUFFIX.length());
    }
    return simpleName;
  }

  /** {@code MessageSent} gives {@code MESSAGE_SENT}; {@code HTTPError} gives {@code HTTP_ERROR}. */
  static String constantName(String baseName) {
    StringBuilder constant = new StringBuilder();
    for (int i = 0; i < baseName.length(); i++) {
      char c = baseName.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        char before = baseName.charAt(i - 1);
        boolean nextIsLower = i + 1 < baseName.length()
            && Character.isLowerCase(baseName.charAt(i + 1));
        if (Character.isLowerCase(before)
            || Character.isDigit(before)
            || (Character.isUpperCase(before) && nextIsLower)) {
          constant.append('_');
        }
      }
      constant.append(Character.toUpperCase(c));
    }
    return constant.toString();
  }

  /** {@code MessageSent} gives {@code messageSent}; {@code HTTPError} gives {@code httpError}. */
  static String lowerCamel(String baseName) {
    int upper = 0;
    while (upper < baseName.length() && Character.isUpperCase(baseName.charAt(upper))) {
      upper++;
    }
    if (upper == 0) {
      return baseName;
    }
    // In "HTTPError" the last capital of the run starts the next word.
    int end = upper > 1 && upper < baseName.length() ? upper - 1 : upper;
    return baseName.substring(0, end).toLowerCase(java.util.Locale.ROOT) + baseName.substring(end);
  }

  /** Whether {@code wireName} is non-empty and uses only letters, digits, '.', '_', '-', ':'. */
  static boolean isValidWireName(String wireName) {
    if (wireName.isEmpty()) {
      return false;
    }
    for (int i = 0; i < wireName.length(); i++) {
      char c = wireName.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
