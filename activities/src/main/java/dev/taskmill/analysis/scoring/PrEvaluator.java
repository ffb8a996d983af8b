package dev.taskmill.analysis.scoring;

import dev.taskmill.analysis.github.GitHubPull;
import dev.taskmill.analysis.github.LinkedIssues;
import dev.taskmill.analysis.prs.FoundPr;
import org.eclipse.jgit.lib.Repository;

/**
 * Turns a found PR into a scored one: diff stats from git, details from the GitHub API when asked,
 * the score.
 */
public final class PrEvaluator {
  private final Repository repository;
  private final PrScorer scorer = new PrScorer();

  public PrEvaluator(Repository repository) {
    this.repository = repository;
  }

  public ScoredPr evaluate(FoundPr pr) {
    return score(pr, PrChanges.between(repository, pr.baseCommit(), pr.mergeCommit()), null);
  }

  /** The same PR re-scored with what the API says (title, body, merged flag). */
  public ScoredPr withApi(ScoredPr scored, GitHubPull api) {
    return api == null ? scored : score(scored.pr(), scored.changes(), api);
  }

  private ScoredPr score(FoundPr pr, PrChanges changes, GitHubPull api) {
    ScoredPr draft =
        new ScoredPr(
            pr,
            changes,
            api,
            java.util.List.of(),
            new PrScorer.Score(0, false, java.util.List.of()));
    var linked = LinkedIssues.find(draft.title(), draft.body(), pr.number());
    PrScorer.Score score =
        scorer.score(
            new PrScorer.Input(
                draft.title(),
                draft.body(),
                changes.testFiles().size(),
                changes.sourceFiles().size(),
                changes.otherFiles().size(),
                changes.linesChanged(),
                linked.size(),
                draft.merged()));
    return new ScoredPr(pr, changes, api, linked, score);
  }
}
