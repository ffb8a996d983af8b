package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.analysis.AnalysisInput;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Candidate;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.PrSource;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.analysis.RepositoryAnalysisActivity;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import dev.taskmill.assembly.AssemblyOutput;
import dev.taskmill.batch.BatchEntry;
import dev.taskmill.batch.BatchItem;
import dev.taskmill.batch.BatchItemStatus;
import dev.taskmill.batch.BatchRequest;
import dev.taskmill.batch.BatchSummary;
import dev.taskmill.batch.ExistingRun;
import dev.taskmill.batch.ExistingRunActivity;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.patches.ExtractionOutput;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BatchWorkflowImpl on the test environment, with a fake SampleCreation child and fake activities.
 */
class BatchWorkflowTest {
  static final String SAMPLES = "/data/samples";
  static final String SHA = "a".repeat(40);

  TestWorkflowEnvironment env;
  WorkflowClient client;
  FakeExisting existing = new FakeExisting();

  /** Children and activities go to the light queue, as in production; so does the batch. */
  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.LIGHT);
    worker.registerWorkflowImplementationTypes(BatchWorkflowImpl.class, FakeSampleCreation.class);
    worker.registerActivitiesImplementations(new FakeRanking(), existing);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /**
   * A child that takes a minute of workflow time; repositories named "reject..." end in
   * NO_TEST_FLIPS.
   */
  public static class FakeSampleCreation implements SampleCreationWorkflow {
    @Override
    public SampleResult run(SampleRequest request) {
      Workflow.sleep(Duration.ofMinutes(1));
      if (request.repoUrl().contains("reject")) {
        throw Failures.withDetails(
            FailureType.NO_TEST_FLIPS, "no test goes from fail to pass", "java");
      }
      int pr = request.prNumber() == null ? 1 : request.prNumber();
      return new SampleResult(
          Outcome.SAMPLE_CREATED,
          analysis(request.repoUrl(), pr, List.of()),
          new ExtractionOutput(
              "/w/fix.patch", "/w/tests.patch", null, null, null, null, 1, 1, null),
          null,
          null,
          new AssemblyOutput(SAMPLES + "/task-" + pr, pr, List.of(), false),
          new Progress(List.of(), "", null, null));
    }

    @Override
    public Progress progress() {
      return new Progress(List.of(), "", null, null);
    }
  }

  static AnalysisOutput analysis(String repo, int pr, List<Candidate> candidates) {
    return new AnalysisOutput(
        repo,
        "calc",
        "main",
        new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.11", ""),
        new PullRequest(pr, "Fix", "", null, null, true, SHA, SHA, PrSource.MERGE_COMMIT, null),
        candidates,
        "");
  }

  static Candidate candidate(int number, boolean eligible) {
    return new Candidate(
        number,
        "PR " + number,
        SHA,
        PrSource.MERGE_COMMIT,
        1.0,
        List.of(),
        eligible ? 1 : 0,
        1,
        true,
        SHA,
        0,
        10,
        true,
        eligible);
  }

  /** Phase 1's ranking for --mine: picks #5; #7 is not eligible. */
  static final class FakeRanking implements RepositoryAnalysisActivity {
    @Override
    public AnalysisOutput analyze(AnalysisInput input) {
      if (input.repoUrl().contains("gone")) {
        throw Failures.of(FailureType.REPO_UNREACHABLE, "cannot clone " + input.repoUrl());
      }
      return analysis(
          input.repoUrl(),
          5,
          List.of(
              candidate(5, true), candidate(7, false), candidate(9, true), candidate(11, true)));
    }
  }

  /** Says every existing run made a sample, and remembers which it was asked about. */
  static final class FakeExisting implements ExistingRunActivity {
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public BatchItem await(ExistingRun run) {
      asked.add(run.workflowId());
      return new BatchItem(
          run.workflowId(),
          run.repoUrl(),
          run.prNumber(),
          BatchItemStatus.CREATED,
          null,
          "python",
          "/data/samples/task-9",
          "",
          true);
    }
  }

  static List<BatchEntry> repos(String prefix, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new BatchEntry("https://github.com/acme/" + prefix + i, 3))
        .toList();
  }

  /**
   * Runs the batch under {@code id} to its end (across continue-as-new) and returns its summary.
   */
  BatchSummary run(String id, BatchRequest request) {
    BatchWorkflow batch =
        client.newWorkflowStub(
            BatchWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.LIGHT).setWorkflowId(id).build());
    WorkflowClient.start(batch::run, request);
    return client.newUntypedWorkflowStub(id).getResult(BatchSummary.class);
  }

  /**
   * Writes the history for the replay test when -Dtaskmill.recordHistories=DIR is set (as
   * HistoryRecorder does).
   */
  void record(String workflowId, String runId, String name) throws java.io.IOException {
    String dir = System.getProperty("taskmill.recordHistories");
    if (dir != null && !dir.isBlank()) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(dir, name + ".json"),
          client.fetchHistory(workflowId, runId).toJson(true));
    }
  }

  /**
   * The most children running at once, read from the batch's own history (initiated minus ended).
   */
  static int mostAtOnce(List<HistoryEvent> events) {
    int now = 0;
    int most = 0;
    for (HistoryEvent e : events) {
      if (e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
        most = Math.max(most, ++now);
      } else if (e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED
          || e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED) {
        now--;
      }
    }
    return most;
  }

  @Nested
  class ConcurrencyLimit {
    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(ints = {1, 2, 3})
    void neverMoreChildrenAtOnceThanAsked(int concurrency) {
      BatchSummary summary =
          run(
              "taskmill/batch/c" + concurrency,
              BatchRequest.of(repos("calc", 7), SAMPLES, null, concurrency));

      assertThat(summary.samplesMade()).isEqualTo(7);
      List<HistoryEvent> events = client.fetchHistory("taskmill/batch/c" + concurrency).getEvents();
      assertThat(mostAtOnce(events)).isEqualTo(concurrency);
    }
  }

  @Nested
  class ContinueAsNew {
    @Test
    void longListsContinueAsNewAndTheSummaryCountsEveryRun() throws Exception {
      List<BatchEntry> entries = new ArrayList<>(repos("calc", 4));
      entries.add(new BatchEntry("https://github.com/acme/reject-me", 2));
      var request = BatchRequest.of(entries, SAMPLES, null, 2).withChildrenPerRun(2);
      BatchWorkflow batch =
          client.newWorkflowStub(
              BatchWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TaskQueues.LIGHT)
                  .setWorkflowId("taskmill/batch/can")
                  .build());
      var first = WorkflowClient.start(batch::run, request);

      BatchSummary summary =
          client.newUntypedWorkflowStub("taskmill/batch/can").getResult(BatchSummary.class);

      assertThat(summary.samplesMade()).isEqualTo(4);
      assertThat(summary.rejectionsByReason()).isEqualTo(Map.of("no_test_flips", 1));
      assertThat(summary.rejectionsByLanguage()).isEqualTo(Map.of("java", 1));
      assertThat(summary.samplesByLanguage()).isEqualTo(Map.of("python", 4));
      List<HistoryEvent> firstRun =
          client.fetchHistory("taskmill/batch/can", first.getRunId()).getEvents();
      assertThat(firstRun.get(firstRun.size() - 1).getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
      assertThat(firstRun)
          .filteredOn(
              e ->
                  e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
          .hasSize(2);
      var progress = client.newWorkflowStub(BatchWorkflow.class, "taskmill/batch/can").progress();
      assertThat(progress.entriesTotal()).isEqualTo(5);
      assertThat(progress.entriesStarted()).isEqualTo(5);
      assertThat(progress.finished()).isTrue();
      record("taskmill/batch/can", first.getRunId(), "batch-continued-as-new");
    }
  }

  @Nested
  class Children {
    @Test
    void haveTheIdsOfSingleRunsAndMineTakesTheBestEligibleCandidates() throws Exception {
      String auto = "https://github.com/acme/auto";
      String mined = "https://github.com/acme/mined";
      BatchSummary summary =
          run(
              "taskmill/batch/ids",
              BatchRequest.of(
                  List.of(
                      new BatchEntry(mined, null),
                      new BatchEntry("https://github.com/acme/gone", null),
                      new BatchEntry(mined, 42)),
                  SAMPLES,
                  2,
                  2));

      assertThat(summary.samplesMade()).isEqualTo(3);
      assertThat(summary.rejectionsByReason()).isEqualTo(Map.of("repo_unreachable", 1));
      assertThat(summary.rejectionsByLanguage()).isEqualTo(Map.of("unknown", 1));
      var ended =
          client.newWorkflowStub(BatchWorkflow.class, "taskmill/batch/ids").progress().ended();
      assertThat(ended)
          .extracting(BatchItem::workflowId)
          .containsExactlyInAnyOrder(
              null,
              WorkflowIds.forRequest(SampleRequest.builder(mined, SAMPLES).pr(5).build()),
              WorkflowIds.forRequest(SampleRequest.builder(mined, SAMPLES).pr(9).build()),
              WorkflowIds.forRequest(SampleRequest.builder(mined, SAMPLES).pr(42).build()));
      record("taskmill/batch/ids", null, "batch-mine-ranking-failure");
      assertThat(WorkflowIds.forRequest(SampleRequest.builder(auto, SAMPLES).build()))
          .endsWith("/auto/in-" + WorkflowIds.shortHash(SAMPLES));
    }

    @Test
    void aRunAlreadyThereIsAttachedToNotStartedAgain() {
      String repo = "https://github.com/acme/calc1";
      String id = WorkflowIds.forRequest(SampleRequest.builder(repo, SAMPLES).pr(3).build());
      SampleCreationWorkflow single =
          client.newWorkflowStub(
              SampleCreationWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TaskQueues.LIGHT)
                  .setWorkflowId(id)
                  .build());
      WorkflowClient.start(single::run, SampleRequest.builder(repo, SAMPLES).pr(3).build());

      BatchSummary summary =
          run("taskmill/batch/dup", BatchRequest.of(repos("calc", 2), SAMPLES, null, 2));

      assertThat(existing.asked).containsExactly(id);
      assertThat(summary.samplesMade()).isEqualTo(2);
      assertThat(summary.attached()).isEqualTo(1);
    }
  }
}
