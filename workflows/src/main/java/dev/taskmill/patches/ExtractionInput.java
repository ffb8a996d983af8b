package dev.taskmill.patches;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What phase 2 needs: the repository, the two commits, and the work area to write patches into.
 *
 * @param workDir an absolute directory that the patches are written to; nothing is written outside it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionInput(String repoUrl, String baseCommit, String mergeCommit, String workDir) {
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
  }
}
