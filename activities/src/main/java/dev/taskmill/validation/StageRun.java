package dev.taskmill.validation;

import dev.taskmill.docker.ContainerRun;
import dev.taskmill.validation.report.TestResults;

/**
 * One finished stage: its summary for the workflow, its per-test results and the Docker timings.
 */
public record StageRun(
    PlannedStage stage, StageResult result, TestResults tests, ContainerRun container) {
  public int exitCode() {
    return result.exitCode();
  }

  public boolean timedOut() {
    return result.timedOut();
  }
}
