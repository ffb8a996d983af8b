package dev.taskmill.workflow;

import dev.taskmill.evaluation.EvaluationActivity;
import dev.taskmill.evaluation.EvaluationStatus;
import dev.taskmill.evaluation.EvaluationTask;
import dev.taskmill.evaluation.InstanceVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs one {@code EvaluatePrediction} activity per task, at most {@code parallel} at a time, and
 * keeps the verdicts in task order. An activity that fails for good becomes that prediction's error
 * verdict: one broken instance never ends the evaluation. Deterministic, no I/O.
 */
public class EvaluationWorkflowImpl implements EvaluationWorkflow {
  private final EvaluationActivity activity =
      Workflow.newActivityStub(EvaluationActivity.class, ActivityOptionsCatalog.EVALUATION);
  private InstanceVerdict[] verdicts = new InstanceVerdict[0];

  @Override
  public EvaluationResult run(EvaluationRequest request) {
    List<EvaluationTask> tasks = request.tasks();
    verdicts = new InstanceVerdict[tasks.size()];
    List<Promise<Void>> running = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      if (running.size() >= request.parallel()) {
        Promise.anyOf(running).get();
        running.removeIf(Promise::isCompleted);
      }
      EvaluationTask task = tasks.get(i);
      int slot = i;
      running.add(
          Async.function(activity::evaluate, task)
              .handle(
                  (verdict, failure) -> {
                    verdicts[slot] = failure == null ? verdict : failed(task, failure);
                    return null;
                  }));
    }
    Promise.allOf(running).get();
    return evaluated();
  }

  @Override
  public EvaluationResult evaluated() {
    return new EvaluationResult(Arrays.stream(verdicts).filter(Objects::nonNull).toList());
  }

  /**
   * The verdict of a prediction whose activity gave up: the failure's one line, as an environment
   * error.
   */
  static InstanceVerdict failed(EvaluationTask task, RuntimeException failure) {
    Throwable cause =
        failure instanceof ActivityFailure activityFailure ? activityFailure.getCause() : failure;
    String line =
        cause instanceof ApplicationFailure app
            ? app.getOriginalMessage()
            : cause == null ? failure.getMessage() : cause.getMessage();
    return InstanceVerdict.without(
        task, EvaluationStatus.ENVIRONMENT_FAILED, "evaluation failed: " + line);
  }
}
