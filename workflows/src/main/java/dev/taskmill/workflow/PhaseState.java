package dev.taskmill.workflow;

/** Where one phase stands. */
public enum PhaseState {
  WAITING,
  RUNNING,
  DONE,
  FAILED,
  SKIPPED;

  public boolean finished() {
    return this == DONE || this == FAILED || this == SKIPPED;
  }
}
