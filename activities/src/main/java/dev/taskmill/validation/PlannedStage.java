package dev.taskmill.validation;

import java.nio.file.Path;
import java.util.List;

/**
 * One named stage of a plan: the log is "name.log" and the patches are applied in order.
 *
 * @param coverage whether the stage measures coverage (docs/sample-format.md asks it of the two
 *     pass logs only)
 */
public record PlannedStage(String name, StageRole role, List<Path> patches, boolean coverage) {
  public PlannedStage {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("a stage name must be a plain file name: " + name);
    }
    patches = List.copyOf(patches);
    patches.forEach(
        p -> {
          if (!p.isAbsolute()) {
            throw new IllegalArgumentException("patch paths must be absolute: " + p);
          }
        });
  }

  /** A stage with coverage where the contract wants it: the base and the post stage. */
  public PlannedStage(String name, StageRole role, List<Path> patches) {
    this(name, role, patches, role == StageRole.BASE || role == StageRole.TESTS_AND_FIX);
  }

  /**
   * The run of this stage that is part of a rerun, e.g. "FAIL_pre_patch.rerun1"; reruns only
   * compare outcomes, so they measure no coverage.
   */
  public PlannedStage rerun(int n) {
    return new PlannedStage(name + ".rerun" + n, role, patches, false);
  }
}
