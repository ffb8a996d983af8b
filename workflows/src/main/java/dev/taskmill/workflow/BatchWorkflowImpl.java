package dev.taskmill.workflow;

import dev.taskmill.analysis.AnalysisInput;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.Candidate;
import dev.taskmill.analysis.RepositoryAnalysisActivity;
import dev.taskmill.batch.BatchEntry;
import dev.taskmill.batch.BatchItem;
import dev.taskmill.batch.BatchItemStatus;
import dev.taskmill.batch.BatchProgress;
import dev.taskmill.batch.BatchRequest;
import dev.taskmill.batch.BatchSummary;
import dev.taskmill.batch.ExistingRun;
import dev.taskmill.batch.ExistingRunActivity;
import dev.taskmill.batch.RunFailures;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Starts one child SampleCreation run per repository and PR, at most {@code concurrency} at a time,
 * counts how each ended, and continues as new after {@code childrenPerRun} children. Deterministic,
 * no I/O.
 */
public class BatchWorkflowImpl implements BatchWorkflow {
  /** A child may take as long as a run submitted by itself (TaskmillClient's limit). */
  static final Duration CHILD_RUN_TIMEOUT = Duration.ofHours(24);

  private final RepositoryAnalysisActivity ranking =
      Workflow.newActivityStub(RepositoryAnalysisActivity.class, ActivityOptionsCatalog.RANKING);
  private final ExistingRunActivity existing =
      Workflow.newActivityStub(
          ExistingRunActivity.class, ActivityOptionsCatalog.AWAIT_EXISTING_RUN);
  private BatchRequest request;
  private BatchSummary summary = BatchSummary.EMPTY;
  private final Set<String> running = new LinkedHashSet<>();
  private final Set<String> startedHere = new LinkedHashSet<>();
  private final List<BatchItem> ended = new ArrayList<>();
  private int entriesStarted;
  private boolean finished;

  @Override
  public BatchSummary run(BatchRequest request) {
    this.request = request;
    this.summary = request.summary();
    List<BatchEntry> entries = request.entries();
    int next = 0;
    while (next < entries.size() && !timeToContinueAsNew()) {
      BatchEntry entry = entries.get(next);
      for (Integer pr : plan(entry)) {
        startChild(entry.repoUrl(), pr);
      }
      next++;
      entriesStarted = next;
    }
    // Children must end before this run does: continuing as new (or completing) would cancel them.
    Workflow.await(running::isEmpty);
    if (next < entries.size()) {
      Workflow.continueAsNew(request.continued(next, summary));
    }
    finished = true;
    publishDetails();
    return summary;
  }

