package dev.taskmill.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * The verdict on one prediction: small figures only; the per-test lists are in {@code reportFile}
 * (the instance's entry of the SWE-bench-shaped report), the test output in {@code log}.
 *
 * @param detail one line: why it is not resolved, or what ran
 * @param reportFile absolute path of {@code {instance_id: {resolved, tests_status, ...}}}, or null
 * @param log absolute path of the stage log, or null when nothing ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceVerdict(
    String instanceId,
    String modelName,
    EvaluationStatus status,
    boolean resolved,
    int failToPassPassed,
    int failToPassFailed,
    int passToPassPassed,
    int passToPassFailed,
    String detail,
    String reportFile,
    String log,
    long millis) {
  public InstanceVerdict {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(status, "status");
    modelName = modelName == null ? "" : modelName;
    detail = detail == null ? "" : detail;
    if (resolved && status != EvaluationStatus.TESTS_RAN) {
      throw new IllegalArgumentException(
          "only a run of the tests can resolve an instance, not " + status);
    }
  }

  /**
   * A verdict with no test run behind it (empty patch, unknown instance, an activity that gave up).
   */
  public static InstanceVerdict without(
      EvaluationTask task, EvaluationStatus status, String detail) {
    return new InstanceVerdict(
        task.instanceId(), task.modelName(), status, false, 0, 0, 0, 0, detail, null, null, 0);
  }
}
