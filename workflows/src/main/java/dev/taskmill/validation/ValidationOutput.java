package dev.taskmill.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The three-run validation: every stage run, and the per-test verdict.
 *
 * @param flaky tests whose result changed between reruns; in neither list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationOutput(
    List<StageResult> stages,
    List<String> failToPass,
    List<String> passToPass,
    List<String> flaky) {
  public ValidationOutput {
    stages = stages == null ? List.of() : List.copyOf(stages);
    failToPass = failToPass == null ? List.of() : List.copyOf(failToPass);
    passToPass = passToPass == null ? List.of() : List.copyOf(passToPass);
    flaky = flaky == null ? List.of() : List.copyOf(flaky);
  }
}
