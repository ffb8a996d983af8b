package dev.taskmill.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of a validation: a first round whose stages do not depend on each other, then {@code
 * reruns} rounds that repeat every stage but the base (with only the tests that decide, see {@link
 * RerunSelection}).
 */
public record ValidationPlan(List<PlannedStage> first, int reruns) {
  public static final String PASS_PRE_TESTS = "PASS_pre_tests";
  public static final String FAIL_PRE_PATCH = "FAIL_pre_patch";
  public static final String PASS_POST_PATCH = "PASS_post_patch";

  public ValidationPlan {
    first = List.copyOf(first);
    if (reruns < 0) {
      throw new IllegalArgumentException("reruns must not be negative: " + reruns);
    }
    List<PlannedStage> all = stagesOf(first, reruns);
    if (all.stream().map(PlannedStage::name).distinct().count() != all.size()) {
      throw new IllegalArgumentException("stage names must be unique: " + all);
    }
  }

  /**
   * Before any patch, after tests.patch, after both; then the fail and post stages again, reruns
   * times.
   */
  public static ValidationPlan standard(Path testsPatch, Path fixPatch, int reruns) {
    return new ValidationPlan(
        List.of(
            new PlannedStage(PASS_PRE_TESTS, StageRole.BASE, List.of()),
            new PlannedStage(FAIL_PRE_PATCH, StageRole.TESTS_ONLY, List.of(testsPatch)),
            new PlannedStage(
                PASS_POST_PATCH, StageRole.TESTS_AND_FIX, List.of(testsPatch, fixPatch))),
        reruns);
  }

  /** Every stage the plan may run: the first round, then each rerun round in order. */
  public List<PlannedStage> stages() {
    return stagesOf(first, reruns);
  }

  /**
   * Rerun round {@code n} (from 1): every first-round stage except the base, named "NAME.rerunN".
   */
  public List<PlannedStage> rerunRound(int n) {
    return first.stream().filter(s -> s.role() != StageRole.BASE).map(s -> s.rerun(n)).toList();
  }

  private static List<PlannedStage> stagesOf(List<PlannedStage> first, int reruns) {
    List<PlannedStage> all = new ArrayList<>(first);
    for (int n = 1; n <= reruns; n++) {
      for (PlannedStage s : first) {
        if (s.role() != StageRole.BASE) {
          all.add(s.rerun(n));
        }
      }
    }
    return all;
  }
}
