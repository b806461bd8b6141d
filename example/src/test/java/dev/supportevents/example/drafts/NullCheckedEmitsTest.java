package dev.supportevents.example.drafts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/**
 * A null for a component not marked {@code @Nullable} fails the typed emit with a {@link
 * NullPointerException} naming the component, before any listener runs, even where the record
 * itself checks nothing; {@code @Nullable} and {@code Optional} components take null, as the
 * tracking plan allows.
 */
class NullCheckedEmitsTest {

  private final List<Object> seen = new ArrayList<>();
  private final SupportEvents events =
      SupportEvents.builder()
          .unhandledEvents((type, event) -> seen.add("unhandled " + event))
          .build();

  @AfterEach
  void closeHub() {
    events.close();
  }

  @Test
  void aNullTextIsRefusedBeforeAnyListenerRuns() {
    events.subscribeAll((type, event) -> seen.add(event));
    events.onString(seen::add);

    assertRefuses("text", () -> events.emitString(null));
    assertRefuses("text", () -> events.emitter().emitString(null));

    assertEquals(List.of(), seen);
  }

  @Test
  void eachReferenceComponentNotMarkedNullableIsNamed() {
    events.subscribeAll((type, event) -> seen.add(event));
    String[] words = {"my", "invoice"};

    assertRefuses(
        "conversationId", () -> events.emitDraftSaved(null, Optional.empty(), 2, words, null));
    assertRefuses("words", () -> events.emitDraftSaved("c-1", Optional.empty(), 2, null, null));
    assertRefuses("words", () -> events.emitDraftSaved("c-1", Optional.empty(), 2, null));
    assertRefuses("name", () -> events.emitTagged(null, "billing"));
    assertRefuses("tags", () -> events.emitTagged("refund", (String[]) null));

    assertEquals(List.of(), seen);
  }

  @Test
  void nullableAndOptionalComponentsTakeNull() {
    List<DraftSavedEvent> drafts = new ArrayList<>();
    events.onDraftSaved(drafts::add);
    String[] words = {"my", "invoice"};

    events.emitDraftSaved("c-1", null, 2, words, null);
    events.emitter().emitDraftSaved("c-1", Optional.of("invoice.pdf"), 2, words);

    assertEquals(2, drafts.size());
    assertEquals(null, drafts.get(0).attachmentName());
    assertEquals(null, drafts.get(0).previousText());
    assertArrayEquals(words, drafts.get(0).words());
    assertEquals(Optional.of("invoice.pdf"), drafts.get(1).attachmentName());
  }

  @Test
  void emittingNullFails() {
    assertThrows(NullPointerException.class, () -> events.emit(null));
    assertThrows(NullPointerException.class, () -> events.emitter().emit(null));
    assertEquals(List.of(), seen);
  }

  /**
   * Guava's tester passes null for each parameter in turn that is not {@code @Nullable}, and
   * expects a {@code NullPointerException}. The emit methods of {@link DraftSavedEvent} take a null
   * {@code Optional}, as the tracking plan does: the tests above check them instead.
   */
  @Test
  void everyPublicMethodRefusesNullWhereItIsNotNullable() throws Exception {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Class.class, StringEvent.class)
            .setDefault(Duration.class, Duration.ZERO)
            .setDefault(PublisherOptions.class, PublisherOptions.defaults())
            .setDefault(SubscriptionOptions.class, SubscriptionOptions.defaults())
            .ignore(
                SupportEvents.class.getMethod(
                    "emitDraftSaved",
                    String.class,
                    Optional.class,
                    int.class,
                    String[].class,
                    String.class))
            .ignore(
                SupportEventEmitter.class.getMethod(
                    "emitDraftSaved", String.class, Optional.class, int.class, String[].class));

    tester.testAllPublicInstanceMethods(events);
    tester.testAllPublicStaticMethods(SupportEvents.class);
    tester.testAllPublicInstanceMethods(SupportEvents.builder());
    tester.testAllPublicStaticMethods(SupportEventType.class);
    tester.testAllPublicInstanceMethods(SupportEventType.STRING);
    try (SupportEventRecorder recorder = SupportEventRecorder.attach(events)) {
      tester.testAllPublicInstanceMethods(recorder);
      tester.testAllPublicStaticMethods(SupportEventRecorder.class);
    }
    assertEquals(List.of(), seen);
  }

  /**
   * The emitter alone, a private class of the hub: its own methods and the shorter overloads it
   * inherits.
   */
  @Test
  void theEmitterRefusesNullWhereItIsNotNullable() throws Exception {
    SupportEventEmitter emitter = events.emitter();
    new NullPointerTester()
        .ignore(
            emitter
                .getClass()
                .getMethod(
                    "emitDraftSaved",
                    String.class,
                    Optional.class,
                    int.class,
                    String[].class,
                    String.class))
        .ignore(
            emitter
                .getClass()
                .getMethod(
                    "emitDraftSaved", String.class, Optional.class, int.class, String[].class))
        .testInstanceMethods(emitter, NullPointerTester.Visibility.PUBLIC);
    assertEquals(List.of(), seen);
  }

  private static void assertRefuses(String component, Executable emit) {
    assertEquals(component, assertThrows(NullPointerException.class, emit).getMessage());
  }
}
