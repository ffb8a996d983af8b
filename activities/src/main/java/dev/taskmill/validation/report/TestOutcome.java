package dev.taskmill.validation.report;

/** The result of one test in one run; errors count as failures because both mean "did not pass". */
public enum TestOutcome {
  PASSED,
  FAILED,
  SKIPPED;

  /**
   * The outcome that wins when a report names the same test twice: a failure is never hidden by a
   * pass.
   */
  static TestOutcome worst(TestOutcome a, TestOutcome b) {
    if (a == FAILED || b == FAILED) {
      return FAILED;
    }
    return a == PASSED || b == PASSED ? PASSED : SKIPPED;
  }
}
