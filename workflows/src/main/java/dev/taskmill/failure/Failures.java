package dev.taskmill.failure;

import io.temporal.failure.ApplicationFailure;

/** Builds ApplicationFailures from a FailureType so that retryability is decided in one place. */
public final class Failures {
  private Failures() {}

  /** A failure of the given type; permanent types are non-retryable. */
  public static ApplicationFailure of(FailureType type, String message) {
    return type.retryable()
        ? ApplicationFailure.newFailure(message, type.name())
        : ApplicationFailure.newNonRetryableFailure(message, type.name());
  }

  /**
   * A failure of the given type carrying {@code details} for the caller (a workflow's parent reads
   * them).
   */
  public static ApplicationFailure withDetails(
      FailureType type, String message, Object... details) {
    return type.retryable()
        ? ApplicationFailure.newFailure(message, type.name(), details)
        : ApplicationFailure.newNonRetryableFailure(message, type.name(), details);
  }

  /** A failure of the given type that keeps its cause for the worker log. */
  public static ApplicationFailure of(FailureType type, String message, Throwable cause) {
    return type.retryable()
        ? ApplicationFailure.newFailureWithCause(message, type.name(), cause)
        : ApplicationFailure.newNonRetryableFailureWithCause(message, type.name(), cause);
  }

  /** The names of all permanent types, for RetryOptions.setDoNotRetry. */
  public static String[] permanentTypes() {
    return java.util.Arrays.stream(FailureType.values())
        .filter(t -> !t.retryable())
        .map(Enum::name)
        .toArray(String[]::new);
  }
}
