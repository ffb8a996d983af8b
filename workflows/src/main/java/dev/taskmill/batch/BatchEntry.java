package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One line of a batch file: a repository, and the PR to use or null to let taskmill pick (or rank,
 * with --mine).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchEntry(String repoUrl, Integer prNumber) {
  public BatchEntry {
    if (repoUrl == null || repoUrl.isBlank()) {
      throw new IllegalArgumentException("repoUrl is required");
    }
    if (prNumber != null && prNumber <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + prNumber);
    }
  }
}
