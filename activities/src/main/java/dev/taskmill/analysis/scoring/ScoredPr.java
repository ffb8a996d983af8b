package dev.taskmill.analysis.scoring;

import dev.taskmill.analysis.Candidate;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.analysis.github.GitHubPull;
import dev.taskmill.analysis.prs.FoundPr;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A found PR with its changed files, what the GitHub API added (when reachable) and its score.
 *
 * @param api the API's view of the PR, or null when the API was not used
 */
public record ScoredPr(
    FoundPr pr,
    PrChanges changes,
    GitHubPull api,
    List<Integer> linkedIssues,
    PrScorer.Score score) {
  public ScoredPr {
    Objects.requireNonNull(pr, "pr");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(score, "score");
    linkedIssues = List.copyOf(linkedIssues);
  }

  public int number() {
    return pr.number();
  }

  /**
   * The API's title when there is one: git only has the squash subject or the merge's second
   * paragraph.
   */
  public String title() {
    return api != null && !api.title().isBlank() ? api.title() : pr.title();
  }

  public String body() {
    return api != null && !api.body().isBlank() ? api.body() : pr.body();
  }

  public boolean merged() {
    return api != null ? api.merged() || pr.onDefaultBranch() : pr.merged();
  }

  public Candidate toCandidate() {
    return new Candidate(
        pr.number(),
        title(),
        pr.mergeCommit(),
        pr.source(),
        score.value(),
        score.reasons(),
        changes.testFiles().size(),
        changes.sourceFiles().size(),
        pr.onDefaultBranch(),
        pr.baseCommit(),
        changes.otherFiles().size(),
        changes.linesChanged() == Integer.MAX_VALUE ? -1 : changes.linesChanged(),
        merged(),
        score.eligible());
  }

  /**
   * The picked PR; {@code webUrl} is the API's html_url, else one built from the GitHub identity,
   * else null.
   */
  public PullRequest toPullRequest(String ownerRepo) {
    String url =
        api != null && api.htmlUrl() != null
            ? api.htmlUrl()
            : ownerRepo == null ? null : "https://github.com/" + ownerRepo + "/pull/" + pr.number();
    String mergedAt =
        api != null && api.mergedAt() != null
            ? api.mergedAt()
            : merged() ? Instant.ofEpochSecond(pr.commitTime()).toString() : null;
    return new PullRequest(
        pr.number(),
        title(),
        body(),
        url,
        linkedIssues,
        merged(),
        pr.baseCommit(),
        pr.mergeCommit(),
        pr.source(),
        mergedAt);
  }
}
