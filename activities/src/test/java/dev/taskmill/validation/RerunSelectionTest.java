package dev.taskmill.validation;

import static dev.taskmill.validation.report.TestOutcome.FAILED;
import static dev.taskmill.validation.report.TestOutcome.PASSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.validation.report.TestOutcome;
import dev.taskmill.validation.report.TestResults;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RerunSelectionTest {
  private static final String ID = "tests/test_x.py::test_y";

  /** "P" passed, "F" failed, "-" absent. */
  private static TestResults run(String outcome) {
    return switch (outcome) {
      case "P" -> TestResults.of(Map.of(ID, PASSED));
      case "F" -> TestResults.of(Map.of(ID, FAILED));
      default -> TestResults.empty();
    };
  }

  @ParameterizedTest(name = "base {0}, fail {1}, post {2} -> rerun {3}")
  @CsvSource({
    "P, P, P, false", // PASS_TO_PASS whatever a rerun says
    "P, F, P, true", // a FAIL_TO_PASS candidate
    "-, F, P, true", // a new test that flips
    "-, P, P, true", // a new test: the flaky fixture's case
    "P, P, F, true", // breaks after the fix: a rerun may show it flaky, not broken
    "F, F, F, true", // fails at the base (outside tests.patch), still differs from absent
    "-, -, P, true",
  })
  void aTestIsRerunWhenItsOutcomeDiffersBetweenTheStages(
      String base, String fail, String post, boolean rerun) {
    RerunSelection selection = RerunSelection.of(run(base), run(fail), run(post));

    assertThat(selection.deciding().contains(ID))
        .isEqualTo(rerun && !(base.equals(fail) && fail.equals(post)));
  }

  @Test
  void aStageSelectsOnlyTheDecidingTestsItReported() {
    TestResults base = TestResults.of(Map.of("a", PASSED, "b", PASSED));
    TestResults fail = TestResults.of(Map.of("a", PASSED, "b", FAILED));
    TestResults post = TestResults.of(Map.of("a", PASSED, "b", PASSED, "new", PASSED));

    RerunSelection selection = RerunSelection.of(base, fail, post);

    assertThat(selection.deciding()).containsExactly("b", "new");
    assertThat(selection.idsFor(fail)).containsExactly("b");
    assertThat(selection.idsFor(post)).containsExactly("b", "new");
    assertThat(selection.wholeSuite()).isFalse();
  }

  @Test
  void pastTheSelectionLimitTheWholeSuiteRunsAgain() {
    Map<String, TestOutcome> fail = new HashMap<>();
    Map<String, TestOutcome> post = new HashMap<>();
    for (int i = 0; i <= StageRunner.MAX_SELECTED_TESTS; i++) {
      fail.put("t" + i, FAILED);
      post.put("t" + i, PASSED);
    }

    RerunSelection selection =
        RerunSelection.of(TestResults.empty(), TestResults.of(fail), TestResults.of(post));

    assertThat(selection.wholeSuite()).isTrue();
  }

  @Nested
  class Overlay {
    @Test
    void theSelectedTestsTakeTheRerunsOutcomeAndTheOthersKeepTheirs() {
      TestResults first = TestResults.of(Map.of("a", PASSED, "b", FAILED, "c", FAILED));
      TestResults rerun = TestResults.of(Map.of("b", PASSED));

      TestResults whole = first.overlay(rerun, List.of("b", "c"));

      assertThat(whole.asMap())
          .containsExactlyInAnyOrderEntriesOf(Map.of("a", PASSED, "b", PASSED));
    }
  }
}
