package dev.taskmill.analysis.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a PR as a bug fix with tests. A PR without a test change or without a source change is not
 * eligible; the rest gain for bug-fix words, linked issues, a small size and being merged, and lose
 * for feature, refactor, docs or chore words and for size. Every point comes with a reason a person
 * can read.
 */
public final class PrScorer {
  private static final Pattern BUG_WORDS =
      Pattern.compile(
          "(?i)\\b(fix(?:e[sd]|ing)?|bug(?:s|fix)?|crash(?:es|ed|ing)?"
              + "|errors?|regressions?|issues?|incorrect(?:ly)?|wrong(?:ly)?|fail(?:s|ed|ing|ures?)?|broken|break(?:s|ing)?"
              + "|exceptions?|leaks?|hangs?|deadlock|race|overflow|npe|typo|invalid|unexpected|properly|correct(?:ly)?)\\b");
  private static final Pattern OTHER_WORDS =
      Pattern.compile(
          "(?i)\\b(feat(?:ure)?s?|add(?:s|ed)?|implement(?:s|ed)?"
              + "|introduce[sd]?|support|refactor(?:s|ed|ing)?|cleanup|clean up|docs?|documentation|readme|chore|bump(?:s|ed)?"
              + "|release|deps|dependencies|dependabot|upgrade[sd]?|ci|style|format(?:ting)?|lint|rename[sd]?|perf)\\b");

  /** Score weights, in one place so the table tests read like the rules. */
  static final double NOT_ELIGIBLE = -100;

  static final double BUG_TITLE = 4;
  static final double BUG_BODY = 1;
  static final double OTHER_TITLE = -3;
  static final double LINKED_ISSUE = 2;
  static final double SMALL = 1;
  static final double LARGE = -2;
  static final double HUGE = -5;
  static final double UNMERGED = -3;

  /**
   * What the score is computed from; all of it comes from git (and the GitHub API when reachable).
   */
  public record Input(
      String title,
      String body,
      int testFiles,
      int sourceFiles,
      int otherFiles,
      int linesChanged,
      int linkedIssues,
      boolean merged) {}

  /** A score, whether the PR can be a sample at all, and the reasons. */
  public record Score(double value, boolean eligible, List<String> reasons) {
    public Score {
      reasons = List.copyOf(reasons);
    }
  }

  public Score score(Input in) {
    List<String> reasons = new ArrayList<>();
    double score = 0;
    boolean eligible = true;
    if (in.testFiles() == 0) {
      score += NOT_ELIGIBLE;
      eligible = false;
      reasons.add("no test file changed");
    }
    if (in.sourceFiles() == 0) {
      score += NOT_ELIGIBLE;
      eligible = false;
      reasons.add("no source file changed");
    }
    if (eligible) {
      reasons.add(in.testFiles() + " test and " + in.sourceFiles() + " source file(s) changed");
    }
    String bugInTitle = firstMatch(BUG_WORDS, in.title());
    if (bugInTitle != null) {
      score += BUG_TITLE;
      reasons.add("title says '" + bugInTitle + "'");
    } else {
      String bugInBody = firstMatch(BUG_WORDS, in.body());
      if (bugInBody != null) {
        score += BUG_BODY;
        reasons.add("body says '" + bugInBody + "'");
      }
    }
    // "Add a missing check to fix the crash" is a fix: chore words only count against titles
    // without bug words.
    String otherInTitle = bugInTitle == null ? firstMatch(OTHER_WORDS, in.title()) : null;
    if (in.title() != null && in.title().regionMatches(true, 0, "revert", 0, 6)) {
      score += OTHER_TITLE;
      reasons.add("reverts an earlier change");
    } else if (otherInTitle != null) {
      score += OTHER_TITLE;
      reasons.add("title says '" + otherInTitle + "' (feature, refactor, docs or chore)");
    }
    if (in.linkedIssues() > 0) {
      score += LINKED_ISSUE;
      reasons.add("links " + in.linkedIssues() + " issue(s)");
    }
    score += size(in, reasons);
    if (!in.merged()) {
      score += UNMERGED;
      reasons.add("not merged");
    }
    return new Score(score, eligible, reasons);
  }

  private static double size(Input in, List<String> reasons) {
    int files = in.testFiles() + in.sourceFiles() + in.otherFiles();
    int lines = in.linesChanged();
    if (files > 50 || lines > 2000) {
      reasons.add("huge: " + files + " files, " + describe(lines));
      return HUGE;
    }
    if (files > 15 || lines > 500) {
      reasons.add("large: " + files + " files, " + describe(lines));
      return LARGE;
    }
    if (files <= 6 && lines <= 200) {
      reasons.add("small: " + files + " files, " + lines + " lines");
      return SMALL;
    }
    return 0;
  }

  private static String describe(int lines) {
    return lines == Integer.MAX_VALUE ? "lines not counted" : lines + " lines";
  }

  private static String firstMatch(Pattern pattern, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }
}
