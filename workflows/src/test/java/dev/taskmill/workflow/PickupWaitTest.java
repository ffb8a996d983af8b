package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PickupWaitTest {
  static ActivityFailure timedOut(TimeoutType type) {
    return new ActivityFailure(
        "timed out",
        1,
        2,
        "PrepareEnvironment",
        "1",
        RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
        "id",
        new TimeoutFailure("timeout", null, type));
  }

  @Test
  void eachPickupTimeoutIsSaidThenTheCallRunsAgain() {
    AtomicInteger calls = new AtomicInteger();
    AtomicLong clock = new AtomicLong(1_000);
    List<String> said = new ArrayList<>();

    String result =
        PickupWait.untilTaken(
            () -> {
              clock.addAndGet(45_000);
              if (calls.incrementAndGet() < 3) {
                throw timedOut(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START);
              }
              return "image";
            },
            clock::get,
            said::add);

    assertThat(result).isEqualTo("image");
    assertThat(said)
        .containsExactly(
            "no worker of the docker task queue (taskmill-docker) took it in 45 s (none polls, or"
                + " all are busy); scheduled again. Is a taskmill worker --queues docker running?",
            "no worker of the docker task queue (taskmill-docker) took it in 90 s (none polls, or"
                + " all are busy); scheduled again. Is a taskmill worker --queues docker running?");
  }

  @Test
  void otherFailuresLeaveAsTheyCame() {
    ActivityFailure heartbeat = timedOut(TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
    List<String> said = new ArrayList<>();

    assertThatThrownBy(
            () ->
                PickupWait.untilTaken(
                    () -> {
                      throw heartbeat;
                    },
                    () -> 0,
                    said::add))
        .isSameAs(heartbeat);
    assertThat(said).isEmpty();
    assertThat(
            PickupWait.isPickupTimeout(
                new ActivityFailure(
                    "failed",
                    1,
                    2,
                    "ValidateSample",
                    "1",
                    RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
                    "id",
                    ApplicationFailure.newFailure("no", "NO_TEST_FLIPS"))))
        .isFalse();
  }
}
