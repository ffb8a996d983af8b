package dev.taskmill.client;

import dev.taskmill.failure.FailureType;
import io.temporal.client.WorkflowException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Turns what Temporal reports about a failed workflow into a TaskmillException with a one-line
 * message.
 */
final class FailureTranslator {
  private FailureTranslator() {}

  static TaskmillException translate(WorkflowException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        String message =
            app.getOriginalMessage() == null ? app.getMessage() : app.getOriginalMessage();
        return new TaskmillException(FailureType.fromType(app.getType()), message, e);
      }
      if (t instanceof CanceledFailure || t instanceof TerminatedFailure) {
        return new TaskmillException(
            FailureType.CANCELLED, "run " + e.getExecution().getWorkflowId() + " was cancelled", e);
      }
      if (t instanceof TimeoutFailure) {
        return new TaskmillException(
            FailureType.TRANSIENT, "run " + e.getExecution().getWorkflowId() + " timed out", e);
      }
    }
    return new TaskmillException(FailureType.INTERNAL, e.getMessage(), e);
  }
}
