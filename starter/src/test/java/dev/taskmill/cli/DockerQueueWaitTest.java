package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.client.QueueWaits;
import dev.taskmill.phase.Phase;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.Progress;
import dev.taskmill.workflow.SampleCreationWorkflow;
import dev.taskmill.workflow.SampleRequest;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with no worker polling the docker task queue says so on its board within a minute (the
 * client's progress, `taskmill status`) and in the run's current details (the Web UI), instead of
 * showing a silent "running". Under CI=true it fails without the Temporal CLI.
 */
class DockerQueueWaitTest {
  @TempDir Path tmp;
  RecoveryRig rig;

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aRunWithoutADockerWorkerSaysItWaitsForOne() throws Exception {
    rig = RecoveryRig.start(tmp);
    rig.startWorker("light-only", "light", Map.of());
    String repo = WorkerKillTest.slowTestFixture(tmp.resolve("repo"), 0);
    long submitted = System.nanoTime();
    String id =
        rig.client
            .submit(SampleRequest.builder(repo, tmp.resolve("samples").toString()).pr(1).build())
            .workflowId();

    RecoveryRig.await(
        "the board says it waits for a docker worker",
        60,
        () -> environment(rig.client.progress(id)).detail().contains("docker task queue"));
    Duration took = Duration.ofNanos(System.nanoTime() - submitted);
    System.out.printf("docker queue wait: said after %.1f s%n", took.toNanos() / 1e9);

    PhaseProgress environment = environment(rig.client.progress(id));
    assertThat(environment.state()).isEqualTo(PhaseState.RUNNING);
    assertThat(environment.detail())
        .startsWith("waiting")
        .contains(
            "no worker polls the docker task queue",
            "taskmill-docker",
            "taskmill worker --queues docker");
    assertThat(took).isLessThan(Duration.ofMinutes(1));
    assertThat(status(id)).contains("4. Build environment").contains("no worker polls the docker");

    // The workflow says it too, in its own board and so in the Web UI's current details, once
    // the activity's schedule-to-start timeout (45 s) has passed without a worker taking it.
    RecoveryRig.await(
        "the run's current details say it waits for a docker worker",
        75,
        () -> currentDetails(id).contains("docker task queue"));
    Duration said = Duration.ofNanos(System.nanoTime() - submitted);
    System.out.printf(
        "docker queue wait: in the current details after %.1f s%n", said.toNanos() / 1e9);
    assertThat(said).isLessThan(Duration.ofSeconds(75));
    assertThat(currentDetails(id))
        .contains("4. Build environment: running - no worker of the docker task queue")
        .contains("(taskmill-docker) took it in 4");
    assertThat(
            rig.client
                .workflowClient()
                .newWorkflowStub(SampleCreationWorkflow.class, id)
                .progress()
                .detail())
        .contains("docker task queue");
    rig.client.cancel(id);
  }

  @Test
  void aBoardWithoutARunningPhaseIsLeftAlone() {
    Progress done =
        new Progress(
            java.util.List.of(new PhaseProgress(Phase.ANALYSIS, PhaseState.DONE, 1, 2, "ok")),
            "",
            null,
            null);
    assertThat(QueueWaits.annotate(done, null, "default", "x", java.time.Instant.now()))
        .isSameAs(done);
  }

  /**
   * The run's current details as the Web UI shows them: the SDK's built-in metadata query, which
   * returns what the workflow last gave Workflow.setCurrentDetails.
   */
  private String currentDetails(String id) {
    return rig.client
        .workflowClient()
        .newUntypedWorkflowStub(id)
        .query("__temporal_workflow_metadata", WorkflowMetadata.class)
        .getCurrentDetails();
  }

  private static PhaseProgress environment(Progress board) {
    return board.phases().stream()
        .filter(p -> p.phase() == Phase.ENVIRONMENT)
        .findFirst()
        .orElseThrow();
  }

  /** What `taskmill status ID` prints on stdout. */
  private String status(String id) {
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CliErrorsTest.Outcome outcome =
          CliErrorsTest.taskmill("status", id, "--address", rig.server.address());
      assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    } finally {
      System.setOut(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
