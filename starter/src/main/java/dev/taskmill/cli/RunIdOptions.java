package dev.taskmill.cli;

import picocli.CommandLine.Parameters;

/** The workflow id of a run, as printed by submit and run. */
public final class RunIdOptions {
  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run's workflow id (printed by submit).")
  String workflowId;
}
