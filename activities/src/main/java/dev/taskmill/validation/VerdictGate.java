package dev.taskmill.validation;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/** Rejects a sample whose verdict does not hold: a test goes pass to fail, or no test flips. */
final class VerdictGate {
  private VerdictGate() {}

  static Optional<ApplicationFailure> check(Verdict verdict) {
    if (!verdict.passToFail().isEmpty()) {
      return Optional.of(
          Failures.of(
              FailureType.PASS_TO_FAIL,
              verdict.passToFail().size()
                  + " test(s) pass before the fix and fail after it: "
                  + StageGate.named(verdict.passToFail())
                  + " (see PASS_post_patch.log)"));
    }
    if (verdict.failToPass().isEmpty()) {
      String flaky =
          verdict.flaky().isEmpty()
              ? ""
              : "; flaky, so not counted: " + StageGate.named(verdict.flaky());
      return Optional.of(
          Failures.of(
              FailureType.NO_TEST_FLIPS,
              "no test fails after tests.patch and passes after"
                  + " fix.patch (see FAIL_pre_patch.log and PASS_post_patch.log)"
                  + flaky));
    }
    return Optional.empty();
  }
}
