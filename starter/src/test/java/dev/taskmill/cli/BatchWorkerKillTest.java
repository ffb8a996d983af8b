package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.batch.BatchProgress;
import dev.taskmill.batch.BatchSummary;
import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.TaskmillClient;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.verify.SampleVerifier;
import dev.taskmill.verify.VerificationReport;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of ten repositories runs to its summary with two real worker processes on the real
 * development server, one of them killed with SIGKILL (kill -9) halfway: every sample directory is
 * whole and none is doubled. The batch is started by `taskmill batch` in a process of its own,
 * killed with the worker: the batch does not depend on the CLI that started it. Needs Docker and
 * the Temporal CLI: skipped without them on a developer machine, failing under CI=true.
 */
class BatchWorkerKillTest {
  static final int REPOSITORIES = 10;

  @TempDir Path tmp;
  Process server;
  final List<Process> others = new ArrayList<>();
  WorkflowServiceStubs stubs;

  @AfterEach
  void stop() throws InterruptedException {
    for (Process process : others) {
      process.destroyForcibly().waitFor();
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (server != null) {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void tenRepositoriesWithOneOfTwoWorkersKilledHalfwayMakeTenWholeSamplesOnce() throws Exception {
    Path binary = DevServerTest.binary();
    DockerRequirement.client();
    DevServer dev =
        new DevServer(binary, "127.0.0.1", freePort(), freePort(), tmp.resolve("temporal.db"));
    server = dev.startDetached(tmp.resolve("server.log"));
    ConnectionSettings settings = new ConnectionSettings(dev.address(), "default");
    stubs = TemporalConnections.connect(settings, null);
    TaskmillClient client =
        new TaskmillClient(
            TemporalConnections.client(stubs, settings),
            SearchAttributeRegistrar.ensure(stubs, "default"));
    Process doomed = worker(dev.address(), "worker-1");
    worker(dev.address(), "worker-2");

    StringBuilder file = new StringBuilder("# ten fixture repositories, each with PR #1\n");
    for (int i = 1; i <= REPOSITORIES; i++) {
      file.append(StackFixtures.python(tmp.resolve("repos/calc-" + i)).url()).append(" 1\n");
    }
    Files.writeString(tmp.resolve("batch.txt"), file);
    Path samples = tmp.resolve("samples");
    // The batch is started by the CLI, as a user would, and the CLI dies with the worker: the
    // batch lives on the server, not in the process that started it.
    Process cli =
        cli(
            "cli",
            "batch",
            tmp.resolve("batch.txt").toString(),
            "--remote-workers",
            "--address",
            dev.address(),
            "--samples-dir",
            samples.toString(),
            "--concurrency",
            "4",
            "--reruns",
            "0",
            "--stage-timeout",
            "120");
    String id = batchIdPrintedBy(cli, "cli");
    CompletableFuture<BatchSummary> done =
        CompletableFuture.supplyAsync(() -> client.awaitBatch(id));

    // Halfway: some samples made, others running (so the killed worker holds some of their
    // activities).
    BatchProgress halfway =
        awaitProgress(
            client,
            id,
            p -> p.summary().finished() >= REPOSITORIES / 2 - 1 && !p.running().isEmpty());
    doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no hand-back of its activities
    cli.destroyForcibly();
    assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(doomed.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as("the CLI killed by SIGKILL").isEqualTo(137);

    BatchSummary summary = done.get(10, TimeUnit.MINUTES);
    assertThat(summary.rejectionsByReason()).as("worker-2 log:\n" + log("worker-2")).isEmpty();
    assertThat(summary.samplesMade()).isEqualTo(REPOSITORIES);
    assertThat(halfway.summary().finished()).isLessThan(REPOSITORIES);

    List<Path> tasks;
    try (Stream<Path> listing = Files.list(samples)) {
      tasks = listing.filter(p -> p.getFileName().toString().startsWith("task-")).sorted().toList();
    }
    assertThat(tasks).as("one directory per repository, none doubled").hasSize(REPOSITORIES);
    Set<String> keys = new HashSet<>();
    SampleVerifier verifier =
        new SampleVerifier(new RepositoryCache(tmp.resolve("verify-cache")), null);
    ObjectMapper json = new ObjectMapper();
    for (Path task : tasks) {
      VerificationReport report = verifier.verify(task, false);
      assertThat(report.failures()).as(task + " is whole").isEmpty();
      keys.add(
          json.readTree(task.resolve(SampleVerifier.METADATA).toFile()).path("sampleKey").asText());
    }
    assertThat(keys).as("ten different repositories").hasSize(REPOSITORIES);
    assertThat(samples.resolve(".rejected")).doesNotExist();
  }

  private Process worker(String address, String name) throws Exception {
    Process process = cli(name, "worker", "--address", address);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!log(name).contains("taskmill-worker: serving")) {
      assertThat(process.isAlive()).as(log(name)).isTrue();
      assertThat(System.nanoTime()).as("worker start").isLessThan(deadline);
      Thread.sleep(200);
    }
    return process;
  }

  /** `taskmill ARGS` in a process of its own, its output in NAME.log. */
  private Process cli(String name, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TaskmillCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(name + ".log").toFile());
    // The processes on one host share the clone and dependency caches, as two workers on one
    // machine would.
    builder.environment().put("TASKMILL_CACHE_DIR", tmp.resolve("cache").toString());
    Process process = builder.start();
    others.add(process);
    return process;
  }

  /** The batch id from the CLI's "Batch ID (10 entries, 4 at a time)" line. */
  private String batchIdPrintedBy(Process cli, String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      for (String line : log(name).split("\n")) {
        if (line.startsWith("Batch ")) {
          return line.substring("Batch ".length(), line.indexOf(' ', "Batch ".length()));
        }
      }
      assertThat(cli.isAlive()).as(log(name)).isTrue();
      assertThat(System.nanoTime()).as("the CLI's batch line").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".log"));
    } catch (IOException e) {
      return "";
    }
  }

  private static BatchProgress awaitProgress(
      TaskmillClient client, String id, java.util.function.Predicate<BatchProgress> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
    BatchProgress last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = client.batchProgress(id);
        if (condition.test(last)) {
          return last;
        }
      } catch (RuntimeException notYetRunning) {
        // the first workflow task has not run yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the batch never got halfway: " + last);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
