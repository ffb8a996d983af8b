package dev.taskmill.analysis.github;

/** What the GitHub REST API says about one pull request. */
public record GitHubPull(
    int number,
    String title,
    String body,
    boolean merged,
    String htmlUrl,
    String mergedAt,
    String mergeCommitSha) {
  public GitHubPull {
    title = title == null ? "" : title;
    body = body == null ? "" : body;
  }
}
