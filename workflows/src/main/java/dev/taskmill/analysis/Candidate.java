package dev.taskmill.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One pull request that phase 1 considered, with its score and the reasons behind it.
 *
 * @param onDefaultBranch whether the commit is reachable from the default branch
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
    boolean onDefaultBranch) {
  public Candidate {
    if (number <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + number);
    }
    title = title == null ? "" : title;
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
