package dev.taskmill.batch;

import dev.taskmill.failure.FailureType;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Reads how a sample run failed (type, language, one line) from the failure its caller sees. Pure.
 */
public final class RunFailures {
  private RunFailures() {}

  /** The failure type of a run's failure cause. */
  public static FailureType type(Throwable cause) {
    if (cause instanceof ApplicationFailure app) {
      return FailureType.fromType(app.getType());
    }
    if (cause instanceof CanceledFailure || cause instanceof TerminatedFailure) {
      return FailureType.CANCELLED;
    }
    if (cause instanceof TimeoutFailure) {
      return FailureType.TRANSIENT;
    }
    return FailureType.INTERNAL;
  }

  /**
   * The run's analysed language, which SampleCreation puts in its failure's details; null before
   * analysis.
   */
  public static String language(Throwable cause) {
    if (cause instanceof ApplicationFailure app
        && app.getDetails() != null
        && app.getDetails().getSize() > 0) {
      return app.getDetails().get(0, String.class);
    }
    return null;
  }

  /** The failure's one line. */
  public static String oneLine(Throwable cause) {
    if (cause instanceof ApplicationFailure app && app.getOriginalMessage() != null) {
      return app.getOriginalMessage();
    }
    return cause == null ? "" : String.valueOf(cause.getMessage());
  }
}
