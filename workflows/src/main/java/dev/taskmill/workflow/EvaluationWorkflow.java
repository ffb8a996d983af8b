package dev.taskmill.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Evaluates a list of predictions against their samples, each prediction one activity on the Docker
 * queue.
 */
@WorkflowInterface
public interface EvaluationWorkflow {
  @WorkflowMethod(name = "Evaluation")
  EvaluationResult run(EvaluationRequest request);

  /** The verdicts so far (a prediction still running has none yet). */
  @QueryMethod(name = "evaluated")
  EvaluationResult evaluated();
}
