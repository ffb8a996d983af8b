package dev.taskmill.patches;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What phase 2 needs: the repository, the two commits, and the work area to write patches into.
 *
 * @param workDir an absolute directory that the patches are written to; nothing is written outside
 *     it
 * @param prNumber the PR's number, for messages a person reads; null when unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionInput(
    String repoUrl, String baseCommit, String mergeCommit, String workDir, Integer prNumber) {
  public ExtractionInput {
    if (repoUrl == null || repoUrl.isBlank()) {
      throw new IllegalArgumentException("repoUrl is required");
    }
    for (String sha : new String[] {baseCommit, mergeCommit}) {
      if (sha == null || !sha.matches("[0-9a-f]{40}")) {
        throw new IllegalArgumentException("commits must be full 40-character ids: " + sha);
      }
    }
    if (workDir == null || workDir.isBlank() || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    if (prNumber != null && prNumber <= 0) {
      throw new IllegalArgumentException("prNumber must be positive: " + prNumber);
    }
  }

  /** Without the PR number (messages then name the merge commit). */
  public ExtractionInput(String repoUrl, String baseCommit, String mergeCommit, String workDir) {
    this(repoUrl, baseCommit, mergeCommit, workDir, null);
  }

  /** "PR #N", or the merge commit's short id when the number is unknown. */
  public String describe() {
    return prNumber != null ? "PR #" + prNumber : "commit " + mergeCommit.substring(0, 12);
  }
}
