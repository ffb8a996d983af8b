package dev.taskmill.batch;

import dev.taskmill.workflow.SampleResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an existing sample run through the worker's own client, heartbeating between short
 * waits.
 */
public final class ExistingRunActivityImpl implements ExistingRunActivity {
  /**
   * Each wait for the result this long, then a heartbeat: well inside the one-minute heartbeat
   * timeout.
   */
  static final long WAIT_SECONDS = 10;

  @Override
  public BatchItem await(ExistingRun run) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    WorkflowClient client = context.getWorkflowClient();
    while (true) {
      try {
        SampleResult result =
            client
                .newUntypedWorkflowStub(run.workflowId())
                .getResult(WAIT_SECONDS, TimeUnit.SECONDS, SampleResult.class);
        return new BatchItem(
            run.workflowId(),
            run.repoUrl(),
            result.analysis().pullRequest().number(),
            BatchItemStatus.CREATED,
            null,
            result.analysis().stack().language().name().toLowerCase(Locale.ROOT),
            result.sample() == null ? null : result.sample().sampleDir(),
            "",
            true);
      } catch (TimeoutException stillRunning) {
        context.heartbeat(run.workflowId());
      } catch (WorkflowException failed) {
        Throwable cause = failed.getCause();
        return new BatchItem(
            run.workflowId(),
            run.repoUrl(),
            run.prNumber(),
            BatchItemStatus.REJECTED,
            RunFailures.type(cause).name(),
            RunFailures.language(cause),
            null,
            RunFailures.oneLine(cause),
            true);
      }
    }
  }
}
