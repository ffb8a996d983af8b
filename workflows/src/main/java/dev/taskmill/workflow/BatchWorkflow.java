package dev.taskmill.workflow;

import dev.taskmill.batch.BatchProgress;
import dev.taskmill.batch.BatchRequest;
import dev.taskmill.batch.BatchSummary;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Mines many repositories: one child SampleCreation run per repository and PR, a few at a time. */
@WorkflowInterface
public interface BatchWorkflow {
  @WorkflowMethod(name = "Batch")
  BatchSummary run(BatchRequest request);

  /** Counts, the children running now and the items ended in this run of the workflow. */
  @QueryMethod(name = "batchProgress")
  BatchProgress progress();
}
