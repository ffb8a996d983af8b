package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.evaluation.InstanceVerdict;
import java.util.List;

/** The verdicts of an evaluation, in the order of the predictions. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationResult(List<InstanceVerdict> verdicts) {
  public EvaluationResult {
    verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
  }

  @JsonIgnore
  public long resolved() {
    return verdicts.stream().filter(InstanceVerdict::resolved).count();
  }

  /** "resolved K of N", the summary line. */
  @JsonIgnore
  public String summary() {
    return "resolved " + resolved() + " of " + verdicts.size();
  }
}
