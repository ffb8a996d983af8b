package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the progress query returns: every phase, the current detail and, at the end, the outcome.
 *
 * @param outcome null while running (or again after a rejected candidate), else how the run ended
 * @param candidatesLeft PRs that taskmill picked by itself and left for a rejection, in the order
 *     tried
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(
    List<PhaseProgress> phases,
    String detail,
    RunOutcome outcome,
    String sampleDir,
    List<CandidateAttempt> candidatesLeft) {
  public Progress {
    phases = phases == null ? List.of() : List.copyOf(phases);
    detail = detail == null ? "" : detail;
    candidatesLeft = candidatesLeft == null ? List.of() : List.copyOf(candidatesLeft);
  }

  /** A board with no candidate left behind. */
  public Progress(List<PhaseProgress> phases, String detail, RunOutcome outcome, String sampleDir) {
    this(phases, detail, outcome, sampleDir, List.of());
  }

  /** The share of phases that have finished, from 0 to 1. */
  public double fractionDone() {
    if (phases.isEmpty()) {
      return 0;
    }
    return phases.stream().filter(p -> p.state().finished()).count() / (double) phases.size();
  }
}
