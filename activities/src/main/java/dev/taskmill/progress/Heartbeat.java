package dev.taskmill.progress;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/**
 * Reports liveness and progress of long work; inside a Temporal activity it heartbeats, elsewhere
 * it does nothing. An implementation signals cancellation by throwing (Temporal's
 * ActivityCompletionException).
 */
@FunctionalInterface
public interface Heartbeat {
  /** A heartbeat that goes nowhere, for plain unit tests and the CLI. */
  Heartbeat NONE = detail -> {};

  /** Reports {@code detail}; throws when the surrounding activity was cancelled. */
  void beat(String detail);

  /** The same as {@link #NONE}. */
  static Heartbeat none() {
    return NONE;
  }

  /** Heartbeats to the current activity when the calling thread runs one, else {@link #none()}. */
  static Heartbeat ofCurrentActivity() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInActivity) {
      return none();
    }
    return context::heartbeat;
  }
}
