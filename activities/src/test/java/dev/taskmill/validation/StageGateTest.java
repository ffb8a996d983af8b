package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.docker.ContainerRun;
import dev.taskmill.failure.FailureType;
import dev.taskmill.validation.report.TestOutcome;
import dev.taskmill.validation.report.TestResults;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageGateTest {
  private static final Path TESTS = Path.of("/work/tests.patch");
  private static final Path FIX = Path.of("/work/fix.patch");

  private static StageRun run(StageRole role, int exit, boolean timedOut, TestResults tests) {
    PlannedStage stage =
        switch (role) {
          case BASE -> new PlannedStage("PASS_pre_tests", role, List.of());
          case TESTS_ONLY -> new PlannedStage("FAIL_pre_patch", role, List.of(TESTS));
          case TESTS_AND_FIX -> new PlannedStage("PASS_post_patch", role, List.of(TESTS, FIX));
          case OTHER -> new PlannedStage("trajectory", role, List.of(FIX));
        };
    StageResult result =
        new StageResult(
            stage.name(),
            "/work/" + stage.name() + ".log",
            exit,
            timedOut,
            tests.size(),
            0,
            0,
            0,
            null,
            10);
    return new StageRun(stage, result, tests, new ContainerRun(exit, timedOut, 1, 1, 1, 1));
  }

  @ParameterizedTest(name = "{0} exit {1} timedOut {2} -> {3}")
  @CsvSource({
    "BASE,          4,   false, BASE_BUILD_FAILED,        but the project does not build in it at the base commit",
    "BASE,          1,   false, BASE_TESTS_FAIL,          no report names a failing test",
    "BASE,          127, false, ENVIRONMENT_BUILD_FAILED, exit code 127",
    "BASE,          137, true,  STAGE_TIMEOUT,            PASS_pre_tests did not finish within 30 s",
    "TESTS_ONLY,    3,   false, PATCH_DOES_NOT_APPLY,     tests.patch does not apply",
    "TESTS_ONLY,    4,   false, TESTS_DO_NOT_COMPILE,     tests.patch does not compile without the fix",
    "TESTS_AND_FIX, 3,   false, PATCH_DOES_NOT_APPLY,     fix.patch does not apply after tests.patch",
    "TESTS_AND_FIX, 4,   false, ENVIRONMENT_BUILD_FAILED, after tests.patch and fix.patch",
    "TESTS_AND_FIX, 137, true,  STAGE_TIMEOUT,            PASS_post_patch did not finish within 30 s",
  })
  void badExitCodesRejectWithTheirReason(
      StageRole role, int exit, boolean timedOut, FailureType type, String says) {
    Optional<ApplicationFailure> rejection =
        StageGate.check(run(role, exit, timedOut, TestResults.empty()), 30);

    assertThat(rejection)
        .get()
        .satisfies(
            f -> {
              assertThat(f.getType()).isEqualTo(type.name());
              assertThat(f.getOriginalMessage()).contains(says);
              assertThat(f.isNonRetryable()).isTrue();
            });
  }

  @ParameterizedTest(name = "{0} exit {1} is fine")
  @CsvSource({
    "BASE, 0",
    "TESTS_ONLY, 0",
    "TESTS_ONLY, 1",
    "TESTS_AND_FIX, 0",
    "TESTS_AND_FIX, 1",
    "OTHER, 4"
  })
  void expectedExitCodesPass(StageRole role, int exit) {
    TestResults tests = TestResults.of(Map.of("tests/test_x.py::test_y", TestOutcome.PASSED));
    assertThat(StageGate.check(run(role, exit, false, tests), 30)).isEmpty();
  }

  @ParameterizedTest(name = "{0} exit {1} without reports")
  @CsvSource({"TESTS_ONLY, 1", "TESTS_AND_FIX, 0"})
  void aPatchedStageWithoutReportsIsNotGuessed(StageRole role, int exit) {
    ApplicationFailure failure =
        StageGate.check(run(role, exit, false, TestResults.empty()), 30).orElseThrow();

    assertThat(failure.getType()).isEqualTo(FailureType.ENVIRONMENT_BUILD_FAILED.name());
    assertThat(failure.getOriginalMessage())
        .contains("wrote no test report to /taskmill/out/reports");
  }

  @Test
  void aBaseWithoutTestsIsFineBecauseThePrMayAddTheFirstOne() {
    assertThat(StageGate.check(run(StageRole.BASE, 0, false, TestResults.empty()), 30)).isEmpty();
  }

  @Nested
  class BaseTests {
    @Test
    void failingBaseTestsAreNamedUpToThree() {
      TestResults tests =
          TestResults.of(
              Map.of(
                  "t1",
                  TestOutcome.FAILED,
                  "t2",
                  TestOutcome.FAILED,
                  "t3",
                  TestOutcome.FAILED,
                  "t4",
                  TestOutcome.FAILED,
                  "ok",
                  TestOutcome.PASSED));

      ApplicationFailure failure =
          StageGate.check(run(StageRole.BASE, 1, false, tests), 30).orElseThrow();

      assertThat(failure.getType()).isEqualTo(FailureType.BASE_TESTS_FAIL.name());
      assertThat(failure.getOriginalMessage())
          .startsWith("4 test(s) already fail at the base commit: t1, t2, t3 and 1 more");
    }
  }

  @Nested
  class Verdicts {
    @Test
    void noFlipNamesTheFlakyTestsItIgnored() {
      Verdict verdict = new Verdict(List.of(), List.of("a"), List.of("flaky_one"), List.of());

      ApplicationFailure failure = VerdictGate.check(verdict).orElseThrow();

      assertThat(failure.getType()).isEqualTo(FailureType.NO_TEST_FLIPS.name());
      assertThat(failure.getOriginalMessage()).contains("flaky, so not counted: flaky_one");
    }

    @Test
    void passToFailWinsOverNoFlip() {
      Verdict verdict = new Verdict(List.of(), List.of(), List.of(), List.of("broke"));

      assertThat(VerdictGate.check(verdict))
          .get()
          .extracting(ApplicationFailure::getType)
          .isEqualTo(FailureType.PASS_TO_FAIL.name());
    }

    @Test
    void aFlipWithoutRegressionHolds() {
      assertThat(
              VerdictGate.check(new Verdict(List.of("new"), List.of("old"), List.of(), List.of())))
          .isEmpty();
    }
  }
}
