package dev.taskmill.validation;

/** Reports progress while a stage runs; the activity adapter makes it a Temporal heartbeat. */
@FunctionalInterface
public interface Heartbeat {
  Heartbeat NONE = detail -> { };

  /** May throw when the activity was cancelled, which stops the stage (its container is still removed). */
  void beat(String detail);
}
