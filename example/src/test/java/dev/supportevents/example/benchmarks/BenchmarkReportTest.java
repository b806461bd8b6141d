package dev.supportevents.example.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/performance.md shows the stored benchmark results, drawn by {@link BenchmarkReport}, not
 * typed by hand; a new run replaces the results of what it ran.
 */
class BenchmarkReportTest {

  private static final String TYPED =
      """
      {
        "jmhVersion" : "1.37",
        "benchmark" : "dev.supportevents.example.benchmarks.GeneratedHubBenchmark.emitTyped",
        "mode" : "avgt", "threads" : 1, "forks" : 1,
        "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM",
        "vmVersion" : "17.0.15+6",
        "warmupIterations" : 5, "warmupTime" : "1 s",
        "measurementIterations" : 10, "measurementTime" : "1 s",
        "params" : { "listeners" : "8" },
        "primaryMetric" : { "score" : 30.52, "scoreError" : 1.234, "scoreUnit" : "ns/op" },
        "secondaryMetrics" : {
          "gc.alloc.rate.norm" : { "score" : 24.000001, "scoreError" : 0.001, "scoreUnit" : "B/op" }
        }
      }
      """;

  private static final String COMPILATION =
      """
      {
        "jmhVersion" : "1.37",
        "benchmark" : "dev.supportevents.example.benchmarks.ProcessorCostBenchmark.withProcessor",
        "mode" : "ss", "threads" : 1, "forks" : 1,
        "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM",
        "vmVersion" : "17.0.15+6",
        "warmupIterations" : 0, "warmupTime" : "single-shot",
        "measurementIterations" : 1, "measurementTime" : "single-shot",
        "params" : { "events" : "100", "eventsPerPackage" : "10" },
        "primaryMetric" : { "score" : 3860.4, "scoreError" : "NaN", "scoreUnit" : "ms/op" },
        "secondaryMetrics" : { }
      }
      """;

  private static final String JMH_RESULT = "[" + TYPED + "," + COMPILATION + "]";

  @Test
  void readsScoresErrorsAllocationAndSettingsFromJmhsJson() {
    BenchmarkResults results =
        BenchmarkResults.ofJmh(
            JMH_RESULT, "2026-12-07 14:05", "AMD EPYC, 2 cores", "1.00, 0.50, 0.20");

    BenchmarkResults.Result typed = results.results().get(0);
    assertEquals("GeneratedHubBenchmark.emitTyped", typed.benchmark());
    assertEquals(Map.of("listeners", "8"), typed.params());
    assertEquals(30.52, typed.score());
    assertEquals(1.234, typed.error());
    assertEquals("1 fork, 5 × 1 s of warmup, 10 × 1 s", typed.settings());
    assertEquals("30.5 ± 1.2", BenchmarkReport.score(typed.score(), typed.error()));
    assertEquals(24.000001, typed.allocated());
    BenchmarkResults.Result compilation = results.results().get(1);
    assertNull(compilation.error());
    assertNull(compilation.allocated());
    assertEquals("1 fork, no warmup, 1 shot", compilation.settings());
    assertEquals("3,860", BenchmarkReport.score(compilation.score(), compilation.error()));
    assertEquals(
        List.of(
            new BenchmarkResults.Run(
                "2026-12-07 14:05",
                "17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6)",
                "1.37",
                "AMD EPYC, 2 cores",
                "1.00, 0.50, 0.20")),
        results.runs());
  }

  @Test
  void aNewRunReplacesTheResultsOfWhatItRanAndKeepsTheOthers() {
    BenchmarkResults first = BenchmarkResults.ofJmh(JMH_RESULT, "first", "m", "l");
    BenchmarkResults second =
        BenchmarkResults.ofJmh("[" + TYPED.replace("30.52", "28.1") + "]", "second", "m", "l");

    BenchmarkResults merged = first.merge(second);

    assertEquals(
        List.of("GeneratedHubBenchmark.emitTyped", "ProcessorCostBenchmark.withProcessor"),
        merged.results().stream().map(BenchmarkResults.Result::benchmark).toList());
    assertEquals(28.1, merged.results().get(0).score());
    assertEquals("second", merged.results().get(0).run());
    assertEquals("first", merged.results().get(1).run());
    assertEquals(
        List.of("first", "second"), merged.runs().stream().map(BenchmarkResults.Run::id).toList());
    BenchmarkResults third = merged.merge(BenchmarkResults.ofJmh(JMH_RESULT, "third", "m", "l"));
    assertEquals(List.of("third"), third.runs().stream().map(BenchmarkResults.Run::id).toList());
    assertEquals(BenchmarkResults.read(write(third)), third);
  }

  @Test
  void drawsBarsToScaleOnALinearAxisAndOnALogarithmicOneForWideSpans() {
    String linear =
        BarChart.svg(
            "t",
            "ns/op",
            List.of(new BarChart.Bar("a", 10, null, "10"), new BarChart.Bar("b", 20, 1.0, "20")));
    String logarithmic =
        BarChart.svg(
            "t",
            "ns/op",
            List.of(new BarChart.Bar("a", 1, null, "1"), new BarChart.Bar("b", 100, null, "100")));

    assertEquals(List.of(180.0, 360.0), barWidths(linear)); // 0 to 20, 360 px
    assertEquals(List.of(1.0, 360.0), barWidths(logarithmic)); // 1 to 100
    assertTrue(logarithmic.contains("logarithmic axis"));
  }

  @Test
  void performanceMdShowsTheStoredResults() throws IOException {
    Path root = root();
    BenchmarkResults results = BenchmarkResults.read(root.resolve(BenchmarkReport.RESULTS));
    String page = Files.readString(root.resolve(BenchmarkReport.PAGE), StandardCharsets.UTF_8);

    Map<String, String> files = BenchmarkReport.files(results, page);

    for (Map.Entry<String, String> file : files.entrySet()) {
      assertEquals(
          file.getValue(),
          Files.readString(root.resolve(file.getKey()), StandardCharsets.UTF_8),
          file.getKey()
              + " is not what BenchmarkReport draws from "
              + BenchmarkReport.RESULTS
              + ": run BenchmarkReport render (CONTRIBUTING.md, \"Benchmarks\")");
    }
    for (BenchmarkResults.Result result : results.results()) {
      assertTrue(
          page.contains("<!-- results: " + result.benchmarkClass() + " -->"),
          BenchmarkReport.PAGE + " shows no results of " + result.benchmarkClass());
    }
  }

  private static List<Double> barWidths(String svg) {
    Matcher bar = Pattern.compile("<rect x=\"290\" y=\"\\d+\" width=\"([\\d.]+)\"").matcher(svg);
    List<Double> widths = new java.util.ArrayList<>();
    while (bar.find()) {
      widths.add(Double.parseDouble(bar.group(1)));
    }
    return widths;
  }

  private static Path write(BenchmarkResults results) {
    try {
      Path file = Files.createTempFile("results", ".json");
      results.write(file);
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path root() {
    Path directory = Path.of("").toAbsolutePath();
    while (!Files.exists(directory.resolve(BenchmarkReport.PAGE))) {
      directory = directory.getParent();
    }
    return directory;
  }
}
