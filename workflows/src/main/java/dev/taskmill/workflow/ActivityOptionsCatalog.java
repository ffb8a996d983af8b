package dev.taskmill.workflow;

import dev.taskmill.failure.Failures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every activity's options, as named constants with explicit timeouts and retry policies. */
public final class ActivityOptionsCatalog {
  /**
   * Transient errors (network, a busy engine) retry with backoff; permanent failure types never do.
   */
  public static final RetryOptions TRANSIENT_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(5)
          .setDoNotRetry(Failures.permanentTypes())
          .build();

  /**
   * Writing files into the samples directory is quick; retry a little longer since losing it loses
   * a sample.
   */
  public static final RetryOptions STORE_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(10)
          .setDoNotRetry(Failures.permanentTypes())
          .build();

  /**
   * A docker-queue activity that no worker takes within this long times out before it starts; the
   * workflow says on its board (and so in the Web UI's current details) that it waits for a docker
   * worker, and schedules it again ({@code PickupWait}). Not retried by the server: Temporal
   * retries only start-to-close and heartbeat timeouts.
   */
  public static final Duration DOCKER_PICKUP = Duration.ofSeconds(45);

  /** Phase 1: a clone of a large repository can take minutes; it heartbeats JGit's progress. */
  public static final ActivityOptions ANALYSIS =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.LIGHT)
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /** Phase 2: diffs and apply checks on a cached clone. */
  public static final ActivityOptions PATCHES =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.LIGHT)
          .setScheduleToCloseTimeout(Duration.ofMinutes(40))
          .setStartToCloseTimeout(Duration.ofMinutes(15))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /** Phase 4: image builds with dependency installation. */
  public static final ActivityOptions ENVIRONMENT =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.DOCKER)
          .setScheduleToStartTimeout(DOCKER_PICKUP)
          .setScheduleToCloseTimeout(Duration.ofHours(2))
          .setStartToCloseTimeout(Duration.ofMinutes(45))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /** Phase 5: three stages plus reruns, each bounded by its own stage timeout. */
  public static final ActivityOptions VALIDATION =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.DOCKER)
          .setScheduleToStartTimeout(DOCKER_PICKUP)
          .setScheduleToCloseTimeout(Duration.ofHours(4))
          .setStartToCloseTimeout(Duration.ofMinutes(90))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /**
   * Phase 3: two trajectories, each a session container and a few test runs in the sample image.
   */
  public static final ActivityOptions TRAJECTORIES =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.DOCKER)
          .setScheduleToStartTimeout(DOCKER_PICKUP)
          .setScheduleToCloseTimeout(Duration.ofHours(3))
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /** Phase 6: parsing, counting and reading files in the work area; no container. */
  public static final ActivityOptions ENRICHMENT =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.LIGHT)
          .setScheduleToCloseTimeout(Duration.ofMinutes(30))
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /**
   * The last step: a rename into samples/task-N: a rename into samples/task-N, or a rejection
   * report.
   */
  public static final ActivityOptions ASSEMBLY =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.LIGHT)
          .setScheduleToCloseTimeout(Duration.ofMinutes(10))
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(STORE_RETRY)
          .build();

  /**
   * {@code taskmill evaluate}: one prediction, one test stage in the sample's image; the first
   * prediction of a sample whose image is missing also rebuilds it from the sample's Dockerfile.
   */
  public static final ActivityOptions EVALUATION =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.DOCKER)
          .setScheduleToCloseTimeout(Duration.ofHours(3))
          .setStartToCloseTimeout(Duration.ofMinutes(75))
          .setHeartbeatTimeout(Duration.ofMinutes(2))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  /**
   * Activities beat every 2-5 s (the worker's throttle is 5 s): below this a live activity could
   * time out.
   */
  public static final Duration MIN_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The activity types measured to heartbeat at least every 5 s all through their work (clone
   * progress, image build and stage waits), by their registered names: the ones whose heartbeat
   * timeout a worker may shorten ({@link #withHeartbeatTimeout}). WriteTrajectories is not among
   * them: under load it went more than 15 s without a heartbeat and timed out five times in a row
   * (2026-12-03).
   */
  public static final List<String> HEARTBEATING_TYPES =
      List.of("AnalyzeRepository", "PrepareEnvironment", "ValidateSample");

  /**
   * Per-activity-type overrides that set only the heartbeat timeout of {@link #HEARTBEATING_TYPES},
   * for {@code WorkflowImplementationOptions.setActivityOptions} (they win over the constants
   * above, field by field): with a short timeout, an activity of a worker killed outright moves to
   * another worker in seconds instead of minutes ({@code taskmill worker --heartbeat-timeout}, the
   * recovery tests). Replay does not compare timeouts.
   */
  public static Map<String, ActivityOptions> withHeartbeatTimeout(Duration timeout) {
    if (timeout.compareTo(MIN_HEARTBEAT_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "a heartbeat timeout under "
              + MIN_HEARTBEAT_TIMEOUT.toSeconds()
              + " s would time out activities that are alive: "
              + timeout.toSeconds()
              + " s");
    }
    Map<String, ActivityOptions> overrides = new LinkedHashMap<>();
    for (String type : HEARTBEATING_TYPES) {
      overrides.put(type, ActivityOptions.newBuilder().setHeartbeatTimeout(timeout).build());
    }
    return overrides;
  }

  /**
   * The task queue each activity type is scheduled on (as the constants above say), by its
   * registered name.
   */
  public static String taskQueueOf(String activityType) {
    return switch (activityType) {
      case "PrepareEnvironment", "ValidateSample", "WriteTrajectories", "EvaluatePrediction" ->
          TaskQueues.DOCKER;
      default -> TaskQueues.LIGHT;
    };
  }

  /**
   * A batch's --mine ranking: phase 1 on a repository without a PR (its clone lands in the cache
   * the children then reuse); the same limits as phase 1.
   */
  public static final ActivityOptions RANKING = ActivityOptions.newBuilder(ANALYSIS).build();

  /**
   * A batch waiting for a run that already existed under the id it wanted: as long as a run may
   * take (a day), with a heartbeat so that a worker that dies while waiting hands the wait to
   * another.
   */
  public static final ActivityOptions AWAIT_EXISTING_RUN =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.LIGHT)
          .setScheduleToCloseTimeout(Duration.ofHours(25))
          .setStartToCloseTimeout(Duration.ofHours(25))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(TRANSIENT_RETRY)
          .build();

  private ActivityOptionsCatalog() {}
}
