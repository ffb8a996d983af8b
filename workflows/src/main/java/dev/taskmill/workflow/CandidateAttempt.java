package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A PR that taskmill picked by itself and left, and why (the failure type's name and its one line).
 *
 * @param rejectedDir where its report was filed under samples/.rejected, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CandidateAttempt(int prNumber, String failure, String reason, String rejectedDir) {
  public CandidateAttempt {
    if (prNumber <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + prNumber);
    }
    failure = failure == null ? "INTERNAL" : failure;
    reason = reason == null ? "" : reason;
  }

  /** "#12 (no test goes from fail to pass)". */
  public String describe() {
    return "#" + prNumber + " (" + reason + ")";
  }
}
