package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import io.temporal.client.ActivityCanceledException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.Header;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Untyped activity failures leave the worker as INTERNAL in one line; typed ones and cancellations
 * pass as they are.
 */
class TypedFailureInterceptorTest {
  private static Throwable thrownThrough(RuntimeException thrown) {
    ActivityInboundCallsInterceptor failing =
        new ActivityInboundCallsInterceptor() {
          @Override
          public void init(io.temporal.activity.ActivityExecutionContext context) {}

          @Override
          public ActivityOutput execute(ActivityInput input) {
            throw thrown;
          }
        };
    return catchThrowable(
        () ->
            new TypedFailureInterceptor()
                .interceptActivity(failing)
                .execute(
                    new ActivityInboundCallsInterceptor.ActivityInput(
                        Header.empty(), new Object[0])));
  }

  @Test
  void anUncheckedIoErrorBecomesInternalInOneLine() {
    Throwable out =
        thrownThrough(
            new UncheckedIOException(
                "cannot write\n the build context", new IOException("No space left on device")));

    assertThat(out)
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureType.INTERNAL.name());
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getOriginalMessage())
                  .isEqualTo("activity failed: cannot write the build context");
            });
  }

  static Stream<RuntimeException> passThrough() {
    return Stream.of(
        Failures.of(FailureType.NO_TEST_FLIPS, "no test flips"), new ActivityCanceledException());
  }

  @ParameterizedTest
  @MethodSource("passThrough")
  void typedFailuresAndCancellationsPassAsTheyAre(RuntimeException thrown) {
    assertThat(thrownThrough(thrown)).isSameAs(thrown);
  }
}
