package dev.taskmill.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What phase 1 needs: a repository and, optionally, the PR to use.
 *
 * @param repoUrl a git URL or a local repository path; a local clone whose origin is on GitHub is
 *     asked about on the GitHub API as that repository
 * @param prNumber the requested PR, or null to pick the best one
 * @param githubApiUrl the GitHub REST API base (GitHub Enterprise), or null for
 *     https://api.github.com
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalysisInput(String repoUrl, Integer prNumber, String githubApiUrl) {
  public AnalysisInput {
    if (repoUrl == null || repoUrl.isBlank()) {
      throw new IllegalArgumentException("repoUrl is required");
    }
    if (prNumber != null && prNumber <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + prNumber);
    }
  }
}
