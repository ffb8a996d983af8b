package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.TemporalConnections;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real worker process in the middle of a heartbeating activity: the activity gets the
 * grace period (the SDK alone would stop its heartbeats after 5 s and fail it), and no more.
 */
class ShutdownGraceTest {
  /** The slow activity runs this long; well past the SDK's own 5 s heartbeat-executor timeout. */
  static final int ACTIVITY_SECONDS = 12;

  @TempDir Path tmp;
  TestServer.PortBoundTestServer server;
  WorkflowServiceStubs stubs;
  String address;
  Process worker;

  @BeforeEach
  void startServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port, true);
    address = "localhost:" + port;
    stubs = TemporalConnections.connect(new ConnectionSettings(address, "default"), null);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (worker != null) {
      worker.destroyForcibly().waitFor();
    }
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void aRunningActivityFinishesWithinTheGracePeriod() throws Exception {
    Outcome outcome = sigtermDuringActivity(60);

    assertThat(tmp.resolve("finished")).as("the activity ran to its end").exists();
    assertThat(outcome.afterSigterm())
        .isGreaterThan(Duration.ofSeconds(ACTIVITY_SECONDS - 3))
        .isLessThan(Duration.ofSeconds(ACTIVITY_SECONDS + 15));
    assertThat(outcome.stdout()).contains("running activities finished");
  }

  @Test
  void aShortGracePeriodEndsTheWaitOnTime() throws Exception {
    Outcome outcome = sigtermDuringActivity(2);

    assertThat(tmp.resolve("finished")).doesNotExist();
    assertThat(outcome.afterSigterm()).isLessThan(Duration.ofSeconds(ACTIVITY_SECONDS - 3));
    assertThat(outcome.stdout()).contains("grace period over");
  }

  record Outcome(Duration afterSigterm, String stdout) {}

  private Outcome sigtermDuringActivity(int graceSeconds) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    worker =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GracefulWorkerMain.class.getName(),
                address,
                "grace-test",
                String.valueOf(graceSeconds))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("worker.log").toFile())
            .start();
    awaitFile(tmp.resolve("worker.log"), "ready");
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    GracefulWorkerMain.SlowFlow flow =
        client.newWorkflowStub(
            GracefulWorkerMain.SlowFlow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue("grace-test")
                .setWorkflowId("grace-" + graceSeconds)
                .build());
    WorkflowClient.start(flow::run, tmp.toString(), ACTIVITY_SECONDS);
    awaitFile(tmp.resolve("started"), "");

    long sigterm = System.nanoTime();
    worker.destroy();
    assertThat(worker.waitFor(ACTIVITY_SECONDS + 30, TimeUnit.SECONDS)).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - sigterm);
    String log = Files.readString(tmp.resolve("worker.log"));
    assertThat(worker.exitValue()).as(log).isEqualTo(143);
    return new Outcome(took, log);
  }

  private static void awaitFile(Path file, String containing) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readString(file).contains(containing)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(file + " never contained '" + containing + "'");
  }
}
