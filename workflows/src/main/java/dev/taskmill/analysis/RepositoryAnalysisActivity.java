package dev.taskmill.analysis;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Phase 1: clone the repository, detect its stack, find its PRs and pick one. */
@ActivityInterface
public interface RepositoryAnalysisActivity {
  @ActivityMethod(name = "AnalyzeRepository")
  AnalysisOutput analyze(AnalysisInput input);
}
