package dev.taskmill.analysis;

import dev.taskmill.analysis.github.GitHubClient;
import dev.taskmill.analysis.github.GitHubIdentity;
import dev.taskmill.analysis.github.GitHubPull;
import dev.taskmill.analysis.prs.DefaultBranch;
import dev.taskmill.analysis.prs.FoundPr;
import dev.taskmill.analysis.prs.PrFinder;
import dev.taskmill.analysis.scoring.PrEvaluator;
import dev.taskmill.analysis.scoring.PrPicker;
import dev.taskmill.analysis.scoring.ScoredPr;
import dev.taskmill.analysis.stack.StackDetector;
import dev.taskmill.git.HeartbeatProgressMonitor;
import dev.taskmill.git.RepoLocation;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Phase 1 without Temporal: clone (or fetch) through the cache, find the PRs in git history, score
 * them, ask the GitHub API about the best few when the repository is on GitHub, pick one and detect
 * the stack at its merge commit. The GitHub identity comes from the URL, or from the origin remote
 * of a local clone (see {@link GitHubIdentity}).
 */
public final class RepositoryAnalyzer {
  private final RepositoryCache cache;
  private final GitHubClient github;
  private final AnalysisSettings settings;
  private final StackDetector stackDetector = new StackDetector();

  public RepositoryAnalyzer(RepositoryCache cache, GitHubClient github, AnalysisSettings settings) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.github = Objects.requireNonNull(github, "github");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public AnalysisOutput analyze(AnalysisInput input, Heartbeat heartbeat) {
    RepoLocation location = RepoLocation.parse(input.repoUrl());
    String url = location.url();
    heartbeat.beat("opening " + url);
    HeartbeatProgressMonitor monitor = new HeartbeatProgressMonitor(heartbeat);
    try (Repository repository = cache.open(location, monitor)) {
      monitor.throwIfCancelled();
      String defaultBranch = DefaultBranch.of(repository, url, DefaultBranch.hintOf(location));
      String ownerRepo = GitHubIdentity.of(location);
      PrFinder finder = new PrFinder(repository, defaultBranch);
      PrEvaluator evaluator = new PrEvaluator(repository);
      heartbeat.beat("scanning the history of " + defaultBranch);
      PrPicker.Pick pick;
      List<ScoredPr> candidates;
      if (input.prNumber() != null) {
        int number = input.prNumber();
        List<ScoredPr> matches = evaluateAll(finder.matching(number), evaluator, heartbeat);
        matches = enrich(matches, Math.max(1, settings.apiLookups()), evaluator, input, ownerRepo);
        pick = PrPicker.requested(number, matches, defaultBranch, url);
        candidates = matches;
      } else {
        PrFinder.Scan recent = finder.recent(settings.maxCommits(), settings.maxCandidates());
        List<ScoredPr> scored =
            evaluateAll(recent.prs(), evaluator, heartbeat).stream()
                .sorted(PrPicker.BEST_FIRST)
                .toList();
        scored = enrich(scored, settings.apiLookups(), evaluator, input, ownerRepo);
        pick = PrPicker.best(scored, recent.commitsScanned(), url);
        candidates = scored.stream().sorted(PrPicker.BEST_FIRST).toList();
      }
      heartbeat.beat("detecting the stack at " + pick.pr().pr().shortCommit());
      Stack stack =
          stackDetector.detect(repository, ObjectId.fromString(pick.pr().pr().mergeCommit()));
      return new AnalysisOutput(
          url,
          repoName(location, ownerRepo),
          defaultBranch,
          stack,
          pick.pr().toPullRequest(ownerRepo),
          candidates.stream().map(ScoredPr::toCandidate).toList(),
          pick.reason());
    }
  }

  private static List<ScoredPr> evaluateAll(
      List<FoundPr> found, PrEvaluator evaluator, Heartbeat heartbeat) {
    List<ScoredPr> scored = new ArrayList<>();
    for (FoundPr pr : found) {
      heartbeat.beat(
          "scoring PR #" + pr.number() + " (" + (scored.size() + 1) + "/" + found.size() + ")");
      scored.add(evaluator.evaluate(pr));
    }
    return scored;
  }

  /**
   * Asks the API about the first {@code limit} eligible PRs and re-scores them with its title and
   * body.
   */
  private List<ScoredPr> enrich(
      List<ScoredPr> scored,
      int limit,
      PrEvaluator evaluator,
      AnalysisInput input,
      String ownerRepo) {
    if (ownerRepo == null || limit == 0) {
      return scored;
    }
    List<ScoredPr> result = new ArrayList<>(scored);
    // Several commits of one requested PR share one API answer.
    Map<Integer, Optional<GitHubPull>> answers = new HashMap<>();
    for (int i = 0; i < result.size() && answers.size() <= limit && !github.isUnavailable(); i++) {
      ScoredPr s = result.get(i);
      if (!s.score().eligible() && input.prNumber() == null) {
        continue;
      }
      if (!answers.containsKey(s.number()) && answers.size() == limit) {
        break;
      }
      Optional<GitHubPull> api =
          answers.computeIfAbsent(s.number(), n -> github.pull(input.githubApiUrl(), ownerRepo, n));
      result.set(i, evaluator.withApi(s, api.orElse(null)));
    }
    return input.prNumber() != null ? result : result.stream().sorted(PrPicker.BEST_FIRST).toList();
  }

  private static String repoName(RepoLocation location, String ownerRepo) {
    if (ownerRepo != null) {
      return ownerRepo;
    }
    String path = location.isLocal() ? location.localPath().toString() : location.url();
    String trimmed = path.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
    return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
  }
}
