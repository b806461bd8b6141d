package dev.supportevents.example;

import static dev.supportevents.example.Fixtures.fromAgent;
import static dev.supportevents.example.Fixtures.fromVisitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import dev.supportevents.runtime.PublisherOptions;
import dev.supportevents.runtime.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Calls that cannot work fail at once, with a message that names what was expected. */
class BadCallsTest {

  /** How the hub's messages list the catalog: {@code MessageSentEvent (messageSent)}. */
  private static final List<String> EVENTS_OF_THE_CATALOG =
      List.of(
          "ConversationEndEvent (conversationEnd)", "ConversationStartEvent (conversationStart)",
          "ErrorEvent (error)", "MessageReceivedEvent (messageReceived)",
          "MessageSentEvent (messageSent)", "RatingSubmittedEvent (ratingSubmitted)",
          "WidgetClosedEvent (widgetClosed)", "WidgetOpenedEvent (widget.opened)");

  /** How the billing catalog's messages list it. */
  private static final List<String> EVENTS_OF_THE_BILLING_CATALOG =
      List.of("InvoicePaidEvent (invoicePaid)", "RefundIssuedEvent (refundIssued)");

  private final SupportEvents events = SupportEvents.create();
  private final dev.supportevents.example.billing.SupportEvents billing =
      dev.supportevents.example.billing.SupportEvents.create();
  private final List<Object> delivered = new ArrayList<>();

  BadCallsTest() {
    events.subscribeAll((type, event) -> delivered.add(event));
    billing.subscribeAll((type, event) -> delivered.add(event));
  }

  @AfterEach
  void nothingWasDelivered() {
    assertEquals(List.of(), delivered);
  }

  @Test
  void emittingNullNamesTheEventsOfTheCatalog() {
    String message =
        assertFails(
            NullPointerException.class,
            () -> events.emit(null),
            "The event is null",
            "dev.supportevents.example");
    assertNamesTheCatalog(message);
  }

  /**
   * The widget's catalog is the union {@link WidgetEvent}, so emitting a record of another catalog
   * to it does not compile. The billing catalog has no union: its hub takes any record, and rejects
   * the ones that are not its events at run time.
   */
  @Test
  void emittingAnEventOfAnotherCatalogToACatalogWithoutUnionNamesItAndTheEventsOfThatOne() {
    String message =
        assertFails(
            IllegalArgumentException.class,
            () -> billing.emit(new WidgetOpenedEvent("v-1", null)),
            "dev.supportevents.example.WidgetOpenedEvent is not an event of"
                + " dev.supportevents.example.billing");
    assertNamesTheBillingCatalog(message);
  }

  @Test
  void emittingARecordThatIsNoEventFails() {
    Message notAnEvent = fromVisitor("c-1", "m-2", "Hi");
    String message =
        assertFails(
            IllegalArgumentException.class,
            () -> billing.emit(notAnEvent),
            "dev.supportevents.example.Message is not an event");
    assertNamesTheBillingCatalog(message);
  }

  @Test
  void unknownWireNameListsTheWireNames() {
    String message =
        assertFails(
            IllegalArgumentException.class,
            () -> SupportEventType.fromWireName("nope"),
            "\"nope\"");
    for (SupportEventType type : SupportEventType.values()) {
      assertTrue(message.contains(type.wireName()), () -> message + " lacks " + type.wireName());
    }
    assertFails(NullPointerException.class, () -> SupportEventType.fromWireName(null), "wireName");
  }

  @Test
  void subscribingWithAClassThatIsNoEventOfTheCatalogFails() {
    assertNamesTheBillingCatalog(
        assertFails(
            IllegalArgumentException.class,
            () -> billing.subscribe(WidgetOpenedEvent.class, event -> {}),
            "dev.supportevents.example.WidgetOpenedEvent"));
    assertNamesTheBillingCatalog(
        assertFails(
            IllegalArgumentException.class,
            () -> billing.subscribe(Message.class, event -> {}),
            "dev.supportevents.example.Message"));
    assertNamesTheCatalog(
        assertFails(
            NullPointerException.class,
            () -> events.subscribe((Class<MessageSentEvent>) null, event -> {}),
            "is null"));
  }

  @Test
  void typeLookupsRejectForeignAndMissingEvents() {
    assertNamesTheBillingCatalog(
        assertFails(
            IllegalArgumentException.class,
            () ->
                dev.supportevents.example.billing.SupportEventType.of(
                    new WidgetOpenedEvent("v-1", null)),
            "WidgetOpenedEvent"));
    assertNamesTheBillingCatalog(
        assertFails(
            IllegalArgumentException.class,
            () ->
                dev.supportevents.example.billing.SupportEventType.forClass(
                    WidgetOpenedEvent.class),
            "WidgetOpenedEvent"));
    assertNamesTheCatalog(
        assertFails(NullPointerException.class, () -> SupportEventType.of(null), "is null"));
    assertNamesTheCatalog(
        assertFails(NullPointerException.class, () -> SupportEventType.forClass(null), "is null"));
  }

