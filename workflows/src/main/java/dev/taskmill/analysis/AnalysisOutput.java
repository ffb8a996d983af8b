package dev.taskmill.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * What phase 1 found: the stack, the picked PR, every candidate with its score, and why this one.
 *
 * @param repoName "owner/name" for GitHub URLs, else the repository's directory name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalysisOutput(
    String repoUrl,
    String repoName,
    String defaultBranch,
    Stack stack,
    PullRequest pullRequest,
    List<Candidate> candidates,
    String pickReason) {
  public AnalysisOutput {
    Objects.requireNonNull(repoUrl, "repoUrl");
    Objects.requireNonNull(repoName, "repoName");
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(pullRequest, "pullRequest");
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    pickReason = pickReason == null ? "" : pickReason;
  }
}
