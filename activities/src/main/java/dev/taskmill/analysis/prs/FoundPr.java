package dev.taskmill.analysis.prs;

import dev.taskmill.analysis.PrSource;
import java.util.Objects;

/**
 * A pull request as git history shows it: one commit (merge, squash or PR head) with its base.
 *
 * @param branch the branch it was found on, or the pull ref's name
 * @param onDefaultBranch whether {@code mergeCommit} is reachable from the default branch
 * @param commitTime seconds since the epoch of the commit, for recency ordering
 */
public record FoundPr(
    int number,
    String title,
    String body,
    String mergeCommit,
    String baseCommit,
    PrSource source,
    String branch,
    boolean onDefaultBranch,
    boolean merged,
    long commitTime) {
  public FoundPr {
    if (number <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + number);
    }
    Objects.requireNonNull(mergeCommit, "mergeCommit");
    Objects.requireNonNull(baseCommit, "baseCommit");
    Objects.requireNonNull(source, "source");
    title = title == null ? "" : title;
    body = body == null ? "" : body;
  }

  /** The first seven characters of the commit, as people quote it. */
  public String shortCommit() {
    return mergeCommit.substring(0, Math.min(7, mergeCommit.length()));
  }
}
