package dev.taskmill.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An ordered list of named stages; the standard plan is pass, fail, pass and then the reruns. */
public record ValidationPlan(List<PlannedStage> stages) {
  public static final String PASS_PRE_TESTS = "PASS_pre_tests";
  public static final String FAIL_PRE_PATCH = "FAIL_pre_patch";
  public static final String PASS_POST_PATCH = "PASS_post_patch";

  public ValidationPlan {
    stages = List.copyOf(stages);
    if (stages.stream().map(PlannedStage::name).distinct().count() != stages.size()) {
      throw new IllegalArgumentException("stage names must be unique: " + stages);
    }
  }

  /** Before any patch, after tests.patch, after both; then the fail and post stages again, reruns times. */
  public static ValidationPlan standard(Path testsPatch, Path fixPatch, int reruns) {
    PlannedStage fail = new PlannedStage(FAIL_PRE_PATCH, StageRole.TESTS_ONLY, List.of(testsPatch));
    PlannedStage post = new PlannedStage(PASS_POST_PATCH, StageRole.TESTS_AND_FIX, List.of(testsPatch, fixPatch));
    List<PlannedStage> stages = new ArrayList<>(List.of(
        new PlannedStage(PASS_PRE_TESTS, StageRole.BASE, List.of()), fail, post));
    for (int n = 1; n <= reruns; n++) {
      stages.add(fail.rerun(n));
      stages.add(post.rerun(n));
    }
    return new ValidationPlan(stages);
  }
}
