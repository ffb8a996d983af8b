package dev.taskmill.analysis.scoring;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the PR to make a sample from: the best eligible candidate, or the requested one, and says
 * why.
 */
public final class PrPicker {
  /** The pick and the sentence that explains it. */
  public record Pick(ScoredPr pr, String reason) {}

  /**
   * Best first: eligible, then merged (the contract's first criterion), then highest score, then
   * newest.
   */
  public static final Comparator<ScoredPr> BEST_FIRST =
      Comparator.comparing((ScoredPr s) -> !s.score().eligible())
          .thenComparing((ScoredPr s) -> !s.merged())
          .thenComparing(Comparator.comparingDouble((ScoredPr s) -> s.score().value()).reversed())
          .thenComparing(Comparator.comparingLong((ScoredPr s) -> s.pr().commitTime()).reversed());

  private PrPicker() {}

  public static Pick best(List<ScoredPr> candidates, int scannedCommits, String repoUrl) {
    List<ScoredPr> eligible =
        candidates.stream().filter(c -> c.score().eligible()).sorted(BEST_FIRST).toList();
    if (eligible.isEmpty()) {
      throw Failures.of(
          FailureType.NO_SUITABLE_PR,
          "no merged PR with both test and source changes found in the last "
              + scannedCommits
              + " commits of "
              + repoUrl
              + " ("
              + candidates.size()
              + " PR(s) seen); pass --pr N "
              + "to name one, or scan more history: TASKMILL_SCAN_COMMITS="
              + Math.max(5000, scannedCommits * 4)
              + " in the environment of taskmill (or of its workers)");
    }
    ScoredPr best = eligible.get(0);
    return new Pick(
        best,
        String.format(
            "PR #%d has the best score (%.1f) of %d eligible candidate(s) among %d PR(s): %s",
            best.number(),
            best.score().value(),
            eligible.size(),
            candidates.size(),
            String.join("; ", best.score().reasons())));
  }

  /**
   * The requested PR among {@code matches} (commits carrying its number, default branch first).
   * Fails with NO_TESTS or NO_SOURCE_CHANGE when it cannot be a sample.
   */
  public static Pick requested(
      int number, List<ScoredPr> matches, String defaultBranch, String repoUrl) {
    if (matches.isEmpty()) {
      throw noSuchPr(number, repoUrl);
    }
    ScoredPr chosen = matches.get(0);
    String reason = "PR #" + number + " was requested; found as " + describe(chosen);
    if (matches.size() > 1) {
      reason =
          "PR #"
              + number
              + " was requested and matches "
              + matches.size()
              + " commits ("
              + matches.stream().map(PrPicker::describe).collect(Collectors.joining(", "))
              + "); picked "
              + chosen.pr().shortCommit()
              + (chosen.pr().onDefaultBranch()
                  ? " because it is on the default branch " + defaultBranch
                  : " (none is on the default branch " + defaultBranch + "; the newest was taken)");
    }
    PrChanges changes = chosen.changes();
    if (changes.testFiles().isEmpty()) {
      throw Failures.of(
          FailureType.NO_TESTS,
          "PR #"
              + number
              + " of "
              + repoUrl
              + " changes no test file (it changes "
              + preview(changes)
              + "); pick a PR that adds or changes tests, see `taskmill analyze "
              + repoUrl
              + "`");
    }
    if (changes.sourceFiles().isEmpty()) {
      throw Failures.of(
          FailureType.NO_SOURCE_CHANGE,
          "PR #"
              + number
              + " of "
              + repoUrl
              + " changes only tests or "
              + "docs ("
              + preview(changes)
              + "), no source file; pick a PR that fixes code, see `taskmill analyze "
              + repoUrl
              + "`");
    }
    return new Pick(chosen, reason + "; " + String.join("; ", chosen.score().reasons()));
  }

  static RuntimeException noSuchPr(int number, String repoUrl) {
    return Failures.of(
        FailureType.NO_SUCH_PR,
        "PR #"
            + number
            + " not found in "
            + repoUrl
            + ": no merge commit, "
            + "squash commit or refs/pull/"
            + number
            + "/head; list candidates with `taskmill analyze "
            + repoUrl
            + "`");
  }

  private static String describe(ScoredPr s) {
    return s.pr().shortCommit()
        + " on "
        + s.pr().branch()
        + " ("
        + s.pr().source().name().toLowerCase().replace('_', ' ')
        + ")";
  }

  private static String preview(PrChanges changes) {
    List<String> all = new java.util.ArrayList<>(changes.testFiles());
    all.addAll(changes.sourceFiles());
    all.addAll(changes.otherFiles());
    if (all.isEmpty()) {
      return "no file";
    }
    String shown = all.stream().limit(3).collect(Collectors.joining(", "));
    return all.size() > 3 ? shown + " and " + (all.size() - 3) + " more" : shown;
  }
}
