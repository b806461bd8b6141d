package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogs of sealed unions, compared with their golden files: the union's type where the
 * generated API means any event, and every record it permits an event. {@link GoldenOutputTest}
 * explains how to update the files. Each test compiles on its own, not once for the class, so
 * that mutation testing sees which code each one runs.
 */
class UnionGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"SupportEventType", "SupportEventCallbacks", "SupportEventEmitter",
      "SupportEvents", "SupportEventRecorder"})
  void topLevelUnionMatchesGolden(String type) {
    check(TestCompiler.compile(List.of(new SupportEventProcessor()), UnionSources.topLevel()),
        UnionSources.TOP_LEVEL, type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SupportEventType", "SupportEvents", "SupportEventRecorder"})
  void nestedUnionMatchesGolden(String type) {
    check(TestCompiler.compile(List.of(new SupportEventProcessor()), UnionSources.nested()),
        UnionSources.NESTED, type);
  }

  /** A build tool regenerates the catalog when the union or any of its records changes. */
  @Test
  void theUnionAndItsRecordsAreTheOriginatingElements() {
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());
    assertThat(TestCompiler.compile(List.of(processor), UnionSources.topLevel()))
        .succeededWithoutWarnings();
    assertThat(processor.originsBySource().get(UnionSources.TOP_LEVEL + ".SupportEvents"))
        .containsExactly("com.acme.widget.ConversationStartEvent", "com.acme.widget.ErrorEvent",
            "com.acme.widget.MessageSentEvent", "com.acme.widget.WidgetEvent");
  }

  private static void check(Compilation compilation, String packageName, String type) {
    assertThat(compilation).succeededWithoutWarnings();
    GoldenFiles.check(packageName.replace('.', '/') + "/" + type + ".java",
        TestCompiler.generated(compilation, packageName + "." + type));
  }
}
