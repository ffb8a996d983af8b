package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.ActivityCanceledException;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActivityHeartbeatTest {

  @Nested
  class OutsideAnActivity {
    @Test
    void progressAndStepsAreQuietNoOps() {
      ActivityHeartbeat heartbeat = new ActivityHeartbeat();
      assertThatCode(() -> {
        heartbeat.accept("step");
        heartbeat.beginTask("Receiving objects", ProgressMonitor.UNKNOWN);
        heartbeat.update(10);
        heartbeat.throwIfCancelled();
      }).doesNotThrowAnyException();
      assertThat(heartbeat.isCancelled()).isFalse();
    }
  }

  /** A stand-in for a long JGit fetch. */
  @ActivityInterface
  public interface LongFetch {
    String fetch();
  }

  @Nested
  class InACancelledActivity {
    @Test
    void jgitIsToldToStopAndTheCancellationIsRethrownAfterwards() {
      AtomicReference<Boolean> seenByJgit = new AtomicReference<>();
      AtomicReference<Throwable> rethrown = new AtomicReference<>();
      TestActivityEnvironment env = TestActivityEnvironment.newInstance();
      try {
        env.registerActivitiesImplementations((LongFetch) () -> {
          ActivityHeartbeat heartbeat = new ActivityHeartbeat();
          heartbeat.beginTask("Receiving objects", 100); // JGit's callback: must not throw
          seenByJgit.set(heartbeat.isCancelled());
          try {
            heartbeat.throwIfCancelled();
          } catch (RuntimeException e) {
            rethrown.set(e);
            throw e;
          }
          return "finished";
        });
        LongFetch stub = env.newActivityStub(LongFetch.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
        env.requestCancelActivity();
        assertThatThrownBy(stub::fetch).isNotNull();
      } finally {
        env.close();
      }
      assertThat(seenByJgit.get()).isTrue();
      assertThat(rethrown.get()).isInstanceOf(ActivityCanceledException.class);
    }
  }
}
