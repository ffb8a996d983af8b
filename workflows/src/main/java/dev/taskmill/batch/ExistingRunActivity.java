package dev.taskmill.batch;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Waits for a sample run that a batch found already started under the id it wanted (a duplicate),
 * so that the batch counts that run's outcome instead of starting a second one. A workflow cannot
 * wait for a run it did not start.
 */
@ActivityInterface
public interface ExistingRunActivity {
  /** Heartbeats while the run goes on; returns how it ended. */
  @ActivityMethod(name = "AwaitExistingRun")
  BatchItem await(ExistingRun run);
}
