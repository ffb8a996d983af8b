package dev.taskmill.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * What the trajectory submitted and what its patch did when run with the PR's tests in the sample's
 * image.
 *
 * @param submittedPatch the diff the trajectory submits (source changes only, as a model patch)
 * @param evaluatedBy the stage log whose per-test results decided this outcome
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrajectoryOutcome(
    String submittedPatch,
    TestSplit failToPass,
    TestSplit passToPass,
    boolean resolved,
    String evaluatedBy) {
  public TrajectoryOutcome {
    submittedPatch = submittedPatch == null ? "" : submittedPatch;
    Objects.requireNonNull(failToPass, "failToPass");
    Objects.requireNonNull(passToPass, "passToPass");
  }

  /** The tests of one list split by their status in the run (as SWE-bench's report names them). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TestSplit(List<String> success, List<String> failure) {
    public TestSplit {
      success = success == null ? List.of() : List.copyOf(success);
      failure = failure == null ? List.of() : List.copyOf(failure);
    }
  }
}
