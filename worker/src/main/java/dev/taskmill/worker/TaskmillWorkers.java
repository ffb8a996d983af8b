package dev.taskmill.worker;

import dev.taskmill.workflow.ActivityOptionsCatalog;
import dev.taskmill.workflow.BatchWorkflowImpl;
import dev.taskmill.workflow.EvaluationWorkflowImpl;
import dev.taskmill.workflow.SampleCreationWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Set;

/** Registers the workflow and the activities on their task queues and starts polling. */
public final class TaskmillWorkers {
  /** Docker work is heavy: two validations at a time per worker on a two-core machine. */
  static final int DOCKER_CONCURRENCY = 2;

  static final int LIGHT_CONCURRENCY = 8;

  /**
   * At most one heartbeat call per activity this often: a cancel reaches a running stage within
   * about this.
   */
  static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(5);

  private TaskmillWorkers() {}

  /**
   * Starts a worker factory serving {@code roles}.
   *
   * @param testServer true when attached to the standalone test server (sticky queues must not be
   *     used)
   */
  public static WorkerFactory start(
      WorkflowClient client,
      Set<QueueRole> roles,
      ActivityImplementations activities,
      boolean testServer) {
    return start(client, roles, activities, testServer, null);
  }

  /**
   * Starts a worker factory serving {@code roles}; the workflows it runs schedule their
   * heartbeating activities with {@code heartbeatTimeout} instead of the catalog's (null keeps the
   * catalog's).
   */
  public static WorkerFactory start(
      WorkflowClient client,
      Set<QueueRole> roles,
      ActivityImplementations activities,
      boolean testServer,
      Duration heartbeatTimeout) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a worker must serve at least one task queue");
    }
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                // The last interceptor is the outermost: metrics see the failure already typed.
                .setWorkerInterceptors(new TypedFailureInterceptor(), new MetricsInterceptor())
                .build());
    if (roles.contains(QueueRole.LIGHT)) {
      Worker light =
          factory.newWorker(QueueRole.LIGHT.taskQueue(), options(testServer, LIGHT_CONCURRENCY));
      WorkflowImplementationOptions.Builder workflows = WorkflowImplementationOptions.newBuilder();
      if (heartbeatTimeout != null) {
        workflows.setActivityOptions(ActivityOptionsCatalog.withHeartbeatTimeout(heartbeatTimeout));
      }
      light.registerWorkflowImplementationTypes(
          workflows.build(),
          SampleCreationWorkflowImpl.class,
          EvaluationWorkflowImpl.class,
          BatchWorkflowImpl.class);
      light.registerActivitiesImplementations(activities.light().toArray());
    }
    if (roles.contains(QueueRole.DOCKER)) {
      Worker docker =
          factory.newWorker(QueueRole.DOCKER.taskQueue(), options(testServer, DOCKER_CONCURRENCY));
      docker.registerActivitiesImplementations(activities.docker().toArray());
    }
    factory.start();
    return factory;
  }

  /**
   * Removes the containers that workers killed outright left behind on this host's Docker engine;
   * says so in one line on {@code out} when there were any, and does nothing without an engine. The
   * rule: docs/decisions.md, "Cancellation reaches containers; leftover containers".
   */
  public static void removeLeftoverContainers(java.io.PrintStream out) {
    try (var docker = dev.taskmill.docker.DockerClients.fromEnvironment()) {
      if (!dev.taskmill.docker.DockerClients.reachable(docker)) {
        return;
      }
      var removed = dev.taskmill.docker.LeftoverContainers.removeThoseOfDeadOwners(docker);
      if (!removed.isEmpty()) {
        out.println(
            "taskmill: removed "
                + removed.size()
                + " container(s) left by workers that are gone: "
                + String.join(", ", removed));
      }
    } catch (java.io.IOException | RuntimeException e) {
      out.println(
          "taskmill: could not look for containers left by stopped workers ("
              + e.getMessage()
              + ")");
    }
  }

  static WorkerOptions options(boolean testServer, int activityConcurrency) {
    WorkerOptions.Builder builder =
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(activityConcurrency)
            // Without this the SDK stops the heartbeat thread 5 s into a graceful shutdown, and
            // every running activity
            // fails at its next heartbeat: the shutdown grace would be 5 s whatever the operator
            // asked for.
            .setAllowActivityHeartbeatDuringShutdown(true)
            // Cancellation reaches an activity only in the answer to a heartbeat; the SDK's default
            // throttle (up to
            // 60 s for a 2-minute heartbeat timeout) let a cancelled stage run on for a minute.
            .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
            .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
    if (testServer) {
      builder.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    return builder.build();
  }

  /**
   * Stops polling, lets running activities finish for up to {@code grace}, then stops; true when
   * they finished in time.
   */
  public static boolean shutdown(WorkerFactory factory, Duration grace) {
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
      return false;
    }
    return true;
  }
}
