package dev.supportevents.example.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current result of every benchmark, each with the run that measured it: what
 * docs/performance.md shows, kept in {@code docs/benchmarks/results.json}. A new run replaces the
 * results of the benchmarks it ran and keeps the others.
 *
 * @param runs the runs that measured at least one of {@code results}, oldest first
 * @param results one per benchmark method and parameter values
 */
record BenchmarkResults(List<Run> runs, List<Result> results) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /**
   * One run of JMH.
   *
   * @param id when it ended, {@code 2026-12-07 14:05} (UTC): names the run in tables
   * @param jdk the JDK's version and VM, as JMH reports them
   * @param jmh JMH's version
   * @param machine the processor, its cores as the JVM sees them, and the operating system
   * @param load the load average over 1, 5 and 15 minutes when the run ended
   */
  record Run(String id, String jdk, String jmh, String machine, String load) {}

  /**
   * The result of one benchmark method for one set of parameter values.
   *
   * @param benchmark the method, {@code GeneratedHubBenchmark.emitTyped}
   * @param params the parameters, by name, in JMH's order
   * @param mode JMH's mode: {@code avgt}, {@code ss}, ...
   * @param score the primary score
   * @param error the half-width of its 99.9% confidence interval, if JMH could compute one
   * @param unit the score's unit, {@code ns/op}
   * @param allocated bytes allocated per operation ({@code -prof gc}), if measured
   * @param settings forks and iterations, {@code 1 fork, 5 × 1 s warmup, 10 × 1 s}
   * @param run the {@link Run#id} of the run that measured it
   */
  record Result(
      String benchmark,
      Map<String, String> params,
      String mode,
      double score,
      @Nullable Double error,
      String unit,
      @Nullable Double allocated,
      String settings,
      String run) {

    /** The benchmark's class, {@code GeneratedHubBenchmark}. */
    String benchmarkClass() {
      return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    /** The method, {@code emitTyped}. */
    String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The parameters as {@code listeners=1 events=100}, empty without any. */
    String parameters() {
      List<String> pairs = new ArrayList<>();
      params.forEach((name, value) -> pairs.add(name + "=" + value));
      return String.join(" ", pairs);
    }

    boolean sameBenchmark(Result other) {
      return benchmark.equals(other.benchmark) && params.equals(other.params);
    }
  }

  /** The results stored at {@code file}. */
  static BenchmarkResults read(Path file) {
    return JSON.readValue(file.toFile(), BenchmarkResults.class);
  }

  /** Writes these results to {@code file}, as {@link #read} reads them. */
  void write(Path file) {
    JSON.writeValue(file.toFile(), this);
  }

  /** As JSON, the way {@link #write} writes it. */
  String toJson() {
    return JSON.writeValueAsString(this) + "\n";
  }

  /**
   * The results of JMH's JSON output ({@code -rf json}), measured by {@code run}.
   *
   * @param jmhJson JMH's result file: an array of benchmarks
   * @param machine what {@link Run#machine} says
   * @param id what {@link Run#id} says
   * @param load what {@link Run#load} says
   */
  static BenchmarkResults ofJmh(String jmhJson, String id, String machine, String load) {
    List<Result> results = new ArrayList<>();
    String jdk = "";
    String jmh = "";
    for (JsonNode benchmark : JSON.readTree(jmhJson)) {
      jdk =
          benchmark.path("jdkVersion").asString()
              + " ("
              + benchmark.path("vmName").asString()
              + " "
              + benchmark.path("vmVersion").asString()
              + ")";
      jmh = benchmark.path("jmhVersion").asString();
      Map<String, String> params = new LinkedHashMap<>();
      benchmark
          .path("params")
          .properties()
          .forEach(param -> params.put(param.getKey(), param.getValue().asString()));
      JsonNode primary = benchmark.path("primaryMetric");
      JsonNode allocation = benchmark.path("secondaryMetrics").path("gc.alloc.rate.norm");
      String name = benchmark.path("benchmark").asString();
      results.add(
          new Result(
              name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
              params,
              benchmark.path("mode").asString(),
              number(primary.path("score")),
              finite(number(primary.path("scoreError"))),
              primary.path("scoreUnit").asString(),
              allocation.isMissingNode() ? null : finite(number(allocation.path("score"))),
              settings(benchmark),
              id));
    }
    return new BenchmarkResults(List.of(new Run(id, jdk, jmh, machine, load)), results);
  }

  /**
   * These results with those of {@code newer} in place of the same benchmarks' (same method and
   * parameters), and the others of {@code newer} after them; runs no result names any more go.
   */
  BenchmarkResults merge(BenchmarkResults newer) {
    List<Result> merged = new ArrayList<>();
    Set<Result> placed = new LinkedHashSet<>();
    for (Result old : results) {
      Result replacement =
          newer.results.stream().filter(old::sameBenchmark).findFirst().orElse(old);
      merged.add(replacement);
      placed.add(replacement);
    }
    newer.results.stream().filter(result -> !placed.contains(result)).forEach(merged::add);
    List<Run> used = new ArrayList<>();
    for (Run run : concat(runs, newer.runs)) {
      if (merged.stream().anyMatch(result -> result.run().equals(run.id()))
          && used.stream().noneMatch(kept -> kept.id().equals(run.id()))) {
        used.add(run);
      }
    }
    return new BenchmarkResults(used, merged);
  }

  /** The run called {@code id}. */
  Run run(String id) {
    return runs.stream()
        .filter(run -> run.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no run " + id + " in the results"));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private static String settings(JsonNode benchmark) {
    int forks = benchmark.path("forks").asInt();
    boolean shots = benchmark.path("mode").asString().equals("ss");
    int warmups = benchmark.path("warmupIterations").asInt();
    int measured = benchmark.path("measurementIterations").asInt();
    String warmup =
        warmups == 0
            ? "no warmup"
            : shots
                ? count(warmups, "shot") + " of warmup"
                : warmups + " × " + benchmark.path("warmupTime").asString() + " of warmup";
    String measurement =
        shots
            ? count(measured, "shot")
            : measured + " × " + benchmark.path("measurementTime").asString();
    return count(forks, "fork") + ", " + warmup + ", " + measurement;
  }

  private static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** JMH writes {@code "NaN"} as a string where it has no number. */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asString("NaN"));
  }

  private static @Nullable Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
