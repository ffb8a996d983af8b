package dev.taskmill.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * The pull request a sample is made from.
 *
 * @param baseCommit the merge's first parent, or the squash commit's parent
 * @param mergeCommit the merge or squash commit (or the head of refs/pull/N/head)
 * @param url the PR's web URL, or null when the repository is not on GitHub
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PullRequest(
    int number,
    String title,
    String body,
    String url,
    List<Integer> linkedIssues,
    boolean merged,
    String baseCommit,
    String mergeCommit,
    PrSource source,
    String mergedAt) {
  public PullRequest {
    if (number <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + number);
    }
    requireSha(baseCommit, "baseCommit");
    requireSha(mergeCommit, "mergeCommit");
    Objects.requireNonNull(source, "source");
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    linkedIssues = linkedIssues == null ? List.of() : List.copyOf(linkedIssues);
  }

  static void requireSha(String sha, String what) {
    if (sha == null || !sha.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException(what + " must be a full 40-character commit id: " + sha);
    }
  }
}
