package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.git.RepositoryCache;
import java.io.IOException;
import org.eclipse.jgit.lib.Repository;

/** Phase 2 as a Temporal activity: a thin adapter over {@link PatchExtractor} that heartbeats clone and steps. */
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
    ActivityHeartbeat heartbeat = new ActivityHeartbeat();
    heartbeat.accept("opening " + input.repoUrl());
    Repository repository;
    try {
      repository = cache.open(input.repoUrl(), heartbeat, input.baseCommit(), input.mergeCommit());
    } catch (RuntimeException e) {
      heartbeat.throwIfCancelled(); // a cancelled fetch is not an unreachable repository
      throw e;
    }
    try (repository) {
      heartbeat.throwIfCancelled();
      return new PatchExtractor(heartbeat).extract(repository, input);
    } catch (IOException e) {
      throw Failures.of(FailureType.TRANSIENT, "patch extraction for " + input.describe() + " failed: "
          + e.getMessage(), e);
    }
  }
}
