package dev.taskmill.worker;

import dev.taskmill.workflow.TaskQueues;

/** Which of taskmill's task queues a worker serves. */
public enum QueueRole {
  /** The workflow plus git, analysis and assembly activities. */
  LIGHT(TaskQueues.LIGHT),
  /** The activities that need a Docker engine: environment and validation. */
  DOCKER(TaskQueues.DOCKER);

  private final String taskQueue;

  QueueRole(String taskQueue) {
    this.taskQueue = taskQueue;
  }

  public String taskQueue() {
    return taskQueue;
  }
}
