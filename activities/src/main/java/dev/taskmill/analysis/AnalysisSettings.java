package dev.taskmill.analysis;

import java.util.function.UnaryOperator;

/**
 * How far phase 1 looks.
 *
 * @param maxCommits first-parent commits of the default branch scanned for PRs when none is
 *     requested
 * @param maxCandidates most recent PRs scored
 * @param apiLookups best candidates whose details are asked from the GitHub API (it rate-limits
 *     anonymous use)
 */
public record AnalysisSettings(int maxCommits, int maxCandidates, int apiLookups) {
  public static final AnalysisSettings DEFAULTS = new AnalysisSettings(2000, 50, 5);

  public AnalysisSettings {
    if (maxCommits <= 0 || maxCandidates <= 0 || apiLookups < 0) {
      throw new IllegalArgumentException(
          "maxCommits and maxCandidates must be positive, apiLookups not negative");
    }
  }

  /**
   * The defaults, with TASKMILL_SCAN_COMMITS and TASKMILL_MAX_CANDIDATES overriding them when set.
   */
  public static AnalysisSettings fromEnvironment(UnaryOperator<String> env) {
    return new AnalysisSettings(
        number(env, "TASKMILL_SCAN_COMMITS", DEFAULTS.maxCommits()),
        number(env, "TASKMILL_MAX_CANDIDATES", DEFAULTS.maxCandidates()),
        DEFAULTS.apiLookups());
  }

  private static int number(UnaryOperator<String> env, String name, int fallback) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
    }
  }
}
