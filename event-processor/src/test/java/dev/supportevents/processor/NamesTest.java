package dev.supportevents.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The name rules on their own, without a compilation: each record name and the names the generated
 * API gives it. {@link NameRulesTest} checks the same rules in generated code.
 */
class NamesTest {

  /** Record name, base name, constant, wire name, hub field. */
  @ParameterizedTest
  @CsvSource({
    "MessageSentEvent, MessageSent, MESSAGE_SENT, messageSent, messageSentListeners",
    "messageSentEvent, MessageSent, MESSAGE_SENT, messageSent, messageSentListeners",
    "HTTPErrorEvent, HTTPError, HTTP_ERROR, httpError, httpErrorListeners",
    "HTTP2ErrorEvent, HTTP2Error, HTTP2_ERROR, http2Error, http2ErrorListeners",
    "OAuth2TokenEvent, OAuth2Token, O_AUTH2_TOKEN, oAuth2Token, oAuth2TokenListeners",
    "ABcEvent, ABc, A_BC, aBc, aBcListeners",
    "AB, AB, AB, ab, abListeners",
    "A, A, A, a, aListeners",
    "ter, Ter, TER, ter, terListeners",
    "Event, Event, EVENT, event, eventListeners",
    "EventEvent, Event, EVENT, event, eventListeners",
    "Step3Event, Step3, STEP3, step3, step3Listeners",
    "Step3BEvent, Step3B, STEP3_B, step3B, step3BListeners"
  })
  void derivesEachNameOfAnEventFromItsRecordName(
      String record, String base, String constant, String wireName, String field) {
    assertEquals(base, Names.baseName(record));
    assertEquals(constant, Names.constantName(base));
    assertEquals(wireName, Names.lowerCamel(base));
    assertEquals(field, Names.listenersField(base));
  }

  @Test
  void prefixesTheBaseNameForEachGeneratedMember() {
    assertEquals("onMessageSent", Names.callbackName("MessageSent"));
    assertEquals("emitMessageSent", Names.emitName("MessageSent"));
    assertEquals("latestMessageSent", Names.latestName("MessageSent"));
  }

  @Test
  void capitalizesAFirstLetterOutsideTheBasicPlane() {
    // U+10428, DESERET SMALL LETTER LONG I, is two chars; its capital is U+10400.
    assertEquals("\uD801\uDC00x", Names.baseName("\uD801\uDC28xEvent"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "z",
        "A",
        "Z",
        "0",
        "9",
        "message.sent",
        "message_sent",
        "message-sent",
        "support:message",
        "aZ09._-:"
      })
  void acceptsAWireNameOfAsciiLettersDigitsAndTheFourMarks(String wireName) {
    assertTrue(Names.isValidWireName(wireName), wireName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"`", "{", "@", "[", "/", ";", " ", "café", "a b", "price$", "a/b"})
  void refusesAnyOtherCharacter(String wireName) {
    assertFalse(Names.isValidWireName(wireName), wireName);
  }

  @Test
  void refusesAnEmptyWireName() {
    assertFalse(Names.isValidWireName(""));
  }
}
