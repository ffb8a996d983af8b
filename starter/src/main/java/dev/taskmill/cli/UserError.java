package dev.taskmill.cli;

/** A mistake the user can fix: printed as one line, exits with its code. */
final class UserError extends RuntimeException {
  static final int SERVER_UNREACHABLE = 21;
  static final int NOT_FOUND = 22;

  /** 23 is a sample failing `taskmill verify`. */
  static final int SERVER_GONE = 26;

  private final int exitCode;

  UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
