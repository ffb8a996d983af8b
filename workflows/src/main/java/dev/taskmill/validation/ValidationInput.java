package dev.taskmill.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.analysis.Stack;
import dev.taskmill.environment.EnvironmentOutput;
import java.util.Objects;

/**
 * What phase 5 needs: the environment, the patches (by path) and the settings.
 *
 * @param workDir absolute work area; logs are written here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationInput(
    String repoUrl,
    String baseCommit,
    Stack stack,
    EnvironmentOutput environment,
    String testsPatch,
    String fixPatch,
    String workDir,
    ValidationSettings settings) {
  public ValidationInput {
    Objects.requireNonNull(repoUrl, "repoUrl");
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(testsPatch, "testsPatch");
    Objects.requireNonNull(fixPatch, "fixPatch");
    if (workDir == null || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    settings = settings == null ? ValidationSettings.DEFAULTS : settings;
  }
}
