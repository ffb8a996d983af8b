package dev.taskmill.workflow;

import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Schedules a docker-queue activity again each time no worker takes it within {@link
 * ActivityOptionsCatalog#DOCKER_PICKUP}, after saying so: the one way workflow code learns, from
 * its own history, that nobody picked its activity up (docs/decisions.md, "Waiting for a worker of
 * the docker queue").
 */
final class PickupWait {
  private PickupWait() {}

  /**
   * {@code call}'s result; each schedule-to-start timeout first hands the wait's one line to {@code
   * onWait}, then calls again. Any other failure leaves as it came.
   */
  static <T> T untilTaken(Supplier<T> call, LongSupplier clock, Consumer<String> onWait) {
    long since = clock.getAsLong();
    while (true) {
      try {
        return call.get();
      } catch (ActivityFailure failure) {
        if (!isPickupTimeout(failure)) {
          throw failure;
        }
        onWait.accept(line(failure.getActivityType(), clock.getAsLong() - since));
      }
    }
  }

  static boolean isPickupTimeout(ActivityFailure failure) {
    return failure.getCause() instanceof TimeoutFailure timeout
        && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START;
  }

  /** What the board and the Web UI's current details say while the activity waits. */
  static String line(String activityType, long waitedMillis) {
    String queue = ActivityOptionsCatalog.taskQueueOf(activityType);
    String role = queue.equals(TaskQueues.DOCKER) ? "docker" : "light";
    // Past tense: the line stays on the board until the phase ends, also after a worker took it.
    return "no worker of the "
        + role
        + " task queue ("
        + queue
        + ") took it in "
        + Duration.ofMillis(waitedMillis).toSeconds()
        + " s (none polls, or all are busy); scheduled again. Is a taskmill worker --queues "
        + role
        + " running?";
  }
}
