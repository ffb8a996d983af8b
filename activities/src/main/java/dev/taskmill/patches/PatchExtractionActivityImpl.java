package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.git.RepositoryCache;
import io.temporal.activity.Activity;
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
    heartbeat("opening " + input.repoUrl());
    try (Repository repository = cache.open(input.repoUrl(), null, input.baseCommit(), input.mergeCommit())) {
      return new PatchExtractor(PatchExtractionActivityImpl::heartbeat).extract(repository, input);
    } catch (IOException e) {
      throw Failures.of(FailureType.TRANSIENT, "patch extraction for " + input.describe() + " failed: "
          + e.getMessage(), e);
    }
  }

  /** Heartbeats when running as an activity; plain callers (tests, the CLI's analyze) have no context. */
  private static void heartbeat(String detail) {
    try {
      Activity.getExecutionContext().heartbeat(detail);
    } catch (IllegalStateException notInActivity) {
      // Not running inside an activity: nothing to report to.
    }
  }
}
