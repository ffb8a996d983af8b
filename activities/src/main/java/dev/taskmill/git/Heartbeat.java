package dev.taskmill.git;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/**
 * Reports liveness and progress of long work; inside a Temporal activity it heartbeats, elsewhere it does nothing.
 * An implementation signals cancellation by throwing (Temporal's ActivityCompletionException).
 */
@FunctionalInterface
public interface Heartbeat {
  /** Reports {@code detail}; throws when the surrounding activity was cancelled. */
  void beat(String detail);

  /** A heartbeat that goes nowhere, for plain unit tests and the CLI. */
  static Heartbeat none() {
    return detail -> { };
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
