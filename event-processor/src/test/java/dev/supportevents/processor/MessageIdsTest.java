package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ids of the messages, which users search for: each message has its own, they never change, and
 * each has a section of the documentation under the same anchor.
 */
class MessageIdsTest {

  /**
   * Every id ever given, with its message. A new message takes the next number here and in the
   * docs; an id is never renumbered or given to another message.
   */
  private static final Map<String, Message> IDS =
      ids(
          "SE001", Message.NOT_A_RECORD,
          "SE002", Message.UNION_NOT_SEALED,
          "SE003", Message.GENERIC_UNION,
          "SE004", Message.UNION_ANNOTATION_MEMBERS,
          "SE005", Message.UNION_NOT_ACCESSIBLE,
          "SE006", Message.UNION_MEMBER_NOT_RECORD,
          "SE007", Message.UNION_MEMBER_IN_OTHER_PACKAGE,
          "SE008", Message.DUPLICATE_UNION,
          "SE009", Message.EVENT_OUTSIDE_UNION,
          "SE010", Message.UNION_WITH_EXTENDED_CATALOG,
          "SE011", Message.GENERIC_RECORD,
          "SE012", Message.NOT_ACCESSIBLE,
          "SE013", Message.COMPONENT_NOT_ACCESSIBLE,
          "SE014", Message.INVALID_WIRE_NAME,
          "SE015", Message.CATALOG_TOO_LARGE,
          "SE016", Message.CLASS_FILE_TOO_LARGE,
          "SE017", Message.INVALID_CONSTANT_NAME,
          "SE018", Message.INVALID_DERIVED_WIRE_NAME,
          "SE019", Message.DUPLICATE_WIRE_NAME,
          "SE020", Message.DUPLICATE_JAVA_NAME,
          "SE021", Message.DUPLICATE_WIRE_NAME_WITH_EXTENDED,
          "SE022", Message.DUPLICATE_JAVA_NAME_WITH_EXTENDED,
          "SE023", Message.EXTENDED_CATALOGS_CLASH,
          "SE024", Message.NOT_A_CATALOG,
          "SE025", Message.EXTENDS_ITSELF,
          "SE026", Message.INDEXED_EVENT_MISSING,
          "SE027", Message.INDEXED_EVENT_NOT_A_RECORD,
          "SE028", Message.EXTENDED_EVENT_NOT_PUBLIC,
          "SE029", Message.DUPLICATE_CATALOG_DECLARATION,
          "SE030", Message.EMPTY_CATALOG,
          "SE031", Message.LATE_CATALOG_DECLARATION,
          "SE032", Message.NESTED_TYPE_NAME_TAKEN,
          "SE033", Message.NULLABLE_PRIMITIVE,
          "SE034", Message.GENERATED_NAME_TAKEN,
          "SE035", Message.LATE_EVENT,
          "SE036", Message.RUNTIME_MISSING,
          "SE037", Message.RUNTIME_NOT_READ,
          "SE038", Message.NEVER_RESOLVED,
          "SE039", Message.EXTENDED_NEVER_RESOLVED,
          "SE040", Message.WAITED_WITH_PACKAGE,
          "SE041", Message.INVALID_OPTION,
          "SE042", Message.CANNOT_WRITE,
          "SE043", Message.PROCESSOR_BUG,
          "SE044", Message.UNION_MEMBER_NOT_ANNOTATED,
          "SE045", Message.INDEXED_EVENT_CHANGED,
          "SE046", Message.JACKSON_TYPE_ID,
          "SE047", Message.GROUP_MEMBER_NOT_RECORD,
          "SE048", Message.GROUP_MEMBER_IN_OTHER_PACKAGE);

  @Test
  void everyMessageHasTheIdItWasGiven() {
    Map<String, Message> actual = new LinkedHashMap<>();
    for (Message message : Message.values()) {
      actual.put(message.id(), message);
    }
    assertThat(actual).containsExactlyEntriesIn(IDS).inOrder();
  }

  @Test
  void theTextStartsWithTheIdAndFillsEveryPlaceholderByName() {
    String text =
        Message.INVALID_WIRE_NAME.format(
            Map.of(
                "wireName",
                "ping pong",
                "record",
                "com.acme.PingEvent",
                "derivedWireName",
                "ping"));

    assertThat(text)
        .startsWith(
            "[SE014] The wire name \"ping pong\" of com.acme.PingEvent is not" + " allowed: ");
    assertThat(text).endsWith("or remove the value to use the derived name \"ping\".");
  }

  /** A name filled twice in the text is given once; braces around no name stay as written. */
  @Test
  void aPlaceholderUsedTwiceIsGivenOnce() {
    String text =
        Message.NOT_A_RECORD.format(
            Map.of("type", "p.Ping", "kind", "a class", "simpleName", "Ping"));

    assertThat(text).contains("`public record Ping(String conversationId) {}`");
    assertThat(
            Message.UNION_MEMBER_IN_OTHER_PACKAGE.format(
                Map.of(
                    "union",
                    "p.U",
                    "member",
                    "q.R",
                    "memberPackage",
                    "q",
                    "package",
                    "p",
                    "memberSimpleName",
                    "R")))
        .contains("package, p. Move R into p,");
  }

  @Test
  void aMissingOrUnknownPlaceholderIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Message.LATE_EVENT.format(Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Message.LATE_EVENT.format(Map.of("record", "p.Ping", "other", "p.Pong")));
  }

  /**
   * docs/declaring-events.md has a section per id, under the anchor of the id in lower case ({@code
   * #se014}), with the message's rule and fix, in the order of the ids.
   */
  @Test
  void everyIdHasASectionOfTheDocsUnderItsAnchor() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "declaring-events.md"));
    Matcher anchors = Pattern.compile("<a id=\"(se\\d{3})\"></a>\n### (SE\\d{3}) ").matcher(docs);
    List<String> sections = new ArrayList<>();
    while (anchors.find()) {
      assertThat(anchors.group(2).toLowerCase(Locale.ROOT)).isEqualTo(anchors.group(1));
      sections.add(anchors.group(2));
    }
    assertThat(sections).containsExactlyElementsIn(IDS.keySet()).inOrder();
  }

  private static Map<String, Message> ids(Object... idsAndMessages) {
    Map<String, Message> ids = new LinkedHashMap<>();
    for (int i = 0; i < idsAndMessages.length; i += 2) {
      ids.put((String) idsAndMessages[i], (Message) idsAndMessages[i + 1]);
    }
    return ids;
  }
}
