package dev.taskmill.environment;

/** Reports liveness of long work; the activity adapter forwards to Temporal, which throws when cancelled. */
@FunctionalInterface
public interface Heartbeat {
  Heartbeat NONE = detail -> { };

  void beat(String detail);
}
