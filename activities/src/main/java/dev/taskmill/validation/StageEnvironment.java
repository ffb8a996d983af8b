package dev.taskmill.validation;

import dev.taskmill.analysis.Stack;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.stage.BindMount;
import dev.taskmill.validation.report.ContainerPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What every stage of one sample shares: the image, its run.sh, the dependency-cache mounts, the
 * user and where the project sits in the container (to make report paths relative).
 */
public record StageEnvironment(
    String image, Path runScript, List<BindMount> mounts, String user, ContainerPaths paths) {
  public StageEnvironment {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("a stage needs an image");
    }
    Objects.requireNonNull(runScript, "runScript");
    if (!runScript.isAbsolute()) {
      throw new IllegalArgumentException("runScript must be an absolute path: " + runScript);
    }
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(paths, "paths");
    user = user == null || user.isBlank() ? null : user;
  }

  /** The stage environment that phase 4 describes for a stack. */
  public static StageEnvironment of(EnvironmentOutput environment, Stack stack) {
    return new StageEnvironment(
        environment.sampleImage(),
        Path.of(environment.runScript()),
        environment.mounts(),
        environment.user(),
        ContainerPaths.forProjectDir(stack.projectDir()));
  }
}