  @Test
  void findTellsAnUnknownWireNameWithoutAnException() {
    assertEquals(
        Optional.of(SupportEventType.WIDGET_OPENED), SupportEventType.find("widget.opened"));
    assertEquals(Optional.empty(), SupportEventType.find("widgetOpened"));
    assertEquals(Optional.empty(), SupportEventType.find("invoicePaid"));
    assertFails(NullPointerException.class, () -> SupportEventType.find(null), "wireName");
  }

  @Test
  void missingListenersAndSettingsAreRejectedByName() {
    assertFails(NullPointerException.class, () -> events.onMessageSent(null), "listener");
    assertFails(
        NullPointerException.class,
        () -> events.subscribe(MessageSentEvent.class, null),
        "listener");
    assertFails(
        NullPointerException.class,
        () -> events.subscribe(SupportEventType.ERROR, null),
        "listener");
    assertFails(
        NullPointerException.class,
        () -> events.subscribe((SupportEventType) null, event -> {}),
        "type");
    assertFails(NullPointerException.class, () -> events.subscribeAll(null), "listener");
    assertFails(
        NullPointerException.class,
        () -> events.subscribe((SupportEventCallbacks) null),
        "callbacks");
    assertFails(
        NullPointerException.class, () -> SupportEvents.builder().callbacks(null), "callbacks");
    assertFails(
        NullPointerException.class, () -> SupportEvents.builder().executor(null), "executor");
    assertFails(
        NullPointerException.class,
        () -> SupportEvents.builder().failureHandler(null),
        "failureHandler");
  }

  @Test
  void emittersCheckTheEventBeforeAnyListenerSeesIt() {
    Message visitorMessage = fromVisitor("c-1", "m-2", "Hi");
    assertFails(
        NullPointerException.class,
        () -> events.emitMessageSent(null, visitorMessage),
        "conversationId");
    assertFails(
        IllegalArgumentException.class,
        () -> events.emitMessageSent("c-1", fromAgent("c-1", "m-3", "Hello")),
        "m-3");
    assertFails(
        IllegalArgumentException.class,
        () -> events.emitter().emitRatingSubmitted("c-1", 9),
        "not 9");
  }

  /**
   * Guava's tester passes null for each parameter in turn that is not {@code @Nullable}: each
   * method of the generated API throws {@code NullPointerException} at once.
   */
  @Test
  void everyPublicMethodOfTheGeneratedApiRefusesNullWhereItIsNotNullable() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Class.class, MessageSentEvent.class)
            .setDefault(Message.class, fromVisitor("c-1", "m-2", "Hi"))
            .setDefault(Conversation.class, Fixtures.conversation("c-1"))
            .setDefault(Duration.class, Duration.ZERO)
            .setDefault(PublisherOptions.class, PublisherOptions.defaults())
            .setDefault(SubscriptionOptions.class, SubscriptionOptions.defaults());

    tester.testAllPublicInstanceMethods(events);
    tester.testAllPublicStaticMethods(SupportEvents.class);
    tester.testAllPublicInstanceMethods(SupportEvents.builder());
    tester.testInstanceMethods(events.emitter(), NullPointerTester.Visibility.PUBLIC);
    tester.testAllPublicStaticMethods(SupportEventType.class);
    tester.testAllPublicInstanceMethods(SupportEventType.MESSAGE_SENT);
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(events)) {
      tester.testAllPublicInstanceMethods(recorder);
      tester.testAllPublicStaticMethods(SupportEventRecorder.class);
    }
  }

  private static void assertNamesTheCatalog(String message) {
    assertNamesEach(EVENTS_OF_THE_CATALOG, message);
  }

  private static void assertNamesTheBillingCatalog(String message) {
    assertNamesEach(EVENTS_OF_THE_BILLING_CATALOG, message);
  }

  private static void assertNamesEach(List<String> events, String message) {
    for (String event : events) {
      assertTrue(message.contains(event), () -> "\"" + message + "\" does not name " + event);
    }
  }

  /** Asserts that {@code call} throws {@code expected} with a message containing each part. */
  static String assertFails(Class<? extends Throwable> expected, Executable call, String... parts) {
    String message = assertThrows(expected, call).getMessage();
    for (String part : parts) {
      assertTrue(
          message != null && message.contains(part),
          () -> "\"" + message + "\" does not contain \"" + part + "\"");
    }
    return message;
  }
}
