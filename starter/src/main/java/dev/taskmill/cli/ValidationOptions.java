package dev.taskmill.cli;

import dev.taskmill.validation.ValidationSettings;
import picocli.CommandLine.Option;

/**
 * How phase 5 runs the stages: reruns for flaky tests and one stage's wall time (run and batch).
 */
public final class ValidationOptions {
  @Option(
      names = "--reruns",
      defaultValue = "1",
      description =
          "Extra runs of the fail and post stages to catch flaky tests (default: ${DEFAULT-VALUE}).")
  int reruns;

  @Option(
      names = "--stage-timeout",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "Wall time one test stage may take (default: ${DEFAULT-VALUE}).")
  int stageTimeout;

  /** The settings these options give, with the default container limits; one line when invalid. */
  ValidationSettings settings() {
    if (reruns < 0 || reruns > 10) {
      throw new UserError(3, "--reruns " + reruns + " is out of range; give 0 to 10 extra runs");
    }
    if (stageTimeout < 5) {
      throw new UserError(
          3, "--stage-timeout " + stageTimeout + " is too short; give at least 5 (seconds)");
    }
    try {
      return new ValidationSettings(
          reruns,
          stageTimeout,
          ValidationSettings.DEFAULTS.cpus(),
          ValidationSettings.DEFAULTS.memoryMb());
    } catch (IllegalArgumentException e) {
      throw new UserError(3, e.getMessage());
    }
  }
}
