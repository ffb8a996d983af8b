package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.failure.FailureType;
import dev.taskmill.phase.Phase;
import dev.taskmill.testing.FixtureRepo;
import dev.taskmill.workflow.Outcome;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.RunOutcome;
import dev.taskmill.workflow.SampleCreationWorkflow;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import dev.taskmill.workflow.TaskQueues;
import dev.taskmill.workflow.WorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow on Temporal's test environment with the real phase 1-2 activities over JGit fixture
 * repos.
 */
class SampleCreationWorkflowTest {
  @TempDir static Path tmp;
  static String repo;

  TestWorkflowEnvironment env;
  WorkerFactory workers;
  WorkflowClient client;

  @BeforeAll
  static void fixture() {
    try (FixtureRepo fixture = FixtureRepo.init(tmp.resolve("calc"))) {
      fixture
          .write("calc/ops.py", "def add(a, b):\n    return a - b\n")
          .write(
              "tests/test_ops.py",
              "from calc.ops import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n")
          .write("pyproject.toml", "[project]\nname = \"calc\"\nrequires-python = \">=3.8\"\n")
          .commit("initial");
      fixture.squashPullRequest(
          12,
          "Fix add returning the difference",
          r ->
              r.write("calc/ops.py", "def add(a, b):\n    return a + b\n")
                  .write(
                      "tests/test_ops.py",
                      "from calc.ops import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n"
                          + "\n\ndef test_add():\n    assert add(2, 3) == 5\n")
                  .write("CHANGELOG.md", "- fix add\n"));
      repo = fixture.url();
    }
  }

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
    workers =
        TaskmillWorkers.start(
            client,
            EnumSet.allOf(QueueRole.class),
            ActivityWiring.create(tmp.resolve("cache")),
            false);
  }

  @AfterEach
  void stop() {
    workers.shutdownNow();
    env.close();
  }

  SampleCreationWorkflow stub(SampleRequest request) {
    return client.newWorkflowStub(
        SampleCreationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.LIGHT)
            .setWorkflowId(
                WorkflowIds.forRequest(request.repoUrl(), request.prNumber(), request.stopAfter()))
            .build());
  }

  @Nested
  class Analysis {
    @Test
    void runsPhasesOneAndTwoAndSkipsTheRest() throws Exception {
      Path out = tmp.resolve("out-" + System.nanoTime());
      SampleResult result =
          stub(SampleRequest.analyzeOnly(repo, null, out.toString(), null))
              .run(SampleRequest.analyzeOnly(repo, null, out.toString(), null));

      assertThat(result.outcome()).isEqualTo(Outcome.ANALYZED);
      assertThat(result.analysis().pullRequest().number()).isEqualTo(12);
      assertThat(Files.readString(Path.of(result.patches().fixPatch())))
          .contains("+    return a + b");
      assertThat(Files.readString(Path.of(result.patches().testsPatch())))
          .contains("+def test_add():");
      assertThat(result.patches().otherFiles()).containsExactly("CHANGELOG.md");
      assertThat(result.progress().phases())
          .extracting(PhaseProgress::state)
          .containsExactly(
              PhaseState.DONE,
              PhaseState.DONE,
              PhaseState.SKIPPED,
              PhaseState.SKIPPED,
              PhaseState.SKIPPED,
              PhaseState.SKIPPED);
      assertThat(result.progress().phases().get(0).endedAt())
          .isGreaterThanOrEqualTo(result.progress().phases().get(0).startedAt())
          .isPositive();
      HistoryRecorder.record(
          client, WorkflowIds.forRequest(repo, null, Phase.PATCHES), "analyze-squash-pr");
    }
  }

  @Nested
  class Failures {
    @Test
    void aMissingPrFailsTheRunWithItsTypeAndIsNotRetried() {
      SampleRequest request =
          SampleRequest.analyzeOnly(repo, 404, tmp.resolve("o404").toString(), null);
      SampleCreationWorkflow workflow = stub(request);

      assertThatThrownBy(() -> workflow.run(request))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOf(ApplicationFailure.class)
          .satisfies(
              e ->
                  assertThat(((ApplicationFailure) e).getType())
                      .isEqualTo(FailureType.NO_SUCH_PR.name()));

      String id = WorkflowIds.forRequest(repo, 404, Phase.PATCHES);
      var history = client.fetchHistory(id).getHistory().getEventsList();
      assertThat(
              history.stream()
                  .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED))
          .singleElement()
          .satisfies(
              e -> assertThat(e.getActivityTaskStartedEventAttributes().getAttempt()).isEqualTo(1));
      var board = client.newWorkflowStub(SampleCreationWorkflow.class, id).progress();
      assertThat(board.phases().get(0).state()).isEqualTo(PhaseState.FAILED);
      assertThat(board.phases().get(0).detail()).contains("#404");
      assertThat(board.outcome()).isEqualTo(RunOutcome.FAILED);
      HistoryRecorder.record(client, id, "analyze-no-such-pr");
    }
  }

  @Nested
  class WaitingForADockerWorker {
    /**
     * Only light workers poll: the environment phase's activity times out before it starts, and the
     * run says so on its board (the Web UI's current details) and schedules it again.
     */
    @Test
    void aRunWithoutADockerWorkerSaysSoOnItsBoardAndSchedulesTheActivityAgain() {
      workers.shutdownNow();
      workers =
          TaskmillWorkers.start(
              client,
              EnumSet.of(QueueRole.LIGHT),
              ActivityWiring.create(tmp.resolve("cache")),
              false);
      SampleRequest request =
          SampleRequest.builder(repo, tmp.resolve("o-wait").toString()).pr(12).build();
      SampleCreationWorkflow workflow = stub(request);
      WorkflowClient.start(workflow::run, request);
      String id =
          WorkflowIds.forRequest(request.repoUrl(), request.prNumber(), request.stopAfter());
      SampleCreationWorkflow running = client.newWorkflowStub(SampleCreationWorkflow.class, id);

      await(id, () -> running.progress().detail().contains("docker task queue"));

      PhaseProgress environment = running.progress().phases().get(Phase.ENVIRONMENT.ordinal());
      assertThat(environment.state()).isEqualTo(PhaseState.RUNNING);
      assertThat(environment.detail())
          .startsWith("no worker of the docker task queue (" + TaskQueues.DOCKER + ") took it in ")
          .contains("Is a taskmill worker --queues docker running?");
      var history = client.fetchHistory(id).getHistory().getEventsList();
      assertThat(
              history.stream()
                  .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT))
          .isNotEmpty()
          .allSatisfy(
              e ->
                  assertThat(
                          e.getActivityTaskTimedOutEventAttributes()
                              .getFailure()
                              .getTimeoutFailureInfo()
                              .getTimeoutType())
                      .isEqualTo(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START));
      assertThat(
              history.stream()
                  .filter(
                      e ->
                          e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
                              && e.getActivityTaskScheduledEventAttributes()
                                  .getActivityType()
                                  .getName()
                                  .equals("PrepareEnvironment")))
          .hasSizeGreaterThan(1);
      client.newUntypedWorkflowStub(id).terminate("test over");
    }

    /**
     * Waits on the run's result a second at a time: the test server skips time only while a client
     * waits on a result.
     */
    private void await(String id, java.util.function.BooleanSupplier condition) {
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (!condition.getAsBoolean()) {
        assertThat(System.nanoTime()).as("waited 60 s of wall time").isLessThan(deadline);
        try {
          client
              .newUntypedWorkflowStub(id)
              .getResult(1, java.util.concurrent.TimeUnit.SECONDS, SampleResult.class);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          // expected: the run waits for a docker worker
        }
      }
    }
  }
}
