package dev.supportevents.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.supportevents.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A catalog too large for the class files of its generated types: one error, not javac's. */
@Tag("largest-catalog")
class LargeCatalogTest {

  @Test
  void reportsACatalogLargerThanTheGeneratedTypesCanHoldOnItsFirstRecord() {
    List<JavaFileObject> sources = new ArrayList<>();
    int count = CatalogValidator.LARGEST_CATALOG + 1;
    for (int i = 0; i < count; i++) {
      String name = String.format(Locale.ROOT, "Custom%04dEvent", i);
      sources.add(
          source(
              "big." + name,
              """
          package big;

          @dev.supportevents.annotations.SupportEvent
          public record %s(String conversationId) {}
          """
                  .formatted(name)));
    }
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());

    Compilation compilation = TestCompiler.compile(List.of(processor), sources);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CATALOG_TOO_LARGE.format(
                Map.of(
                    "package", "big", "count", count, "largest", CatalogValidator.LARGEST_CATALOG)))
        .inFile(sources.get(0))
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(processor.originsBySource()).isEmpty();
  }

  /**
   * Events that each have component types of their own and a {@code @Nullable} trailing one: the
   * emitter's descriptors and signatures are all different, and 10,000 of them need more of its
   * constant pool than a class file holds, which javac would report in generated code.
   */
  @Test
  void reportsACatalogWhoseEmitterWouldNotFitInOneClassFile() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < CatalogValidator.LARGEST_CATALOG; i++) {
      String name = String.format(Locale.ROOT, "Step%05dEvent", i);
      sources.add(
          source(
              "big." + name,
              """
          package big;

          import org.jspecify.annotations.Nullable;

          @dev.supportevents.annotations.SupportEvent
          public record %s(%s previous, java.util.List<String> tags, @Nullable String note) {}
          """
                  .formatted(name, name)));
    }
    RecordingProcessor processor = new RecordingProcessor(new SupportEventProcessor());

    Compilation compilation = TestCompiler.compile(List.of(processor), sources);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CLASS_FILE_TOO_LARGE.format(
                Map.of(
                    "package", "big",
                    "entries", "70,003",
                    "type", "SupportEventEmitter",
                    "largest", "64,000")))
        .inFile(sources.get(0))
        .onLineContaining("@dev.supportevents.annotations.SupportEvent");
    assertThat(processor.originsBySource()).isEmpty();
  }
}
