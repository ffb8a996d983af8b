package dev.taskmill.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each class of failure is told apart by its exit code, and permanent ones are never retried. */
class FailureTypeTest {
  @Test
  void permanentFailuresHaveDistinctExitCodesOutsideZeroAndUsage() {
    var permanent = Arrays.stream(FailureType.values()).filter(t -> !t.retryable()).toList();
    assertThat(permanent.stream().map(FailureType::exitCode))
        .doesNotHaveDuplicates()
        .doesNotContain(0, 1, 2);
  }

  @ParameterizedTest
  @EnumSource(FailureType.class)
  void applicationFailureCarriesTypeAndRetryability(FailureType type) {
    ApplicationFailure failure = Failures.of(type, "one line");
    assertThat(failure.getType()).isEqualTo(type.name());
    assertThat(failure.isNonRetryable()).isEqualTo(!type.retryable());
    assertThat(FailureType.fromType(failure.getType())).isEqualTo(type);
  }

  @Test
  void unknownTypesAreInternal() {
    assertThat(FailureType.fromType("SomethingElse")).isEqualTo(FailureType.INTERNAL);
    assertThat(FailureType.fromType(null)).isEqualTo(FailureType.INTERNAL);
  }
}
