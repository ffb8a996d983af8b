package dev.taskmill.environment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.analysis.Stack;
import java.util.Objects;

/**
 * What phase 4 needs: the repository at its base commit, its stack, and the work area for
 * Dockerfile and run.sh.
 *
 * @param testFiles the test files the PR touches, so that run.sh can name them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentInput(
    String repoUrl,
    String repoName,
    String baseCommit,
    Stack stack,
    String workDir,
    java.util.List<String> testFiles) {
  public EnvironmentInput {
    if (repoUrl == null || repoUrl.isBlank()) {
      throw new IllegalArgumentException("repoUrl is required");
    }
    Objects.requireNonNull(repoName, "repoName");
    if (baseCommit == null || !baseCommit.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException("baseCommit must be a full commit id: " + baseCommit);
    }
    Objects.requireNonNull(stack, "stack");
    if (workDir == null || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    testFiles = testFiles == null ? java.util.List.of() : java.util.List.copyOf(testFiles);
  }
}
