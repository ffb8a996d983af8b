package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.trajectory.FailureMode;
import java.util.List;
import java.util.Objects;

/**
 * The failed trajectory's failure mode, classified, with the step where it left the ideal path and
 * the evidence.
 *
 * @param divergenceStep the id of the failed trajectory's step where it goes wrong, or null when
 *     there is none
 * @param evidence lines of the log of the failed patch's run that name the tests still failing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FailureModeAnalysis(
    FailureMode mode,
    String label,
    String failureClass,
    Integer divergenceStep,
    String description,
    List<String> stillFailing,
    List<String> evidence,
    boolean weakTests) {
  public FailureModeAnalysis {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(failureClass, "failureClass");
    description = description == null ? "" : description;
    stillFailing = List.copyOf(stillFailing);
    evidence = List.copyOf(evidence);
    if (weakTests != (mode == FailureMode.NONE)) {
      throw new IllegalArgumentException(
          "mode is NONE exactly when the tests are weak: " + mode + ", " + weakTests);
    }
    if (divergenceStep != null && divergenceStep < 1) {
      throw new IllegalArgumentException("step ids start at 1: " + divergenceStep);
    }
  }
}
