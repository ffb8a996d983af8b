package dev.taskmill.validation;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/** A Heartbeat on the current Temporal activity, or a no-op outside one (plain unit tests). */
final class ActivityHeartbeat {
  private ActivityHeartbeat() {}

  static Heartbeat current() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInActivity) {
      return Heartbeat.NONE;
    }
    return context::heartbeat;
  }
}
