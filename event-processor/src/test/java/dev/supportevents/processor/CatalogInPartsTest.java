package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.generated;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalogs larger than a part, which no enum and no single hub class can hold: {@code
 * SupportEventType} is a class with the enum's members, and the hub extends one part per {@link
 * LayoutLimits#largestPart()} events. Within {@link #SMALL} limits, seven events show every shape
 * of the layout in golden files a reviewer can read; within the production limits, catalogs of up
 * to {@link CatalogValidator#LARGEST_CATALOG} events compile under the strict options and behave as
 * a small catalog does (tag {@code catalog-in-parts}, in the slow tests).
 */
class CatalogInPartsTest {

  /**
   * Parts of 4 events, switches of 2 (a part is a whole number of switches), and a map for {@code
   * forClass} past 2 events.
   */
  static final LayoutLimits SMALL = new LayoutLimits(4, 2, 2);

  /**
   * The catalog within {@link #SMALL} limits: two parts, the second not full, each routed by two
   * switches, the last of which routes one event.
   */
  static final int SMALL_CATALOG = 7;

  private static final String SCENARIO =
      """
      package big;

      import java.util.ArrayList;
      import java.util.List;
      import dev.supportevents.runtime.Subscription;
      import java.util.function.Supplier;

      public final class Scenario implements Supplier<List<String>> {
        private final List<String> log = new ArrayList<>();

        @Override
        public List<String> get() {
          SupportEventType[] types = SupportEventType.values();
          SupportEventType last = types[types.length - 1];
          log.add("values " + types.length + ", first " + types[0] + " " + types[0].ordinal()
              + ", last " + last.name() + " " + last.ordinal() + " " + last.wireName());
          log.add("valueOf " + (SupportEventType.valueOf(last.name()) == last)
              + ", fromWireName " + (SupportEventType.fromWireName(last.wireName()) == last)
              + ", find " + SupportEventType.find("nothing").isPresent()
              + ", compareTo " + Integer.signum(types[0].compareTo(last))
              + Integer.signum(last.compareTo(last)) + Integer.signum(last.compareTo(types[0])));
          fail(() -> SupportEventType.valueOf("NOTHING"));
          fail(() -> SupportEventType.forClass(Other.class));
          SupportEvents hub = SupportEvents.builder()
              .callbacks(new SupportEventCallbacks() {
                @Override
                public void onStep%1$s(Step%1$sEvent event) {
                  log.add("callbacks " + event);
                }
              })
              .build();
          hub.onStep00000(event -> log.add("typed " + event));
          hub.onStep%2$s(event -> log.add("typed " + event));
          hub.subscribe(SupportEventType.STEP%3$s, event -> log.add("by type " + event));
          hub.subscribe(Step%1$sEvent.class, event -> log.add("by class " + event));
          log.add("listeners " + hub.listenerCount(types[0]) + " "
              + hub.listenerCount(SupportEventType.valueOf("STEP%2$s")) + " "
              + hub.listenerCount(SupportEventType.valueOf("STEP%3$s")) + " "
              + hub.listenerCount(last) + ", " + hub.hasListeners(last) + ", " + hub);
          SupportEventRecorder recorder = SupportEventRecorder.attach(hub);
          int[] delivered = {0};
          Subscription all = hub.subscribeAll((type, event) -> {
            if (type.ordinal() != delivered[0]++ || SupportEventType.of(event) != type) {
              log.add("out of order: " + type + " " + event);
            }
          });
          for (SupportEventType type : types) {
            hub.emit(newEvent(type));
          }
          all.close();
          recorder.close();
          log.add("subscribeAll received " + delivered[0] + ", the recorder "
              + recorder.all().size() + ", last " + recorder.types().get(types.length - 1));
          hub.emitStep%1$s(-1);
          hub.emitter().emitStep00000(-2);
          log.add("latest " + hub.latestStep%1$s().orElseThrow());
          hub.close();
          fail(() -> hub.emitStep00000(0));
          return log;
        }

        record Other() {}

        private static Record newEvent(SupportEventType type) {
          try {
            return type.eventClass().getDeclaredConstructor(int.class).newInstance(type.ordinal());
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }

        private void fail(Runnable call) {
          try {
            call.run();
            log.add("no exception");
          } catch (RuntimeException e) {
            log.add(e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst()
                .orElseThrow().replaceAll("; its events are: .*", ""));
          }
        }
      }
      """;

  @TempDir Path temp;

  /** About 100 s: {@code .ci/run} runs it once, in the JDK 17 step. */
  @Test
  @Tag("catalog-in-parts")
  @Tag("largest-catalog")
  void aCatalogOfTheLargestSizeCompilesCleanlyAndDeliversEveryEvent() {
    int size = CatalogValidator.LARGEST_CATALOG;
    Compilation compilation = TestCompiler.compile(catalog(size, true));
    assertThat(compilation).succeededWithoutWarnings();

    List<String> log = Libraries.run("big.Scenario", Libraries.writeClasses(compilation, temp));

    assertThat(log).containsExactlyElementsIn(expectedLog(size)).inOrder();
  }

  @Test
  void aSmallCatalogInPartsDeliversEveryEvent() {
    Compilation compilation = compileSmall(catalog(SMALL_CATALOG, SMALL.largestPart(), true));
    assertThat(compilation).succeededWithoutWarnings();

    List<String> log = Libraries.run("big.Scenario", Libraries.writeClasses(compilation, temp));

    assertThat(log)
        .containsExactlyElementsIn(expectedLog(SMALL_CATALOG, SMALL.largestPart()))
        .inOrder();
  }

  /**
   * The shape of a catalog in parts, every generated type that differs from a catalog in one enum
   * in golden files: the class {@code SupportEventType}, its constants in two interfaces, the hub
   * and its two parts.
   */
  @Test
  void writesASmallCatalogInPartsAsItsGoldenFiles() {
    Compilation compilation = compileSmall(catalog(SMALL_CATALOG, SMALL.largestPart(), false));
    assertThat(compilation).succeededWithoutWarnings();

    assertThat(
            compilation.generatedSourceFiles().stream()
                .map(file -> file.getName().replaceAll(".*/", ""))
                .sorted()
                .toList())
        .containsExactly(
            "SupportEventCallbacks.java",
            "SupportEventEmitter.java",
            "SupportEventRecorder.java",
            "SupportEventType.java",
            "SupportEventTypeConstants1.java",
            "SupportEventTypeConstants2.java",
            "SupportEvents.java",
            "SupportEventsPart1.java",
            "SupportEventsPart2.java")
        .inOrder();
    Map<String, String> golden = new LinkedHashMap<>();
    for (String type :
        List.of(
            "SupportEventType",
            "SupportEventTypeConstants1",
            "SupportEventTypeConstants2",
            "SupportEvents",
            "SupportEventsPart1",
            "SupportEventsPart2")) {
      golden.put("big/" + type + ".java", generated(compilation, "big." + type));
    }
    GoldenFiles.checkAll(golden);
  }

  @Test
  void rejectsATypeOfTheUnnamedPackageNamedLikeTheTypeNestedInSupportEventType() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i <= SMALL.largestPart(); i++) {
      String name = "Step%05dEvent".formatted(i);
      sources.add(
          source(
              name,
              """
          @dev.supportevents.annotations.SupportEvent public record %s(int attempt) {}
          """
                  .formatted(name)));
    }
    JavaFileObject index =
        source(
            "Index",
            """
        final class Index {}
        """);
    sources.add(index);

    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor(SMALL));

    Compilation compilation = TestCompiler.compile(List.of(processor), sources);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.NESTED_TYPE_NAME_TAKEN.format(
                Map.of(
                    "name", "Index",
                    "owner", "SupportEventType")))
        .inFile(index)
        .onLineContaining("class Index");
    assertThat(processor.originsBySource()).isEmpty();
  }

  @Test
  void theLargestCatalogThatIsOneEnumStaysOne() {
    Compilation compilation =
        compileSmall(catalog(SMALL.largestPart(), SMALL.largestPart(), false));
    assertThat(compilation).succeededWithoutWarnings();

    assertThat(generated(compilation, "big.SupportEventType")).contains("public enum");
    assertThat(compilation.generatedSourceFile("big.SupportEventsPart1")).isEmpty();
  }

  /**
   * The largest events for a hub's constant pool: each kept for replay, with a generic component
   * and components of other types than any other event's, so that none shares a descriptor or a
   * signature. A hub of {@link LayoutLimits#LARGEST_PART} of them, in one class or as a part, still
   * fits in one class file.
   */
  @ParameterizedTest
  @Tag("catalog-in-parts")
  @ValueSource(ints = {LayoutLimits.LARGEST_PART, LayoutLimits.LARGEST_PART + 1})
  void aPartOfEventsOfTheLargestShapeFitsInOneClassFile(int size) {
    List<String> generic =
        List.of(
            "java.util.List<String>",
            "java.util.Collection<String>",
            "java.util.Map<String, Integer>",
            "java.util.Set<String>",
            "java.util.Optional<String>",
            "Iterable<String>",
            "java.util.Deque<String>",
            "java.util.Queue<String>");
    List<String> other =
        List.of(
            "String",
            "int",
            "long",
            "boolean",
            "double",
            "java.util.UUID",
            "java.net.URI",
            "java.time.Instant");
    JavaFileObject[] sources =
        IntStream.range(0, size)
            .mapToObj(
                i ->
                    source(
                        "big.Step%05dEvent".formatted(i),
                        """
            package big;

            @dev.supportevents.annotations.SupportEvent(replayLatest = true)
            public record Step%05dEvent(%s a, %s b, %s c, %s d) {}
            """
                            .formatted(
                                i,
                                generic.get(i % 8),
                                other.get(i / 8 % 8),
                                other.get(i / 64 % 8),
                                other.get(i / 512 % 8))))
            .toArray(JavaFileObject[]::new);

    assertThat(TestCompiler.compile(sources)).succeededWithoutWarnings();
  }

  /** Compiles {@code sources} strictly with a processor within {@link #SMALL} limits. */
  static Compilation compileSmall(JavaFileObject... sources) {
    return TestCompiler.compile(List.of(new SupportEventProcessor(SMALL)), List.of(sources));
  }

  /**
   * {@code size} records of one package, the last kept for replay, and maybe the scenario, for the
   * production limits.
   */
  static JavaFileObject[] catalog(int size, boolean withScenario) {
    return catalog(size, LayoutLimits.LARGEST_PART, withScenario);
  }

  /**
   * {@code size} records of one package, the last kept for replay, and maybe the scenario, for
   * parts of {@code part} events.
   */
  static JavaFileObject[] catalog(int size, int part, boolean withScenario) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String name = "Step%05dEvent".formatted(i);
      sources.add(
          source(
              "big." + name,
              """
          package big;

          @dev.supportevents.annotations.SupportEvent%s
          public record %s(int attempt) {}
          """
                  .formatted(i == size - 1 ? "(replayLatest = true)" : "", name)));
    }
    if (withScenario) {
      sources.add(
          source("big.Scenario", SCENARIO.formatted(step(size - 1), step(part - 1), step(part))));
    }
    return sources.toArray(JavaFileObject[]::new);
  }

  private static String step(int ordinal) {
    return "%05d".formatted(ordinal);
  }

  /** What the scenario logs for the production limits; see {@link #expectedLog(int, int)}. */
  static List<String> expectedLog(int size) {
    return expectedLog(size, LayoutLimits.LARGEST_PART);
  }

  /**
   * What the scenario logs for parts of {@code part} events: each listener of an event in the order
   * it subscribed, the builder's callbacks first, the last event of the first part and the first of
   * the second included.
   */
  static List<String> expectedLog(int size, int part) {
    int last = size - 1;
    List<String> expected = new ArrayList<>();
    expected.add(
        "values "
            + size
            + ", first STEP00000 0, last STEP"
            + step(last)
            + " "
            + last
            + " step"
            + step(last));
    expected.add("valueOf true, fromWireName true, find false, compareTo -101");
    expected.add("IllegalArgumentException: No constant SupportEventType.NOTHING");
    expected.add("IllegalArgumentException: big.Scenario$Other is not an event of big");
    expected.add(
        "listeners "
            + listeners(0, last, part)
            + " "
            + listeners(part - 1, last, part)
            + " "
            + listeners(part, last, part)
            + " "
            + listeners(last, last, part)
            + ", true, SupportEvents of big: 5 subscriptions");
    IntStream.of(0, part - 1, part, last)
        .distinct()
        .forEach(ordinal -> expected.addAll(delivered(ordinal, ordinal, last, part)));
    expected.add(
        "subscribeAll received " + size + ", the recorder " + size + ", last STEP" + step(last));
    expected.addAll(delivered(last, -1, last, part));
    expected.addAll(delivered(0, -2, last, part));
    expected.add("latest Step" + step(last) + "Event[attempt=-1]");
    expected.add(
        "IllegalStateException: SupportEvents of big is closed: it delivers no more"
            + " events and takes no subscription; create a new hub");
    return expected;
  }

  /**
   * How many listeners the event {@code ordinal} has: the callbacks, and the subscriptions of the
   * first and the last event of the first part, of the first of the second, and of the last.
   */
  private static int listeners(int ordinal, int last, int part) {
    return 1
        + IntStream.of(0, part - 1, part, last)
            .map(subscribed -> subscribed == ordinal ? 1 : 0)
            .sum();
  }

  /** The lines the listeners of the event {@code ordinal} log for one such event. */
  private static List<String> delivered(int ordinal, int attempt, int last, int part) {
    String event = "Step" + step(ordinal) + "Event[attempt=" + attempt + "]";
    List<String> lines = new ArrayList<>();
    if (ordinal == last) {
      lines.add("callbacks " + event);
    }
    if (ordinal == 0 || ordinal == part - 1) {
      lines.add("typed " + event);
    }
    if (ordinal == part) {
      lines.add("by type " + event);
    }
    if (ordinal == last) {
      lines.add("by class " + event);
    }
    return lines;
  }
}
