package dev.taskmill.cli;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.SearchAttributeRegistrar;
import dev.taskmill.client.TaskmillClient;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.docker.ContainerOwner;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.worker.WorkerApp;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The recovery tests' machine: the real Temporal development server on a SQLite file, taskmill
 * workers as separate JVMs ({@link WorkerApp}, the code of {@code taskmill worker}) that the tests
 * kill with SIGKILL, and a client.
 */
final class RecoveryRig implements AutoCloseable {
  /**
   * Short enough that a killed worker's activity moves within seconds, long enough for a live one
   * (beats every 5 s).
   */
  static final int HEARTBEAT_TIMEOUT_SECONDS = 15;

  final Path tmp;
  final Path cache;
  final DevServer server;
  final DockerClient docker;
  private final List<Process> processes = new ArrayList<>();
  private Process serverProcess;
  private WorkflowServiceStubs stubs;
  TaskmillClient client;

  private RecoveryRig(Path tmp, DevServer server, DockerClient docker) {
    this.tmp = tmp;
    this.cache = tmp.resolve("cache");
    this.server = server;
    this.docker = docker;
  }

  /**
   * Needs the Temporal CLI and a Docker engine: fails without them under CI=true, skips otherwise.
   */
  static RecoveryRig start(Path tmp) throws IOException {
    Path binary = DevServerTest.binary();
    DockerClient docker = DockerRequirement.client();
    RecoveryRig rig =
        new RecoveryRig(
            tmp,
            new DevServer(
                binary, "127.0.0.1", freePort(), freePort(), tmp.resolve("state/temporal.db")),
            docker);
    rig.startServer();
    return rig;
  }

  /**
   * Starts (or starts again, on the same database and port) the development server and connects the
   * client.
   */
  void startServer() throws IOException {
    serverProcess = server.startDetached(tmp.resolve("server.log"));
    if (stubs == null) {
      ConnectionSettings settings = new ConnectionSettings(server.address(), "default");
      stubs = TemporalConnections.connect(settings, null);
      boolean attributes = SearchAttributeRegistrar.ensure(stubs, "default");
      client = new TaskmillClient(TemporalConnections.client(stubs, settings), attributes);
    }
  }

  /** SIGKILL to the server process (kill -9): no shutdown, whatever it had in memory is gone. */
  void killServer() throws InterruptedException {
    kill(serverProcess);
  }

  /**
   * A worker JVM serving {@code queues} with the short heartbeat timeout, the shared clone cache,
   * and this JVM's environment (TASKMILL_IMAGES_CONFIG, DOCKER_HOST) plus {@code env}; returns once
   * it polls.
   */
  Process startWorker(String name, String queues, Map<String, String> env) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WorkerApp.class.getName(),
                "--address",
                server.address(),
                "--queues",
                queues,
                "--heartbeat-timeout",
                String.valueOf(HEARTBEAT_TIMEOUT_SECONDS),
                "--shutdown-grace",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("TASKMILL_CACHE_DIR", cache.toString());
    builder.environment().putAll(env);
    Process worker = builder.start();
    processes.add(worker);
    await(
        "worker " + name + " polls (" + log + ")",
        60,
        () -> read(log).contains("taskmill-worker: serving"));
    return worker;
  }

  /** SIGKILL (kill -9), the way a crashed machine or the OOM killer stops a worker. */
  static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("process " + process.pid() + " survived SIGKILL");
    }
  }

  /** The run's pending activities as the server sees them (type, state, attempt). */
  List<PendingActivityInfo> pendingActivities(String workflowId) {
    return stubs
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getPendingActivitiesList();
  }

  /** True when an activity of {@code type} is running on a worker right now. */
  boolean activityRunning(String workflowId, String type) {
    try {
      return pendingActivities(workflowId).stream()
          .anyMatch(
              a ->
                  a.getActivityType().getName().equals(type)
                      && a.getState()
                          == io.temporal.api.enums.v1.PendingActivityState
                              .PENDING_ACTIVITY_STATE_STARTED);
    } catch (RuntimeException notYetThere) {
      return false;
    }
  }

  /** Fails with the run's board and the worker logs when the run has ended. */
  void requireRunning(String workflowId) {
    var status = client.status(workflowId);
    if (status
        != io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw new AssertionError(
          "the run ended (" + status + "): " + client.progress(workflowId) + "\n" + logs());
    }
  }

  /** The run's result; a failed run fails the test with the worker logs. */
  dev.taskmill.workflow.SampleResult await(String workflowId) {
    try {
      return client.await(workflowId);
    } catch (dev.taskmill.client.TaskmillException e) {
      throw new AssertionError("the run failed: " + e.getMessage() + "\n" + logs(), e);
    }
  }

  /** Every worker's log, for a failure message. */
  String logs() {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(tmp)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".log"))
          .sorted()
          .forEach(f -> all.append("--- ").append(f.getFileName()).append('\n').append(read(f)));
    } catch (IOException e) {
      all.append(e.getMessage());
    }
    return all.toString();
  }

  List<HistoryEvent> history(String workflowId) {
    return client.workflowClient().fetchHistory(workflowId).getEvents();
  }

  /**
   * The attempt of each started {@code type} activity in the history (the server records the last
   * attempt).
   */
  List<Integer> startedAttempts(String workflowId, String type) {
    List<HistoryEvent> events = history(workflowId);
    List<Integer> attempts = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        long scheduled = event.getActivityTaskStartedEventAttributes().getScheduledEventId();
        HistoryEvent schedule =
            events.stream().filter(e -> e.getEventId() == scheduled).findFirst().orElseThrow();
        if (schedule
            .getActivityTaskScheduledEventAttributes()
            .getActivityType()
            .getName()
            .equals(type)) {
          attempts.add(event.getActivityTaskStartedEventAttributes().getAttempt());
        }
      }
    }
    return attempts;
  }

  /** The heartbeat timeout each scheduled {@code type} activity carries in the history. */
  List<java.time.Duration> scheduledHeartbeatTimeouts(String workflowId, String type) {
    return history(workflowId).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals(type))
        .map(a -> java.time.Duration.ofSeconds(a.getHeartbeatTimeout().getSeconds()))
        .toList();
  }

  /**
   * The failure the last attempt of each started {@code type} activity retried after (empty when
   * none).
   */
  List<String> retriedAfter(String workflowId, String type) {
    List<HistoryEvent> events = history(workflowId);
    List<String> failures = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        var started = event.getActivityTaskStartedEventAttributes();
        HistoryEvent schedule =
            events.stream()
                .filter(e -> e.getEventId() == started.getScheduledEventId())
                .findFirst()
                .orElseThrow();
        if (schedule
            .getActivityTaskScheduledEventAttributes()
            .getActivityType()
            .getName()
            .equals(type)) {
          failures.add(started.hasLastFailure() ? started.getLastFailure().getMessage() : "");
        }
      }
    }
    return failures;
  }

  /**
   * The containers on the engine that {@code worker} started (by the owner labels), running or not.
   */
  List<String> containersOf(Process worker) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerOwner.PID_LABEL, String.valueOf(worker.pid())))
        .exec()
        .stream()
        .map(c -> c.getNames().length > 0 ? c.getNames()[0] : c.getId())
        .toList();
  }

  /** The entries of a directory by name (empty when it does not exist). */
  static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static void await(String what, int seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    for (Process p : processes) {
      kill(p);
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (serverProcess != null) {
      kill(serverProcess);
    }
    docker.close();
  }
}
