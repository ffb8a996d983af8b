package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.evaluation.EvaluationTask;
import java.util.List;

/**
 * A whole evaluation: one task per prediction (paths only) and how many run at once.
 *
 * @param parallel the most predictions evaluated at the same time (each is one test stage on a
 *     Docker worker)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationRequest(List<EvaluationTask> tasks, int parallel) {
  public EvaluationRequest {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    if (parallel < 1 || parallel > 64) {
      throw new IllegalArgumentException("parallel must be between 1 and 64: " + parallel);
    }
  }
}
