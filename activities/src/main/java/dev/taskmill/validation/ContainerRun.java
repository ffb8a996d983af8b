package dev.taskmill.validation;

/**
 * How one container ended, and how long each Docker call took.
 *
 * @param exitCode the container's exit code (137 after a kill)
 * @param timedOut true when the stage timeout killed the container
 */
public record ContainerRun(int exitCode, boolean timedOut, long createMillis, long startMillis, long waitMillis,
    long removeMillis) {
  public long totalMillis() {
    return createMillis + startMillis + waitMillis + removeMillis;
  }
}
