package dev.taskmill.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One test run in a fresh container.
 *
 * @param name PASS_pre_tests, FAIL_pre_patch or PASS_post_patch (with a rerun suffix for reruns)
 * @param log absolute path of the stage log in the work area
 * @param lineCoverage line coverage in percent, or null when not collected
 * @param results absolute path of the per-test outcomes (JSON: id to PASSED/FAILED/SKIPPED), or
 *     null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageResult(
    String name,
    String log,
    int exitCode,
    boolean timedOut,
    int testsRun,
    int passed,
    int failed,
    int skipped,
    Double lineCoverage,
    long millis,
    String results) {
  public StageResult {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("stage name is required");
    }
  }

  /** The result without a per-test results file (the original ten fields). */
  public StageResult(
      String name,
      String log,
      int exitCode,
      boolean timedOut,
      int testsRun,
      int passed,
      int failed,
      int skipped,
      Double lineCoverage,
      long millis) {
    this(
        name,
        log,
        exitCode,
        timedOut,
        testsRun,
        passed,
        failed,
        skipped,
        lineCoverage,
        millis,
        null);
  }
}
