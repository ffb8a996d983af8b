package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;
import java.util.function.Function;

/** One figure for each trajectory, written as {"idealTrajectory": …, "failedTrajectory": …}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PerTrajectory<T>(T idealTrajectory, T failedTrajectory) {
  public PerTrajectory {
    Objects.requireNonNull(idealTrajectory, "idealTrajectory");
    Objects.requireNonNull(failedTrajectory, "failedTrajectory");
  }

  /** {@code f} applied to both trajectories. */
  public static <T> PerTrajectory<T> of(
      TrajectoryPair pair, Function<dev.taskmill.trajectory.Trajectory, T> f) {
    return new PerTrajectory<>(f.apply(pair.ideal()), f.apply(pair.failed()));
  }
}
