package dev.taskmill.client;

import dev.taskmill.failure.FailureType;

/**
 * A run that ended in a known failure: one line for the user and the type that decides the exit
 * code.
 */
public final class TaskmillException extends RuntimeException {
  private final FailureType type;

  public TaskmillException(FailureType type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  public FailureType type() {
    return type;
  }
}
