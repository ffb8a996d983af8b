package dev.taskmill.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Cancels a run; its activities stop at their next heartbeat and no task-N is left behind. */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill cancel taskmill/github.com/pallets/click/pr-3764/in-5f1c2a9e --address localhost:7233"
    },
    name = "cancel",
    description = "Cancel a run.")
final class CancelCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin RunIdOptions run;

  @Override
  public Integer call() {
    try (TemporalSession session = TemporalSession.connect(connection)) {
      RunLookup.status(session.client(), run.workflowId);
      session.client().cancel(run.workflowId);
      System.out.println("cancel requested for " + run.workflowId);
      return 0;
    }
  }
}
