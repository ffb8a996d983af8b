package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.git.HeartbeatProgressMonitor;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import org.eclipse.jgit.lib.Repository;

/** Phase 2 as a Temporal activity: a thin adapter over {@link PatchExtractor} that heartbeats each step. */
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
    heartbeat.beat("opening " + input.repoUrl());
    // On a worker that has no clone yet this clones, so it reports JGit's progress like phase 1 does.
    try (Repository repository = cache.open(input.repoUrl(), new HeartbeatProgressMonitor(heartbeat),
        input.baseCommit(), input.mergeCommit())) {
      return new PatchExtractor(heartbeat::beat).extract(repository, input);
    } catch (IOException e) {
      throw Failures.of(FailureType.TRANSIENT, "patch extraction for " + input.describe() + " failed: "
          + e.getMessage(), e);
    }
  }
}
