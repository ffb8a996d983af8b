package dev.taskmill.workflow;

/**
 * The task queues: light work (workflow, git, analysis, assembly) and Docker work (environment,
 * validation). A worker may serve either or both.
 */
public final class TaskQueues {
  /** The workflow and the light activities. Clients submit here. */
  public static final String LIGHT = "taskmill";

  /** The activities that need a Docker engine. */
  public static final String DOCKER = "taskmill-docker";

  private TaskQueues() {}
}
