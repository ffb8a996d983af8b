package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Activity types map to phases, and failures to a bounded set of outcome labels. */
class MetricsInterceptorTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "AnalyzeRepository, analysis",
    "PrepareEnvironment, environment",
    "ValidateSample, validation",
    "RejectSample, rejection",
    "SomethingNew, other"
  })
  void activityTypesMapToPhases(String type, String phase) {
    assertThat(MetricsInterceptor.phase(type)).isEqualTo(phase);
  }

  @Test
  void outcomeIsTheFailureTypeOnlyWhenItIsTaskmills() {
    assertThat(MetricsInterceptor.outcome(Failures.of(FailureType.NO_TEST_FLIPS, "x")))
        .isEqualTo("no_test_flips");
    assertThat(
            MetricsInterceptor.outcome(
                ApplicationFailure.newFailure("x", "java.io.IOException: /repo/a")))
        .isEqualTo("error");
    assertThat(MetricsInterceptor.outcome(new IllegalStateException("x"))).isEqualTo("error");
  }
}
