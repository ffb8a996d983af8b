package dev.taskmill.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints a run's state and phase board once (a batch: its counts and the children that ended). */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill status taskmill/github.com/pallets/click/pr-3764/in-5f1c2a9e --address localhost:7233"
    },
    name = "status",
    description = "Show a run's phase board once.")
final class StatusCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin RunIdOptions run;

  @Override
  public Integer call() {
    try (TemporalSession session = TemporalSession.connect(connection)) {
      var status = RunLookup.status(session.client(), run.workflowId);
      System.out.println(run.workflowId + ": " + status);
      if (dev.taskmill.workflow.WorkflowIds.isBatch(run.workflowId)) {
        if (!new BatchBoard(session.client(), System.out, session.serverWatch())
            .draw(run.workflowId)) {
          System.out.println("  (no counts: no worker answered; is a worker serving this server?)");
        }
        return 0;
      }
      var progress =
          new LiveBoard(session.client(), System.out, false, session.serverWatch())
              .queryNow(run.workflowId);
      if (progress != null) {
        PhaseBoard.render(progress, System.currentTimeMillis()).forEach(System.out::println);
      } else {
        // The board is a query that a worker answers; a run without a live worker has none to show.
        System.out.println(
            "  (no board: no worker answered within 5 s; is a worker serving this server?)");
      }
      return 0;
    }
  }
}
