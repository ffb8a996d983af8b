package dev.taskmill.docker;

/**
 * How one container ended, and how long each Docker call took.
 *
 * @param exitCode the container's exit code (137 after a kill)
 * @param timedOut true when the stage timeout killed the container
 * @param snapshot the image its file system was committed to, or null when none was asked for or
 *     made
 */
public record ContainerRun(
    int exitCode,
    boolean timedOut,
    long createMillis,
    long startMillis,
    long waitMillis,
    long removeMillis,
    String snapshot) {
  /** A run without a snapshot. */
  public ContainerRun(
      int exitCode,
      boolean timedOut,
      long createMillis,
      long startMillis,
      long waitMillis,
      long removeMillis) {
    this(exitCode, timedOut, createMillis, startMillis, waitMillis, removeMillis, null);
  }

  public long totalMillis() {
    return createMillis + startMillis + waitMillis + removeMillis;
  }
}
