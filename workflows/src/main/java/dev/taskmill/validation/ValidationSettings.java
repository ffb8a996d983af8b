package dev.taskmill.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How strictly and how long to validate.
 *
 * @param reruns how many extra times the fail and post stages run to find flaky tests
 * @param stageTimeoutSeconds the wall time one stage may take before its container is killed
 * @param cpus CPU limit per container
 * @param memoryMb memory limit per container
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationSettings(int reruns, int stageTimeoutSeconds, double cpus, int memoryMb) {
  public static final ValidationSettings DEFAULTS = new ValidationSettings(1, 900, 2.0, 4096);

  public ValidationSettings {
    if (reruns < 0 || reruns > 10) {
      throw new IllegalArgumentException("reruns must be between 0 and 10: " + reruns);
    }
    if (stageTimeoutSeconds < 5) {
      throw new IllegalArgumentException(
          "stageTimeoutSeconds must be at least 5: " + stageTimeoutSeconds);
    }
    if (cpus <= 0) {
      throw new IllegalArgumentException("cpus must be positive: " + cpus);
    }
    if (memoryMb < 128) {
      throw new IllegalArgumentException("memoryMb must be at least 128: " + memoryMb);
    }
  }
}
