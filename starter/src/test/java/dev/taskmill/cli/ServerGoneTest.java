package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.TaskmillClient;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.git.RepoLocation;
import dev.taskmill.testing.FixtureRepo;
import dev.taskmill.worker.ActivityImplementations;
import dev.taskmill.worker.QueueRole;
import dev.taskmill.worker.TaskmillWorkers;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.WorkflowIds;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that dies under `run` or `watch`: one line, exit 26, within a bounded time. */
class ServerGoneTest {
  /** Patience (15 s) + one probe + closing; the issue asks for about 30 s. */
  static final Duration BOUND = Duration.ofSeconds(30);

  @Nested
  class WithAServerThatDies {
    @TempDir Path tmp;
    EmbeddedTemporal server;
    WorkflowServiceStubs stubs;
    WorkerFactory worker;
    TaskmillClient client;
    String repo;

    /**
     * A worker with the workflow and no activities: a run stays in phase 1, and its board answers
     * queries.
     */
    @BeforeEach
    void start() {
      server = EmbeddedTemporal.start(0);
      stubs =
          TemporalConnections.connect(new ConnectionSettings(server.address(), "default"), null);
      var workflowClient =
          TemporalConnections.client(stubs, new ConnectionSettings(server.address(), "default"));
      worker =
          TaskmillWorkers.start(
              workflowClient,
              EnumSet.of(QueueRole.LIGHT),
              new ActivityImplementations(List.of(), List.of()),
              true);
      client = new TaskmillClient(workflowClient, false);
      try (FixtureRepo fixture = FixtureRepo.init(tmp.resolve("repo"))) {
        fixture.write("a.py", "x = 1\n").commit("initial");
        repo = RepoLocation.parse(fixture.url()).url();
      }
    }

    @AfterEach
    void stop() {
      worker.shutdownNow();
      stubs.shutdownNow();
      server.close();
    }

    @Test
    void watchSaysSoInOneLineAndExits24() throws Exception {
      SampleRequest request =
          SampleRequest.builder(repo, tmp.resolve("samples").toString()).pr(1).build();
      String id = client.submit(request).workflowId();
      awaitPhaseOneRunning(id);

      CompletableFuture<CliErrorsTest.Outcome> watch =
          CompletableFuture.supplyAsync(() -> taskmill("watch", id, "--address", server.address()));
      Thread.sleep(1_500);
      CliErrorsTest.Outcome outcome = killServerAndWait(watch);

      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(UserError.SERVER_GONE);
      assertThat(outcome.onlyLine())
          .contains(server.address())
          .contains("stopped answering")
          .contains("taskmill watch " + id);
    }

    @Test
    void runWithAnAddressSaysSoInOneLineAndExits24() throws Exception {
      Path samples = tmp.resolve("samples");
      String id =
          WorkflowIds.forRequest(
              SampleRequest.builder(repo, samples.toAbsolutePath().normalize().toString())
                  .pr(1)
                  .build());

      CompletableFuture<CliErrorsTest.Outcome> run =
          CompletableFuture.supplyAsync(
              () ->
                  taskmill(
                      "run",
                      repo,
                      "--pr",
                      "1",
                      "--samples-dir",
                      samples.toString(),
                      "--address",
                      server.address(),
                      "--remote-workers"));
      awaitPhaseOneRunning(id);
      CliErrorsTest.Outcome outcome = killServerAndWait(run);

      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(UserError.SERVER_GONE);
      assertThat(outcome.onlyLine()).contains("stopped answering").contains(id);
    }

    private void awaitPhaseOneRunning(String id) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        try {
          if (client.progress(id).phases().get(0).state() == PhaseState.RUNNING) {
            return;
          }
        } catch (RuntimeException notYetStarted) {
          // the CLI has not submitted it yet
        }
        Thread.sleep(200);
      }
      throw new AssertionError("run " + id + " did not start");
    }

    private CliErrorsTest.Outcome killServerAndWait(
        CompletableFuture<CliErrorsTest.Outcome> command) throws Exception {
      long killed = System.nanoTime();
      worker.shutdownNow();
      server.close();
      CliErrorsTest.Outcome outcome = command.get(BOUND.toSeconds() + 30, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - killed);
      assertThat(took).as("exit after the server died").isLessThan(BOUND);
      return outcome;
    }
  }

  @Nested
  class Watch {
    final AtomicLong now = new AtomicLong(1_000_000);
    final AtomicBoolean answers = new AtomicBoolean(true);
    final ServerWatch watch =
        new ServerWatch("h:1", answers::get, now::get, Duration.ofSeconds(15));

    @Test
    void givesUpOnlyAfterThePatienceOfSilence() {
      watch.check("id");
      answers.set(false);
      now.addAndGet(2_000);
      watch.check("id");
      now.addAndGet(14_000);
      watch.check("id");
      now.addAndGet(1_000);
      assertThatThrownBy(() -> watch.check("id"))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("h:1")
          .hasMessageContaining("taskmill watch id");
      assertThat(watch.isGone()).isTrue();
    }

    @Test
    void anAnswerStartsThePatienceAgain() {
      answers.set(false);
      watch.check("id");
      now.addAndGet(14_000);
      answers.set(true);
      watch.check("id");
      answers.set(false);
      now.addAndGet(14_000);
      watch.check("id");
      assertThat(watch.isGone()).isFalse();
    }

    @Test
    void asksAnAnsweringServerAtMostEveryInterval() {
      AtomicLong asked = new AtomicLong();
      ServerWatch counting =
          new ServerWatch(
              "h:1", () -> asked.incrementAndGet() > 0, now::get, Duration.ofSeconds(15));
      for (int i = 0; i < 10; i++) {
        counting.check("id");
        now.addAndGet(500);
      }
      assertThat(asked.get()).isEqualTo(3);
    }
  }

  /** The CLI in this JVM, as CliErrorsTest runs it. */
  static CliErrorsTest.Outcome taskmill(String... args) {
    return CliErrorsTest.taskmill(args);
  }
}
