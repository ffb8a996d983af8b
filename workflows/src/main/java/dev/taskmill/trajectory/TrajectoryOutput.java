package dev.taskmill.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * The two trajectories, by path, and the figures the board and the report show.
 *
 * @param idealTrajectory absolute path of ideal_trajectory.json in the work area
 * @param failedTrajectory absolute path of failed_trajectory.json in the work area
 * @param failureMode the failed trajectory's mode (FailureMode name), or "NONE" when every
 *     candidate passed
 * @param weakTests true when every wrong-fix candidate passed all tests: a finding about the PR's
 *     tests
 * @param stillFailing FAIL_TO_PASS tests that still fail after the failed trajectory's patch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrajectoryOutput(
    String idealTrajectory,
    String failedTrajectory,
    int idealSteps,
    int failedSteps,
    boolean idealResolved,
    String failureMode,
    int divergenceStep,
    boolean weakTests,
    List<String> stillFailing,
    long millis) {
  public TrajectoryOutput {
    Objects.requireNonNull(idealTrajectory, "idealTrajectory");
    Objects.requireNonNull(failedTrajectory, "failedTrajectory");
    failureMode = failureMode == null ? "NONE" : failureMode;
    stillFailing = stillFailing == null ? List.of() : List.copyOf(stillFailing);
  }
}
