package dev.taskmill.worker;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.TemporalConnections;
import dev.taskmill.workflow.ActivityOptionsCatalog;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The taskmill worker process: connects to Temporal, serves the chosen task queues, stops cleanly
 * on SIGTERM.
 */
@Command(
    name = "taskmill-worker",
    mixinStandardHelpOptions = true,
    description = "Runs a taskmill worker against a Temporal server.")
public final class WorkerApp implements Callable<Integer> {
  @Option(
      names = "--address",
      description =
          "Temporal frontend host:port (default: $TEMPORAL_ADDRESS or localhost:7233)."
              + " TLS, mTLS and an API key come from the temporal CLI's variables: docs/operations.md")
  String address;

  @Option(
      names = "--namespace",
      description = "Temporal namespace (default: $TEMPORAL_NAMESPACE or default)")
  String namespace;

  @Option(
      names = "--queues",
      split = ",",
      description = "Task queues to serve: LIGHT, DOCKER (default: both)")
  Set<QueueRole> queues = EnumSet.allOf(QueueRole.class);

  @Option(
      names = "--metrics-port",
      description = "Serve Prometheus metrics on this port (default: off)")
  Integer metricsPort;

  @Option(
      names = "--shutdown-grace",
      description =
          "Seconds running activities get to finish on SIGTERM (default: ${DEFAULT-VALUE})")
  int shutdownGraceSeconds = 30;

  @Option(
      names = "--heartbeat-timeout",
      paramLabel = "SECONDS",
      description =
          "Heartbeat timeout of the long activities that the runs this worker hosts schedule (default: the"
              + " catalog's 1-2 minutes); shorter moves the work of a dead worker sooner (at least 10)")
  Integer heartbeatTimeoutSeconds;

  @Override
  public Integer call() throws Exception {
    ConnectionSettings settings;
    try {
      settings = ConnectionSettings.fromEnvironment(address, namespace);
    } catch (IllegalArgumentException e) {
      System.err.println("taskmill-worker: " + e.getMessage());
      return 3;
    }
    MetricsEndpoint metrics = metricsPort == null ? null : MetricsEndpoint.start(metricsPort);
    WorkflowServiceStubs stubs =
        TemporalConnections.connect(settings, metrics == null ? null : metrics.registry());
    if (!TemporalConnections.answers(stubs, 5)) {
      System.err.println(
          "taskmill-worker: no Temporal server answers at "
              + settings.describe()
              + "; start one (taskmill server, temporal server start-dev) or pass --address");
      return 21;
    }
    boolean testServer = TemporalConnections.isTestServer(stubs);
    WorkflowClient client = TemporalConnections.client(stubs, settings);
    if (queues.contains(QueueRole.DOCKER)) {
      TaskmillWorkers.removeLeftoverContainers(System.out);
    }
    Duration heartbeatTimeout =
        heartbeatTimeoutSeconds == null ? null : Duration.ofSeconds(heartbeatTimeoutSeconds);
    if (heartbeatTimeout != null
        && heartbeatTimeout.compareTo(ActivityOptionsCatalog.MIN_HEARTBEAT_TIMEOUT) < 0) {
      System.err.println(
          "taskmill-worker: --heartbeat-timeout "
              + heartbeatTimeoutSeconds
              + " is too short (at least "
              + ActivityOptionsCatalog.MIN_HEARTBEAT_TIMEOUT.toSeconds()
              + ")");
      return 2;
    }
    WorkerFactory factory =
        TaskmillWorkers.start(
            client, queues, ActivityWiring.fromEnvironment(), testServer, heartbeatTimeout);
    System.out.println(
        "taskmill-worker: serving "
            + queues
            + " on "
            + settings.describe()
            + (testServer ? ", standalone test server" : "")
            + (metrics == null ? "" : ", metrics on :" + metrics.port() + "/metrics"));
    CountDownLatch stopped =
        stopGracefullyOnSigterm(
            factory,
            stubs,
            Duration.ofSeconds(shutdownGraceSeconds),
            () -> {
              if (metrics != null) {
                metrics.close();
              }
            });
    stopped.await();
    return 0;
  }

  /**
   * Registers the shutdown hook that SIGTERM runs: stop polling, give running activities up to
   * {@code grace} to finish (the JVM waits for the hook, and activities keep heartbeating
   * meanwhile), then close. The latch opens when the hook is done.
   */
  static CountDownLatch stopGracefullyOnSigterm(
      WorkerFactory factory, WorkflowServiceStubs stubs, Duration grace, Runnable afterwards) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println(
                      "taskmill-worker: shutting down, letting running activities finish (up to "
                          + grace.toSeconds()
                          + " s)");
                  long started = System.nanoTime();
                  boolean finished = TaskmillWorkers.shutdown(factory, grace);
                  System.out.println(
                      "taskmill-worker: "
                          + (finished
                              ? "running activities finished"
                              : "grace period over,"
                                  + " running activities abandoned (Temporal retries them elsewhere)")
                          + " after "
                          + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                          + " s");
                  stubs.shutdown();
                  afterwards.run();
                  stopped.countDown();
                },
                "taskmill-worker-shutdown"));
    return stopped;
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new WorkerApp()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
