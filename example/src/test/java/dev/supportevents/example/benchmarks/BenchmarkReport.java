package dev.supportevents.example.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Turns the benchmarks' results into what docs/performance.md shows: the benchmarks profile runs it
 * after JMH, and it keeps one current result per benchmark in {@value #RESULTS}, draws a chart of
 * each benchmark class into {@code docs/benchmarks/<class>.svg}, and writes the tables between the
 * page's {@code <!-- results: <class> -->} and {@code <!-- end of results -->} lines ({@code <!--
 * results: runs -->} lists the runs: date, JDK, machine, load).
 *
 * <pre>
 * BenchmarkReport record example/target/jmh-result.json .   # a new run replaces its benchmarks
 * BenchmarkReport render .                                  # draws the page from the results
 * </pre>
 */
public final class BenchmarkReport {

  /** Where the results are kept, from the repository's root. */
  static final String RESULTS = "docs/benchmarks/results.json";

  /** The page that shows them, from the repository's root. */
  static final String PAGE = "docs/performance.md";

  private static final Pattern REGION =
      Pattern.compile(
          "(<!-- results: ([\\w-]+) -->\\n)(.*?)(<!-- end of results -->)", Pattern.DOTALL);

  private BenchmarkReport() {}

  /**
   * {@code record <jmh-result.json> <repository root>} or {@code render <repository root>}.
   *
   * @param args the command and its files
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("record")) {
      Path root = Path.of(args[2]);
      BenchmarkResults run =
          BenchmarkResults.ofJmh(
              Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), now(), machine(), load());
      Path stored = root.resolve(RESULTS);
      BenchmarkResults results =
          Files.exists(stored) ? BenchmarkResults.read(stored).merge(run) : run;
      Files.createDirectories(stored.getParent());
      Files.writeString(stored, results.toJson(), StandardCharsets.UTF_8);
      write(root, results);
      System.out.println(
          "Recorded " + run.results().size() + " results in " + RESULTS + " and drew " + PAGE);
    } else if (args.length == 2 && args[0].equals("render")) {
      Path root = Path.of(args[1]);
      write(root, BenchmarkResults.read(root.resolve(RESULTS)));
    } else {
      throw new IllegalArgumentException(
          "usage: BenchmarkReport record <jmh-result.json> <root>" + " | render <root>");
    }
  }

  /** Writes every file {@link #files} gives. */
  private static void write(Path root, BenchmarkResults results) throws IOException {
    String page = Files.readString(root.resolve(PAGE), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> file : files(results, page).entrySet()) {
      Files.writeString(root.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Every file drawn from {@code results}, by path from the repository's root: one chart per
   * benchmark class, and {@code page}, the text of docs/performance.md, with its regions filled.
   */
  static Map<String, String> files(BenchmarkResults results, String page) {
    Map<String, List<BenchmarkResults.Result>> byClass = byClass(results);
    Map<String, String> files = new LinkedHashMap<>();
    byClass.forEach(
        (benchmarkClass, classResults) ->
            files.put(
                "docs/benchmarks/" + benchmarkClass + ".svg", chart(benchmarkClass, classResults)));
    Matcher region = REGION.matcher(page);
    StringBuilder filled = new StringBuilder();
    while (region.find()) {
      String name = region.group(2);
      String content =
          name.equals("runs")
              ? runs(results)
              : table(name, byClass.getOrDefault(name, List.of()), results);
      region.appendReplacement(
          filled, Matcher.quoteReplacement(region.group(1) + content + region.group(4)));
    }
    region.appendTail(filled);
    files.put(PAGE, filled.toString());
    return files;
  }

  private static Map<String, List<BenchmarkResults.Result>> byClass(BenchmarkResults results) {
    Map<String, List<BenchmarkResults.Result>> byClass = new LinkedHashMap<>();
    for (BenchmarkResults.Result result : results.results()) {
      byClass.computeIfAbsent(result.benchmarkClass(), unused -> new ArrayList<>()).add(result);
    }
    return byClass;
  }

  /** The region of one benchmark class: its chart, then its table. */
  static String table(
      String benchmarkClass, List<BenchmarkResults.Result> results, BenchmarkResults all) {
    if (results.isEmpty()) {
      return "No results yet: run `mvn -P benchmarks -pl example -am -DskipTests test"
          + " -Djmh.include="
          + benchmarkClass
          + "`.\n";
    }
    StringBuilder table = new StringBuilder();
    table
        .append("![")
        .append(benchmarkClass)
        .append(", ")
        .append(results.get(0).unit())
        .append("](benchmarks/")
        .append(benchmarkClass)
        .append(".svg)\n\n");
    table.append("| Benchmark | Parameters | Score | Allocated | Settings | Run |\n");
    table.append("| --- | --- | --- | --- | --- | --- |\n");
    for (BenchmarkResults.Result result : results) {
      table
          .append("| `")
          .append(result.method())
          .append("` | ")
          .append(result.parameters())
          .append(" | ")
          .append(score(result.score(), result.error()))
          .append(' ')
          .append(result.unit())
          .append(" | ")
          .append(
              result.allocated() == null
                  ? ""
                  : String.format(Locale.ROOT, "%,.0f B/op", result.allocated()))
          .append(" | ")
          .append(result.settings())
          .append(" | ")
          .append(all.run(result.run()).id())
          .append(" |\n");
    }
    return table.toString();
  }

  /** The table of the runs whose results the page shows. */
  static String runs(BenchmarkResults results) {
    StringBuilder table = new StringBuilder();
    table.append("| Run (UTC) | JDK | JMH | Machine | Load average at its end (1, 5, 15 min) |\n");
    table.append("| --- | --- | --- | --- | --- |\n");
    for (BenchmarkResults.Run run : results.runs()) {
      table
          .append("| ")
          .append(run.id())
          .append(" | ")
          .append(run.jdk())
          .append(" | ")
          .append(run.jmh())
          .append(" | ")
          .append(run.machine())
          .append(" | ")
          .append(run.load())
          .append(" |\n");
    }
    return table.toString();
  }

  /** The chart of one benchmark class, one bar per result. */
  static String chart(String benchmarkClass, List<BenchmarkResults.Result> results) {
    List<BarChart.Bar> bars =
        results.stream()
            .map(
                result ->
                    new BarChart.Bar(
                        (result.method() + " " + result.parameters()).strip(),
                        result.score(),
                        result.error(),
                        significant(result.score())))
            .toList();
    String mode = results.get(0).mode();
    String unit =
        results.get(0).unit()
            + (mode.equals("avgt") || mode.equals("ss") ? ", lower is better" : "");
    return BarChart.svg(benchmarkClass, unit, bars);
  }

  /** {@code 7.56 ± 0.12}, or the score alone without an error. */
  static String score(double score, @Nullable Double error) {
    if (error == null) {
      return significant(score);
    }
    int decimals = decimals(score);
    return String.format(Locale.ROOT, "%,." + decimals + "f ± %,." + decimals + "f", score, error);
  }

  /** A value with three significant digits, and none after the point from 100 on. */
  static String significant(double value) {
    return String.format(Locale.ROOT, "%,." + decimals(value) + "f", value);
  }

  private static int decimals(double value) {
    double magnitude = Math.abs(value);
    return magnitude >= 100 || magnitude == 0 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  }

  private static String now() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
        .withZone(ZoneOffset.UTC)
        .format(Instant.now());
  }

  /** The processor's model, the cores the JVM sees, whether it runs under a hypervisor, the OS. */
  static String machine() {
    List<String> cpuInfo = lines(Path.of("/proc/cpuinfo"));
    String model = value(cpuInfo, "model name").orElse(System.getProperty("os.arch"));
    boolean virtual = value(cpuInfo, "flags").orElse("").contains(" hypervisor");
    return model.replaceAll("\\s+", " ")
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores"
        + (virtual ? " (virtual machine)" : "")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version");
  }

  /** The load average over 1, 5 and 15 minutes, as {@code 1.20, 0.85, 0.60}. */
  static String load() {
    List<String> loadAverage = lines(Path.of("/proc/loadavg"));
    if (!loadAverage.isEmpty()) {
      return String.join(", ", List.of(loadAverage.get(0).split(" ")).subList(0, 3));
    }
    return String.format(
        Locale.ROOT,
        "%.2f (1 min)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static Optional<String> value(List<String> cpuInfo, String key) {
    return cpuInfo.stream()
        .filter(line -> line.startsWith(key) && line.contains(":"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst();
  }

  private static List<String> lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
