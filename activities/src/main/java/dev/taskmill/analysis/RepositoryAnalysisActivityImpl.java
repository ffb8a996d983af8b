package dev.taskmill.analysis;

import dev.taskmill.analysis.github.GitHubClient;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;

/**
 * Phase 1 as a Temporal activity: a thin adapter that gives {@link RepositoryAnalyzer} the activity
 * heartbeat.
 */
public class RepositoryAnalysisActivityImpl implements RepositoryAnalysisActivity {
  private final RepositoryAnalyzer analyzer;

  public RepositoryAnalysisActivityImpl(RepositoryCache cache, GitHubClient github) {
    this(cache, github, AnalysisSettings.fromEnvironment(System::getenv));
  }

  public RepositoryAnalysisActivityImpl(
      RepositoryCache cache, GitHubClient github, AnalysisSettings settings) {
    this.analyzer = new RepositoryAnalyzer(cache, github, settings);
  }

  @Override
  public AnalysisOutput analyze(AnalysisInput input) {
    return analyzer.analyze(input, Heartbeat.ofCurrentActivity());
  }
}
