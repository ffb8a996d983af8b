package dev.taskmill.validation;

import java.nio.file.Path;
import java.util.List;

/** One named stage of a plan: the log is "name.log" and the patches are applied in order. */
public record PlannedStage(String name, StageRole role, List<Path> patches) {
  public PlannedStage {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("a stage name must be a plain file name: " + name);
    }
    patches = List.copyOf(patches);
    patches.forEach(p -> {
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("patch paths must be absolute: " + p);
      }
    });
  }

  /** The run of this stage that is part of a rerun, e.g. "FAIL_pre_patch.rerun1". */
  public PlannedStage rerun(int n) {
    return new PlannedStage(name + ".rerun" + n, role, patches);
  }
}
