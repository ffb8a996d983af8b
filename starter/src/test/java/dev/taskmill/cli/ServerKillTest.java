package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.client.Submission;
import dev.taskmill.workflow.Outcome;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the development server in the middle of a run, and a second submission of the same
 * work while it runs: the server started again on the same SQLite database carries the run on to
 * its one sample. Under CI=true it fails without Docker or the Temporal CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerKillTest {
  @TempDir static Path tmp;
  RecoveryRig rig;
  Process worker;

  @BeforeAll
  void start() throws Exception {
    rig = RecoveryRig.start(tmp);
    worker = rig.startWorker("worker", "light,docker", Map.of());
  }

  @AfterAll
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void theRunSurvivesAServerKilledInTheMiddleAndAResubmissionAttaches() throws Exception {
    String repo = WorkerKillTest.slowTestFixture(tmp.resolve("repo"), WorkerKillTest.SLOW_SECONDS);
    Path samples = tmp.resolve("samples");
    SampleRequest request =
        SampleRequest.builder(repo, samples.toString())
            .pr(1)
            .validation(WorkerKillTest.ONE_ROUND)
            .build();
    long started = System.nanoTime();
    Submission first = rig.client.submit(request);
    RecoveryRig.await(
        "the test stages run",
        180,
        () -> {
          rig.requireRunning(first.workflowId());
          return !rig.containersOf(worker).isEmpty();
        });

    Submission again = rig.client.submit(request);
    assertThat(again.attached()).as("the same repository and PR while the first runs").isTrue();
    assertThat(again.workflowId()).isEqualTo(first.workflowId());

    rig.killServer();
    long killed = System.nanoTime();
    Thread.sleep(3_000); // the worker's polls and the stage's heartbeats now fail
    rig.startServer();
    long back = System.nanoTime();

    SampleResult result = rig.await(first.workflowId());
    long done = System.nanoTime();
    System.out.printf(
        "server kill: killed %.1f s after submit, back after %.1f s, done %.1f s after the restart%n",
        (killed - started) / 1e9, (back - killed) / 1e9, (done - back) / 1e9);
    assertThat(result.outcome()).isEqualTo(Outcome.SAMPLE_CREATED);
    assertThat(RecoveryRig.names(samples))
        .as("exactly one sample")
        .containsExactly(".lock", ".work", "task-1");
    assertThat(rig.client.submit(request).attached())
        .as("a finished run is not run again")
        .isTrue();
    assertThat(RecoveryRig.names(samples)).containsExactly(".lock", ".work", "task-1");
    SlowBaseImage.remove(rig.docker, result.environment().sampleImage());
  }
}
