package dev.taskmill.cli;

import dev.taskmill.batch.BatchSummary;
import dev.taskmill.workflow.SampleResult;
import dev.taskmill.workflow.WorkflowIds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Follows a run's board live until it ends, then prints its report; a batch's id follows the batch.
 */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill watch taskmill/github.com/pallets/click/pr-3764/in-5f1c2a9e --address localhost:7233"
    },
    name = "watch",
    description = "Follow a run's phase board (or a batch's children) until it ends.")
final class WatchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin RunIdOptions run;

  @Override
  public Integer call() throws Exception {
    try (TemporalSession session = TemporalSession.connect(connection)) {
      RunLookup.status(session.client(), run.workflowId);
      if (WorkflowIds.isBatch(run.workflowId)) {
        BatchSummary summary =
            new BatchBoard(session.client(), System.out, session.serverWatch())
                .followToEnd(run.workflowId);
        BatchBoard.printSummary(summary, System.out);
        return BatchBoard.exitCode(summary);
      }
      SampleResult result =
          new LiveBoard(
                  session.client(), System.out, System.console() != null, session.serverWatch())
              .followToEnd(run.workflowId);
      if (result.sample() != null) {
        Reports.printSample(result, System.out);
      } else {
        Reports.printAnalysis(result.analysis(), result.patches(), System.out);
      }
      return 0;
    }
  }
}
