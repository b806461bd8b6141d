package dev.supportevents.example.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportevents.example.bytecode.Bytecode.Call;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the behaviour tests complete: every public method of the generated catalog is called by
 * some test, through the type that declares it (the emitter's methods through the emitter).
 */
class GeneratedApiCoverageTest {

  /** The benchmarks call the hub too, but they are not tests: their calls do not count. */
  private static final String BENCHMARKS = "dev/supportevents/example/benchmarks/";

  private static final List<String> PUBLIC_TYPES =
      List.of(
          "dev/supportevents/example/SupportEvents",
          "dev/supportevents/example/SupportEvents$Builder",
          "dev/supportevents/example/SupportEventType",
          "dev/supportevents/example/SupportEventCallbacks",
          "dev/supportevents/example/SupportEventEmitter",
          "dev/supportevents/example/SupportEventRecorder");

  /**
   * Eight events: the hub has create, builder, 8 onX, 4 subscribes, each of those 12 again with an
   * executor and with subscription options, 8 emitX, emit, emitter, latestConversationStart,
   * forgetLatestConversationStart, close, awaitDelivered, hasListeners, listenerCount, 2
   * publishers, 2 publisherAlls and toString; its builder 8 methods; the enum 9, typesOf among
   * them; the callbacks 8; the emitter 8 emitX, 6 shorter ones and emit; the recorder attach, all,
   * of, types, clear, awaitDelivered and close.
   */
  private static final int PUBLIC_METHODS = 59 + 8 + 9 + 8 + 15 + 7;

  @Test
  void everyPublicMethodOfTheGeneratedCatalogIsCalledByATest() {
    Set<Call> declared = new LinkedHashSet<>();
    PUBLIC_TYPES.forEach(type -> declared.addAll(Bytecode.publicMethods(ClassFiles.read(type))));
    Set<Call> called = new HashSet<>();
    ClassFiles.underDirectory(ClassFiles.locationOf(GeneratedApiCoverageTest.class))
        .entrySet()
        .stream()
        .filter(testClass -> !testClass.getKey().startsWith(BENCHMARKS))
        .forEach(testClass -> called.addAll(Bytecode.calls(testClass.getValue())));

    assertEquals(PUBLIC_METHODS, declared.size(), declared::toString);
    assertEquals(
        List.of(),
        declared.stream().filter(method -> !called.contains(method)).toList(),
        "public methods of the generated catalog that no test calls");
  }
}
