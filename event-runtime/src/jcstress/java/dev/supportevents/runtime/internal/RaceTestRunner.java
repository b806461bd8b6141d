package dev.supportevents.runtime.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * Runs the race tests with jcstress, then exits with status 1 unless at least one test ran and
 * every test saw only acceptable outcomes. jcstress alone exits 0 when no test matched its
 * selection, so a build would pass having tested nothing; this runner also prints a closing count
 * of passed and failed tests.
 *
 * <p>Takes jcstress's own options ({@code -m quick}, {@code -t regexp}, {@code -time ms}, ...).
 */
public final class RaceTestRunner {

  private RaceTestRunner() {}

  /**
   * Runs jcstress with {@code args} and checks its results.
   *
   * @param args jcstress options
   * @throws Exception if jcstress cannot run or its results cannot be read
   */
  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    if (!options.parse()) {
      System.exit(2);
    }
    boolean jcstressFailed = false;
    try {
      new JCStress(options).run();
    } catch (AssertionError forbiddenOutcomes) {
      // jcstress throws once it has listed the forbidden outcomes and errors it saw.
      jcstressFailed = true;
    }
    Path resultFile = Path.of(options.getResultFile());
    if (!Files.exists(resultFile)) {
      System.out.println("jcstress: no race test ran (" + resultFile + " was not written)");
      System.exit(1);
    }
    InProcessCollector results = new InProcessCollector();
    DiskReadCollector reader = new DiskReadCollector(options.getResultFile(), results);
    reader.dump();
    reader.close();
    boolean passed = report(results);
    System.exit(passed && !jcstressFailed ? 0 : 1);
  }

  /**
   * Prints one line per failed test and a closing count of passed and failed tests; a test fails
   * when any fork or configuration of it failed.
   *
   * @return {@code true} if at least one test ran and none failed
   */
  private static boolean report(InProcessCollector results) {
    Map<String, Boolean> passedByTest = new TreeMap<>();
    for (TestResult result : results.getTestResults()) {
      boolean passed = result.status() == Status.NORMAL && result.grading().isPassed;
      passedByTest.merge(result.getName(), passed, Boolean::logicalAnd);
      if (!passed) {
        System.out.println(
            "FAILED "
                + result.getName()
                + " "
                + result.getConfig().jvmArgs
                + ": "
                + result.status()
                + " "
                + result.grading().failureMessages);
      }
    }
    long failed = passedByTest.values().stream().filter(passed -> !passed).count();
    long passed = passedByTest.size() - failed;
    System.out.println("jcstress: " + passed + " passed, " + failed + " failed");
    return passed > 0 && failed == 0;
  }
}
