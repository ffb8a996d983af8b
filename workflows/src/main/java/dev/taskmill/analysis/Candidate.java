package dev.taskmill.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One pull request that phase 1 considered, with its score and the reasons behind it.
 *
 * @param onDefaultBranch whether the commit is reachable from the default branch
 * @param baseCommit the commit the PR's diff starts from, or null when unknown
 * @param otherFiles changed files that are neither test nor source (docs, changelogs)
 * @param linesChanged added plus removed lines
 * @param eligible whether the PR changes both tests and source, the minimum for a sample
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Candidate(
    int number,
    String title,
    String mergeCommit,
    PrSource source,
    double score,
    List<String> reasons,
    int testFiles,
    int sourceFiles,
    boolean onDefaultBranch,
    String baseCommit,
    int otherFiles,
    int linesChanged,
    boolean merged,
    boolean eligible) {
  public Candidate {
    if (number <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + number);
    }
    title = title == null ? "" : title;
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** The original shape, kept for callers that predate the size and eligibility fields. */
  public Candidate(
      int number,
      String title,
      String mergeCommit,
      PrSource source,
      double score,
      List<String> reasons,
      int testFiles,
      int sourceFiles,
      boolean onDefaultBranch) {
    this(
        number,
        title,
        mergeCommit,
        source,
        score,
        reasons,
        testFiles,
        sourceFiles,
        onDefaultBranch,
        null,
        0,
        0,
        true,
        testFiles > 0 && sourceFiles > 0);
  }
}
