package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.client.QueueWaits;
import dev.taskmill.phase.Phase;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.Progress;
import dev.taskmill.workflow.SampleRequest;
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
 * client's progress, `taskmill status`), instead of showing a silent "running". Under CI=true it
 * fails without the Temporal CLI.
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
