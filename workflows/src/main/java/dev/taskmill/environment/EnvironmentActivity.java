package dev.taskmill.environment;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Phase 4: write the Dockerfile and run.sh for the detected stack and build the environment image.
 */
@ActivityInterface
public interface EnvironmentActivity {
  @ActivityMethod(name = "PrepareEnvironment")
  EnvironmentOutput prepare(EnvironmentInput input);
}
