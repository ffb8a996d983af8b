package dev.taskmill.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Makes one validated bug-fix sample from a repository, phase by phase. */
@WorkflowInterface
public interface SampleCreationWorkflow {
  @WorkflowMethod(name = "SampleCreation")
  SampleResult run(SampleRequest request);

  /** Each phase's state, times and detail line; answers while the workflow runs and after. */
  @QueryMethod(name = "progress")
  Progress progress();
}
