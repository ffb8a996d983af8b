package dev.taskmill.evaluation;

/** How the evaluation of one prediction ended, before and besides its per-test verdict. */
public enum EvaluationStatus {
  /** The tests ran; resolved says whether every FAIL_TO_PASS and PASS_TO_PASS test passed. */
  TESTS_RAN(false),
  /** The model patch is empty: nothing to run, not resolved (SWE-bench's "empty patch"). */
  EMPTY_PATCH(false),
  /** No sample in the samples directory has this instance_id. */
  UNKNOWN_INSTANCE(true),
  /** tests.patch applied, the model patch did not. */
  PATCH_DOES_NOT_APPLY(false),
  /** The patches applied but the project or its tests do not build. */
  BUILD_FAILED(false),
  /** The test stage ran past its timeout. */
  TIMED_OUT(false),
  /** The stage script broke without test reports. */
  RUNNER_FAILED(true),
  /** The sample's image is missing and does not rebuild, or the sample folder is unreadable. */
  ENVIRONMENT_FAILED(true);

  private final boolean error;

  EvaluationStatus(boolean error) {
    this.error = error;
  }

  /**
   * True when the harness, not the model, is why there is no verdict (SWE-bench's "error"
   * instances).
   */
  public boolean error() {
    return error;
  }
}
