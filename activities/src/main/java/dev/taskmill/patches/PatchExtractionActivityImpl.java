package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.git.HeartbeatProgressMonitor;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import org.eclipse.jgit.lib.Repository;

/**
 * Phase 2 as a Temporal activity: a thin adapter over {@link PatchExtractor} that heartbeats clone
 * and steps.
 */
public class PatchExtractionActivityImpl implements PatchExtractionActivity {
  private final RepositoryCache cache;

  public PatchExtractionActivityImpl(RepositoryCache cache) {
    this.cache = cache;
  }

  public PatchExtractionActivityImpl() {
    this(RepositoryCache.fromEnvironment());
  }

  @Override
  public ExtractionOutput extract(ExtractionInput input) {
    Heartbeat heartbeat = Heartbeat.ofCurrentActivity();
    // On a worker that has no clone yet this clones: JGit's progress heartbeats, and a cancellation
    // stops it.
    HeartbeatProgressMonitor monitor = new HeartbeatProgressMonitor(heartbeat);
    heartbeat.beat("opening " + input.repoUrl());
    Repository repository;
    try {
      repository = cache.open(input.repoUrl(), monitor, input.baseCommit(), input.mergeCommit());
    } catch (RuntimeException e) {
      monitor.throwIfCancelled(); // a cancelled fetch is not an unreachable repository
      throw e;
    }
    try (repository) {
      monitor.throwIfCancelled();
      return new PatchExtractor(heartbeat::beat).extract(repository, input);
    } catch (IOException e) {
      throw Failures.of(
          FailureType.TRANSIENT,
          "patch extraction for " + input.describe() + " failed: " + e.getMessage(),
          e);
    }
  }
}