  private boolean timeToContinueAsNew() {
    return startedHere.size() >= request.childrenPerRun()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /**
   * The PRs to run for one entry: its own, or null (the child picks, as `taskmill run REPO` does),
   * or with --mine the N best eligible candidates in phase 1's ranking, the pick first: the order
   * the auto-pick would try them in.
   */
  private List<Integer> plan(BatchEntry entry) {
    if (entry.prNumber() != null || request.mine() == null) {
      List<Integer> one = new ArrayList<>();
      one.add(entry.prNumber());
      return one;
    }
    AnalysisOutput ranked;
    try {
      ranked = ranking.analyze(new AnalysisInput(entry.repoUrl(), null, request.githubApiUrl()));
    } catch (ActivityFailure failure) {
      Throwable cause = failure.getCause();
      record(
          new BatchItem(
              null,
              entry.repoUrl(),
              null,
              BatchItemStatus.REJECTED,
              RunFailures.type(cause).name(),
              null,
              null,
              "ranking failed: " + RunFailures.oneLine(cause),
              false));
      return List.of();
    }
    List<Integer> best = new ArrayList<>();
    best.add(ranked.pullRequest().number());
    for (Candidate candidate : ranked.candidates()) {
      if (best.size() >= request.mine()) {
        break;
      }
      if (candidate.eligible() && !best.contains(candidate.number())) {
        best.add(candidate.number());
      }
    }
    return best;
  }

  private void startChild(String repoUrl, Integer pr) {
    SampleRequest child =
        SampleRequest.builder(repoUrl, request.samplesDir())
            .pr(pr)
            .githubApiUrl(request.githubApiUrl())
            .validation(request.validation())
            .searchAttributes(request.searchAttributes())
            .maxCandidates(request.maxCandidates())
            .build();
    // The id `taskmill run` gives the same work: a run already made or running is attached to,
    // never doubled.
    String id = WorkflowIds.forRequest(child);
    if (!startedHere.add(id)) {
      return; // the same repository and PR twice in one batch (an explicit PR that --mine also
      // ranked)
    }
    Workflow.await(() -> running.size() < request.concurrency());
    running.add(id);
    publishDetails();
    Async.procedure(
        () -> {
          try {
            record(runChild(id, child));
          } finally {
            running.remove(id);
            publishDetails();
          }
        });
  }

  private BatchItem runChild(String id, SampleRequest child) {
    SampleCreationWorkflow stub =
        Workflow.newChildWorkflowStub(SampleCreationWorkflow.class, options(id, child));
    try {
      SampleResult result = stub.run(child);
      return new BatchItem(
          id,
          child.repoUrl(),
          result.analysis().pullRequest().number(),
          BatchItemStatus.CREATED,
          null,
          result.analysis().stack().language().name().toLowerCase(Locale.ROOT),
          result.sample() == null ? null : result.sample().sampleDir(),
          "",
          false);
    } catch (ChildWorkflowFailure failure) {
      if (failure.getCause() instanceof WorkflowExecutionAlreadyStarted) {
        return awaitExisting(id, child);
      }
      Throwable cause = failure.getCause();
      return new BatchItem(
          id,
          child.repoUrl(),
          child.prNumber(),
          BatchItemStatus.REJECTED,
          RunFailures.type(cause).name(),
          RunFailures.language(cause),
          null,
          RunFailures.oneLine(cause),
          false);
    }
  }

  private BatchItem awaitExisting(String id, SampleRequest child) {
    try {
      return existing.await(new ExistingRun(id, child.repoUrl(), child.prNumber()));
    } catch (ActivityFailure failure) {
      return new BatchItem(
          id,
          child.repoUrl(),
          child.prNumber(),
          BatchItemStatus.REJECTED,
          RunFailures.type(failure.getCause()).name(),
          null,
          null,
          "could not follow the existing run: " + RunFailures.oneLine(failure.getCause()),
          true);
    }
  }

  private void record(BatchItem item) {
    ended.add(item);
    summary = summary.plus(item);
  }

  private ChildWorkflowOptions options(String id, SampleRequest child) {
    String pr = child.prNumber() == null ? "the best bug-fix PR" : "PR #" + child.prNumber();
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TaskQueues.LIGHT)
        .setWorkflowExecutionTimeout(CHILD_RUN_TIMEOUT)
        // As for `taskmill submit`: a failed run may run again, a running or completed one never
        // twice.
        .setWorkflowIdReusePolicy(
            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        // A cancelled or terminated batch asks its children to stop rather than leaving them
        // orphaned.
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
        .setStaticSummary(
            "Sample from " + RepoSlug.of(child.repoUrl()).value() + " (" + pr + "), in a batch")
        .build();
  }

  @Override
  public BatchProgress progress() {
    int total = request == null ? 0 : request.total();
    int before = request == null ? 0 : request.done();
    return new BatchProgress(
        total, before + entriesStarted, List.copyOf(running), ended, summary, finished);
  }

  /** The Web UI shows this as the batch's current details. */
  private void publishDetails() {
    Workflow.setCurrentDetails(
        String.format(
            Locale.ROOT,
            "entries started: %d of %d\nrunning: %d\nsamples made: %d\nrejected: %d %s",
            request.done() + entriesStarted,
            request.total(),
            running.size(),
            summary.samplesMade(),
            summary.rejected(),
            summary.rejectionsByReason()));
  }
}
