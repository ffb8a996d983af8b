package dev.taskmill.assembly;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The end of phase 5: move a validated sample into samples/task-N atomically, or file a rejection.
 */
@ActivityInterface
public interface SampleAssemblyActivity {
  @ActivityMethod(name = "AssembleSample")
  AssemblyOutput assemble(AssemblyInput input);

  @ActivityMethod(name = "RejectSample")
  RejectionOutput reject(RejectionInput input);
}
