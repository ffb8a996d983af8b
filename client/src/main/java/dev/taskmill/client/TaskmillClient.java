package dev.taskmill.client;

import dev.taskmill.batch.BatchProgress;
import dev.taskmill.batch.BatchRequest;
import dev.taskmill.batch.BatchSummary;
import dev.taskmill.phase.Phase;
import dev.taskmill.workflow.BatchWorkflow;
import dev.taskmill.workflow.EvaluationRequest;
import dev.taskmill.workflow.EvaluationResult;
import dev.taskmill.workflow.EvaluationWorkflow;
import dev.taskmill.workflow.Progress;
import dev.taskmill.workflow.RepoSlug;
import dev.taskmill.workflow.SampleCreationWorkflow;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import dev.taskmill.workflow.TaskQueues;
import dev.taskmill.workflow.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;

/**
 * The facade other programs call: submit a sample run or a batch, follow its progress, wait for it,
 * cancel it. Submitting the same repository and PR twice attaches to the first run instead of
 * starting another.
 */
public final class TaskmillClient {
  /** A whole run may take hours on a big repository; beyond a day something is stuck. */
  static final Duration RUN_TIMEOUT = Duration.ofHours(24);

  /** Thousands of predictions at a few minutes each, spread over the Docker workers. */
  static final Duration EVALUATION_TIMEOUT = Duration.ofDays(3);

  /**
   * Thousands of repositories at a few minutes each, a few at a time; across every continue-as-new.
   */
  static final Duration BATCH_TIMEOUT = Duration.ofDays(14);

  private final WorkflowClient client;
  private final boolean searchAttributes;

  public TaskmillClient(WorkflowClient client, boolean searchAttributes) {
    this.client = client;
    this.searchAttributes = searchAttributes;
  }

  public WorkflowClient workflowClient() {
    return client;
  }

  /** Starts the run (or attaches to the same run already submitted) and returns at once. */
  public Submission submit(SampleRequest request) {
    SampleRequest withAttributes = request.toBuilder().searchAttributes(searchAttributes).build();
    String id = WorkflowIds.forRequest(request);
    SampleCreationWorkflow workflow =
        client.newWorkflowStub(SampleCreationWorkflow.class, options(id, request));
    try {
      WorkflowClient.start(workflow::run, withAttributes);
      return new Submission(id, false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Submission(id, true);
    }
  }

  /**
   * Waits for the run and returns its result, or throws TaskmillException with the failure's one
   * line.
   */
  public SampleResult await(String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).getResult(SampleResult.class);
    } catch (WorkflowException e) {
      throw FailureTranslator.translate(e);
    }
  }

  /**
   * The progress board of a run, running or finished; a phase whose activity waits for a worker of
   * its task queue says so ({@link QueueWaits}).
   */
  public Progress progress(String workflowId) {
    Progress board = client.newWorkflowStub(SampleCreationWorkflow.class, workflowId).progress();
    return QueueWaits.annotate(
        board,
        client.getWorkflowServiceStubs(),
        client.getOptions().getNamespace(),
        workflowId,
        java.time.Instant.now());
  }

  /** The server's view of a run: RUNNING, COMPLETED, FAILED, ... */
  public WorkflowExecutionStatus status(String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }

  /** Asks the run to stop; running activities see it at their next heartbeat. */
  public void cancel(String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    stub.cancel();
  }

  /**
   * Starts an evaluation under {@code workflowId}, or attaches to the one of that id still running
   * (a CLI that stopped and was started again). A finished evaluation of the same id is run again.
   */
  public Submission submitEvaluation(String workflowId, EvaluationRequest request) {
    EvaluationWorkflow workflow =
        client.newWorkflowStub(
            EvaluationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.LIGHT)
                .setWorkflowExecutionTimeout(EVALUATION_TIMEOUT)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setStaticSummary("Evaluate " + request.tasks().size() + " prediction(s)")
                .build());
    try {
      WorkflowClient.start(workflow::run, request);
      return new Submission(workflowId, false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Submission(workflowId, true);
    }
  }

  /** The verdicts an evaluation has so far. */
  public EvaluationResult evaluated(String workflowId) {
    return client.newWorkflowStub(EvaluationWorkflow.class, workflowId).evaluated();
  }

  /** Waits for the evaluation; a failure of the workflow itself becomes a TaskmillException. */
  public EvaluationResult awaitEvaluation(String workflowId, Duration timeout)
      throws java.util.concurrent.TimeoutException {
    try {
      return client
          .newUntypedWorkflowStub(workflowId)
          .getResult(
              timeout.toMillis(),
              java.util.concurrent.TimeUnit.MILLISECONDS,
              EvaluationResult.class);
    } catch (WorkflowException e) {
      throw FailureTranslator.translate(e);
    }
  }

  /**
   * Starts a batch under {@code workflowId}, or attaches to the batch of that id still running (a
   * CLI started again on the same file). A finished batch of the same id runs again: its children
   * attach to the runs already made.
   */
  public Submission submitBatch(String workflowId, BatchRequest request) {
    BatchRequest withAttributes =
        request.withChildOptions(
            request.maxCandidates(),
            request.githubApiUrl(),
            request.validation(),
            searchAttributes);
    BatchWorkflow workflow =
        client.newWorkflowStub(
            BatchWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.LIGHT)
                .setWorkflowExecutionTimeout(BATCH_TIMEOUT)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setStaticSummary(
                    "Batch of "
                        + request.total()
                        + " entr"
                        + (request.total() == 1 ? "y" : "ies")
                        + (request.mine() == null
                            ? ""
                            : ", the " + request.mine() + " best PRs of each repository")
                        + ", "
                        + request.concurrency()
                        + " at a time")
                .setStaticDetails("samples: " + request.samplesDir())
                .build());
    try {
      WorkflowClient.start(workflow::run, withAttributes);
      return new Submission(workflowId, false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Submission(workflowId, true);
    }
  }

  /**
   * A batch's counts, running children and ended items (of its current run, after continue-as-new).
   */
  public BatchProgress batchProgress(String workflowId) {
    return client.newWorkflowStub(BatchWorkflow.class, workflowId).progress();
  }

  /** Waits for the batch (following its continue-as-new runs) and returns its summary. */
  public BatchSummary awaitBatch(String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).getResult(BatchSummary.class);
    } catch (WorkflowException e) {
      throw FailureTranslator.translate(e);
    }
  }

  private static WorkflowOptions options(String id, SampleRequest request) {
    String what = request.stopAfter() == Phase.PATCHES ? "Analyse " : "Sample from ";
    String pr = request.prNumber() == null ? "the best bug-fix PR" : "PR #" + request.prNumber();
    return WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TaskQueues.LIGHT)
        .setWorkflowExecutionTimeout(RUN_TIMEOUT)
        // A failed run may be submitted again; a running or completed one is never run twice.
        .setWorkflowIdReusePolicy(
            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .setStaticSummary(what + RepoSlug.of(request.repoUrl()).value() + " (" + pr + ")")
        .setStaticDetails(
            "repository: "
                + request.repoUrl()
                + "\nPR: "
                + pr
                + "\nsamples: "
                + request.samplesDir()
                + "\nphases: 1-"
                + (request.stopAfter().ordinal() + 1))
        .build();
  }
}
