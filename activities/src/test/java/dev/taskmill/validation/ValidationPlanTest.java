package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationPlanTest {
  private static final Path TESTS = Path.of("/w/tests.patch");
  private static final Path FIX = Path.of("/w/fix.patch");

  @Test
  void theStandardPlanIsPassFailPassThenTheReruns() {
    ValidationPlan plan = ValidationPlan.standard(TESTS, FIX, 2);

    assertThat(plan.stages())
        .extracting(PlannedStage::name)
        .containsExactly(
            "PASS_pre_tests",
            "FAIL_pre_patch",
            "PASS_post_patch",
            "FAIL_pre_patch.rerun1",
            "PASS_post_patch.rerun1",
            "FAIL_pre_patch.rerun2",
            "PASS_post_patch.rerun2");
    assertThat(plan.stages().get(2).patches()).containsExactly(TESTS, FIX);
    assertThat(plan.stages().get(0).patches()).isEmpty();
    assertThat(plan.rerunRound(2))
        .extracting(PlannedStage::name)
        .containsExactly("FAIL_pre_patch.rerun2", "PASS_post_patch.rerun2");
  }

  @Test
  void onlyThePassStagesOfTheFirstRoundMeasureCoverage() {
    ValidationPlan plan = ValidationPlan.standard(TESTS, FIX, 1);

    assertThat(plan.stages())
        .extracting(PlannedStage::name, PlannedStage::coverage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PASS_pre_tests", true),
            org.assertj.core.groups.Tuple.tuple("FAIL_pre_patch", false),
            org.assertj.core.groups.Tuple.tuple("PASS_post_patch", true),
            org.assertj.core.groups.Tuple.tuple("FAIL_pre_patch.rerun1", false),
            org.assertj.core.groups.Tuple.tuple("PASS_post_patch.rerun1", false));
  }

  @Nested
  class Stages {
    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a b", "", "x/y", "-rm"})
    void aStageNameMustBeAPlainFileName(String name) {
      assertThatThrownBy(() -> new PlannedStage(name, StageRole.OTHER, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void patchPathsMustBeAbsolute() {
      assertThatThrownBy(
              () -> new PlannedStage("x", StageRole.OTHER, List.of(Path.of("fix.patch"))))
          .hasMessageContaining("fix.patch");
    }

    @Test
    void stageNamesAreUnique() {
      PlannedStage one = new PlannedStage("x", StageRole.OTHER, List.of());
      assertThatThrownBy(() -> new ValidationPlan(List.of(one, one), 0))
          .hasMessageContaining("unique");
    }
  }
}
