package dev.taskmill.trajectory;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Phase 3: writes the ideal and the failed trajectory, every observation run in the sample's image.
 */
@ActivityInterface
public interface TrajectoryActivity {
  @ActivityMethod(name = "WriteTrajectories")
  TrajectoryOutput write(TrajectoryInput input);
}
