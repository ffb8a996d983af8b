package dev.taskmill.patches;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Phase 2: split the PR's diff into fix.patch and tests.patch and check that both apply. */
@ActivityInterface
public interface PatchExtractionActivity {
  @ActivityMethod(name = "ExtractPatches")
  ExtractionOutput extract(ExtractionInput input);
}
