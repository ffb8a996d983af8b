package dev.taskmill.evaluation;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Evaluates one prediction: tests.patch + the model patch on the sample's base, in the sample's
 * image.
 */
@ActivityInterface
public interface EvaluationActivity {
  @ActivityMethod(name = "EvaluatePrediction")
  InstanceVerdict evaluate(EvaluationTask task);
}
