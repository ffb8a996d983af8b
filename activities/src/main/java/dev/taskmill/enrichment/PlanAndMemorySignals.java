package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/** Signals of planning and memory in each trajectory. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanAndMemorySignals(Signals idealTrajectory, Signals failedTrajectory) {
  public PlanAndMemorySignals {
    Objects.requireNonNull(idealTrajectory, "idealTrajectory");
    Objects.requireNonNull(failedTrajectory, "failedTrajectory");
  }

  /**
   * @param thoughts steps with a non-blank thought
   * @param reproducedBeforeEdit a reproduce step ran before the first edit of a non-test file
   * @param verificationRunsAfterLastEdit verify steps after the last edit of a non-test file
   * @param fileRereads views of a file already viewed with no edit of it in between
   * @param planChanges returns to the explore or locate phase after an edit
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Signals(
      int thoughts,
      boolean reproducedBeforeEdit,
      int verificationRunsAfterLastEdit,
      int fileRereads,
      int planChanges) {
    public Signals {
      if (thoughts < 0 || verificationRunsAfterLastEdit < 0 || fileRereads < 0 || planChanges < 0) {
        throw new IllegalArgumentException("signal counts cannot be negative");
      }
    }
  }
}
