package dev.taskmill.cli;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Notices that the Temporal server a command follows has stopped answering. The SDK retries a dead
 * server for minutes (with a stack trace per attempt), so a follower asks on its own, with a short
 * deadline, and gives up with one line once the server has been silent for {@link #PATIENCE}.
 */
final class ServerWatch {
  /**
   * Long enough for a server restart or a network blip, short enough that a user is not left
   * waiting.
   */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  /** How often the server is asked while it answers; a silent one is asked on every tick. */
  static final Duration INTERVAL = Duration.ofSeconds(2);

  private final String address;
  private final BooleanSupplier answers;
  private final LongSupplier clock;
  private final Duration patience;
  private long lastAsked = Long.MIN_VALUE;
  private long silentSince = -1;
  private volatile boolean gone;

  ServerWatch(String address, BooleanSupplier answers, LongSupplier clock, Duration patience) {
    this.address = address;
    this.answers = answers;
    this.clock = clock;
    this.patience = patience;
  }

  /**
   * Asks the server (at most every {@link #INTERVAL} while it answers); throws once it has been
   * silent too long.
   */
  void check(String workflowId) {
    long now = clock.getAsLong();
    if (silentSince < 0 && lastAsked != Long.MIN_VALUE && now - lastAsked < INTERVAL.toMillis()) {
      return;
    }
    lastAsked = now;
    if (answers.getAsBoolean()) {
      silentSince = -1;
      return;
    }
    if (silentSince < 0) {
      silentSince = now;
    }
    if (now - silentSince >= patience.toMillis()) {
      throw gone(workflowId);
    }
  }

  /** True when the server answers right now (asked once, with the probe's short deadline). */
  boolean answersNow() {
    return answers.getAsBoolean();
  }

  /** Whether this watch gave up on the server: closing the session must not wait for it then. */
  boolean isGone() {
    return gone;
  }

  /** The one line for a server that is gone; also marks the watch gone. */
  UserError gone(String workflowId) {
    gone = true;
    return new UserError(
        UserError.SERVER_GONE,
        "the Temporal server at "
            + address
            + " stopped answering (silent for "
            + patience.toSeconds()
            + " s); once it is back, follow the run with: taskmill watch "
            + workflowId
            + " --address "
            + address);
  }
}
