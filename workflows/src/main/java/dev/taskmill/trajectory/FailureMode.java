package dev.taskmill.trajectory;

/**
 * How a failed trajectory goes wrong, in the order its candidates are tried (docs/trajectories.md).
 */
public enum FailureMode {
  INCOMPLETE_FIX("incomplete fix", "a strict subset of the fix's hunks or files"),
  WRONG_LOCATION(
      "wrong location", "the right edit applied in the wrong place, among the search hits"),
  SYMPTOM_GUARD("symptom guard", "a guard at the failing call site that hides the symptom"),
  MUTATED_FIX(
      "mutated fix", "a small mutation of the fix's added lines (operator, condition, off-by-one)"),
  TEST_EDITED("test edited instead of code", "the test was changed and the code left alone"),
  NONE("none", "every candidate passed all tests: the PR's tests are weak");

  private final String label;
  private final String description;

  FailureMode(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** The broad class a mode belongs to, for failureModeAnalysis. */
  public String failureClass() {
    return switch (this) {
      case INCOMPLETE_FIX, MUTATED_FIX -> "incorrect-fix";
      case WRONG_LOCATION -> "localization";
      case SYMPTOM_GUARD -> "symptom-masking";
      case TEST_EDITED -> "test-tampering";
      case NONE -> "none";
    };
  }
}
