package dev.taskmill.validation;

import static dev.taskmill.validation.report.TestOutcome.FAILED;
import static dev.taskmill.validation.report.TestOutcome.PASSED;
import static dev.taskmill.validation.report.TestOutcome.SKIPPED;
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

class VerdictTest {
  /** "P" passed, "F" failed, "S" skipped, "-" absent. */
  private static TestResults run(String id, String outcome) {
    Map<String, TestOutcome> map = new HashMap<>();
    switch (outcome) {
      case "P" -> map.put(id, PASSED);
      case "F" -> map.put(id, FAILED);
      case "S" -> map.put(id, SKIPPED);
      default -> {}
    }
    return TestResults.of(map);
  }

  @ParameterizedTest(name = "base {0}, fail {1}, post {2} -> {3}")
  @CsvSource({
    // base, fail runs, post runs, list
    "-, F,  P,  FAIL_TO_PASS",
    "-, -,  P,  FAIL_TO_PASS",
    "P, F,  P,  FAIL_TO_PASS",
    "P, P,  P,  PASS_TO_PASS",
    "-, P,  P,  PASS_TO_PASS",
    "P, P,  F,  PASS_TO_FAIL",
    "P, F,  F,  PASS_TO_FAIL",
    "-, F,  F,  NONE",
    "-, F,  S,  NONE",
    "P, P,  -,  NONE",
    "-, FF, PF, FLAKY",
    "-, FP, PP, FLAKY",
    "-, F-, PP, FLAKY",
    "-, FF, PP, FAIL_TO_PASS",
  })
  void eachTestLandsInTheListTheContractDefines(
      String base, String fails, String posts, String list) {
    String id = "tests/test_x.py::test_y";
    List<TestResults> failRuns =
        fails.chars().mapToObj(c -> run(id, String.valueOf((char) c))).toList();
    List<TestResults> postRuns =
        posts.chars().mapToObj(c -> run(id, String.valueOf((char) c))).toList();

    Verdict verdict = Verdict.of(run(id, base), failRuns, postRuns);

    assertThat(verdict.failToPass().contains(id)).isEqualTo(list.equals("FAIL_TO_PASS"));
    assertThat(verdict.passToPass().contains(id)).isEqualTo(list.equals("PASS_TO_PASS"));
    assertThat(verdict.passToFail().contains(id)).isEqualTo(list.equals("PASS_TO_FAIL"));
    assertThat(verdict.flaky().contains(id)).isEqualTo(list.equals("FLAKY"));
  }

  @Nested
  class Lists {
    @Test
    void listsAreSortedAndDisjoint() {
      TestResults base = TestResults.of(Map.of("b", PASSED, "a", PASSED));
      TestResults fail = TestResults.of(Map.of("b", PASSED, "a", PASSED, "d", FAILED, "c", FAILED));
      TestResults post = TestResults.of(Map.of("b", PASSED, "a", PASSED, "d", PASSED, "c", PASSED));

      Verdict verdict = Verdict.of(base, List.of(fail), List.of(post));

      assertThat(verdict.failToPass()).containsExactly("c", "d");
      assertThat(verdict.passToPass()).containsExactly("a", "b");
    }
  }
}
