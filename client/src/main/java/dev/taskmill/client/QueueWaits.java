package dev.taskmill.client;

import dev.taskmill.workflow.ActivityOptionsCatalog;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.Progress;
import dev.taskmill.workflow.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says on a run's board when its next activity waits for a worker of its task queue (no Docker
 * worker polling, or all of them busy), instead of a silent "running". Read from the server on the
 * client side: the workflow cannot see whether an activity was picked up, and asking from workflow
 * code would add commands to every history (docs/decisions.md, "Waiting for a worker of the docker
 * queue").
 */
public final class QueueWaits {
  /** A schedule-to-start this long is no longer the usual hand-over between workers. */
  public static final Duration NOTICE_AFTER = Duration.ofSeconds(20);

  private QueueWaits() {}

  /**
   * {@code board} with the running phase's detail replaced by the wait, when one of the run's
   * activities has been scheduled for longer than {@link #NOTICE_AFTER} without a worker taking it;
   * otherwise {@code board} itself. Any error of the server (gone, an API it lacks) leaves the
   * board as it is.
   */
  public static Progress annotate(
      Progress board,
      WorkflowServiceStubs stubs,
      String namespace,
      String workflowId,
      Instant now) {
    if (board.outcome() != null
        || board.phases().stream().noneMatch(p -> p.state() == PhaseState.RUNNING)) {
      return board;
    }
    Optional<String> note;
    try {
      note = note(stubs, namespace, workflowId, now);
    } catch (StatusRuntimeException e) {
      return board;
    }
    if (note.isEmpty()) {
      return board;
    }
    List<PhaseProgress> phases = new ArrayList<>();
    for (PhaseProgress p : board.phases()) {
      phases.add(
          p.state() == PhaseState.RUNNING
              ? new PhaseProgress(p.phase(), p.state(), p.startedAt(), p.endedAt(), note.get())
              : p);
    }
    return new Progress(
        phases, note.get(), board.outcome(), board.sampleDir(), board.candidatesLeft());
  }

  /**
   * The one line about the run's longest-waiting scheduled activity, if it waits longer than the
   * notice.
   */
  static Optional<String> note(
      WorkflowServiceStubs stubs, String namespace, String workflowId, Instant now) {
    List<PendingActivityInfo> pending =
        stubs
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .build())
            .getPendingActivitiesList();
    for (PendingActivityInfo activity : pending) {
      if (activity.getState() != PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED
          || !activity.hasScheduledTime()) {
        continue;
      }
      Instant scheduled =
          Instant.ofEpochSecond(
              activity.getScheduledTime().getSeconds(), activity.getScheduledTime().getNanos());
      Duration waited = Duration.between(scheduled, now);
      if (waited.compareTo(NOTICE_AFTER) < 0) {
        continue;
      }
      String queue = ActivityOptionsCatalog.taskQueueOf(activity.getActivityType().getName());
      String role = queue.equals(TaskQueues.DOCKER) ? "docker" : "light";
      // The board cuts long lines: what to do comes first.
      String waitedFor = "waiting " + waited.toSeconds() + " s";
      String named = role + " task queue (" + queue + ")";
      return Optional.of(
          pollers(stubs, namespace, queue)
              .map(
                  n ->
                      n == 0
                          ? waitedFor
                              + ": no worker polls the "
                              + named
                              + "; start taskmill worker --queues "
                              + role
                          : waitedFor
                              + " for a free worker of the "
                              + named
                              + ": "
                              + n
                              + " polling, all busy")
              .orElse(waitedFor + " for a worker of the " + named));
    }
    return Optional.empty();
  }

  /**
   * How many workers polled {@code queue} lately; empty where the server lacks DescribeTaskQueue
   * (test server).
   */
  private static Optional<Integer> pollers(
      WorkflowServiceStubs stubs, String namespace, String queue) {
    try {
      return Optional.of(
          stubs
              .blockingStub()
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(namespace)
                      .setTaskQueue(TaskQueue.newBuilder().setName(queue))
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)
                      .build())
              .getPollersCount());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
