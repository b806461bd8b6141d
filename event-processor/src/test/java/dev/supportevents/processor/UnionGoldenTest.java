package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogs of sealed unions, compared with their golden files: the union's type where the
 * generated API means any event, and every record it permits an event. {@link GoldenOutputTest}
 * explains how to update the files. Each test compiles on its own, not once for the class, so that
 * mutation testing sees which code each one runs.
 */
class UnionGoldenTest {

  @ParameterizedTest
  @MethodSource("dev.supportevents.processor.TestCompiler#generatedTypes")
  void topLevelUnionMatchesGolden(String type) {
    check(
        TestCompiler.compile(List.of(new SupportEventProcessor()), UnionSources.topLevel()),
        UnionSources.TOP_LEVEL,
        type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SupportEventType", "SupportEvents", "SupportEventRecorder"})
  void nestedUnionMatchesGolden(String type) {
    check(
        TestCompiler.compile(List.of(new SupportEventProcessor()), UnionSources.nested()),
        UnionSources.NESTED,
        type);
  }

  /**
   * The union's source says in what order its events come, and every generated file keeps it: the
   * enum's constants, the callbacks, the emitter, the hub's members, the tracking plan and the
   * TypeScript declarations, whatever order javac reads the files in.
   */
  @Test
  void everyGeneratedFileListsTheEventsInTheOrderTheUnionPermitsThem() {
    List<JavaFileObject> sources = new ArrayList<>(UnionSources.topLevel());
    Collections.reverse(sources);
    Compilation compilation = TestCompiler.compile(List.of(new SupportEventProcessor()), sources);
    assertThat(compilation).succeededWithoutWarnings();
    List<String> permitted = List.of("ConversationStart", "MessageSent", "Error");

    assertThat(names(generated(compilation, "SupportEventType"), "^  ([A-Z_]+)\\(\""))
        .containsExactly("CONVERSATION_START", "MESSAGE_SENT", "ERROR")
        .inOrder();
    assertThat(names(generated(compilation, "SupportEventCallbacks"), "default void on(\\w+)\\("))
        .containsExactlyElementsIn(permitted)
        .inOrder();
    assertThat(names(generated(compilation, "SupportEventEmitter"), "^  void emit(\\w+)\\("))
        .containsExactlyElementsIn(permitted)
        .inOrder();
    String hub = generated(compilation, "SupportEvents");
    assertThat(names(hub, "^  public Subscription on(\\w+)\\("))
        .containsExactlyElementsIn(permitted)
        .inOrder();
    assertThat(names(hub, "^  public void emit(\\w+)\\("))
        .containsExactlyElementsIn(permitted)
        .inOrder();
    assertThat(
            names(
                TrackingPlans.of(compilation, UnionSources.TOP_LEVEL),
                "\"x-java-class\": \"com\\.acme\\.widget\\.(\\w+)Event\""))
        .containsExactlyElementsIn(permitted)
        .inOrder();
    assertThat(
            names(
                TrackingPlans.typeScriptOf(compilation, UnionSources.TOP_LEVEL),
                "^  on(\\w+)\\?\\("))
        .containsExactlyElementsIn(permitted)
        .inOrder();
  }

  private static String generated(Compilation compilation, String type) {
    return TestCompiler.generated(compilation, UnionSources.TOP_LEVEL + "." + type);
  }

  /** The first group of each match of {@code regex} in {@code text}, in order, once each. */
  private static List<String> names(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    Set<String> names = new LinkedHashSet<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return List.copyOf(names);
  }

  /**
   * A sealed interface that the union permits groups events: its records, and those of the groups
   * it permits, are events in the place of the group, and the groups are originating elements
   * beside the union. A subscriber of a group's class gets each event of it; the example's tests
   * deliver them.
   */
  @Test
  void theRecordsOfASealedInterfaceThatTheUnionPermitsAreEventsInItsPlace() {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    Compilation compilation = TestCompiler.compile(List.of(processor), UnionSources.grouped());
    assertThat(compilation).succeededWithoutWarnings();

    String type = TestCompiler.generated(compilation, UnionSources.GROUPED + ".SupportEventType");
    assertThat(names(type, "^  ([A-Z_]+)\\(\""))
        .containsExactly("TICKET_OPENED", "TICKET_CLOSED", "NOTE_ADDED")
        .inOrder();
    assertThat(processor.originsBySource().get(UnionSources.GROUPED + ".SupportEvents"))
        .containsExactly(
            "com.acme.desk.DeskEvent",
            "com.acme.desk.NoteAddedEvent",
            "com.acme.desk.TicketClosedEvent",
            "com.acme.desk.TicketEvent",
            "com.acme.desk.TicketEvent.Closing",
            "com.acme.desk.TicketOpenedEvent");
  }

  /** A build tool regenerates the catalog when the union or any of its records changes. */
  @Test
  void theUnionAndItsRecordsAreTheOriginatingElements() {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    assertThat(TestCompiler.compile(List.of(processor), UnionSources.topLevel()))
        .succeededWithoutWarnings();
    assertThat(processor.originsBySource().get(UnionSources.TOP_LEVEL + ".SupportEvents"))
        .containsExactly(
            "com.acme.widget.ConversationStartEvent",
            "com.acme.widget.ErrorEvent",
            "com.acme.widget.MessageSentEvent",
            "com.acme.widget.WidgetEvent");
  }

  private static void check(Compilation compilation, String packageName, String type) {
    assertThat(compilation).succeededWithoutWarnings();
    GoldenFiles.check(
        packageName.replace('.', '/') + "/" + type + ".java",
        TestCompiler.generated(compilation, packageName + "." + type));
  }
}
