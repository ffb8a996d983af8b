package dev.taskmill.worker;

import dev.taskmill.analysis.GitHubClient;
import dev.taskmill.analysis.RepositoryAnalysisActivityImpl;
import dev.taskmill.assembly.SampleAssemblyActivityImpl;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.patches.PatchExtractionActivityImpl;
import java.nio.file.Path;
import java.util.List;

/** Builds the real activity implementations from the worker's environment (cache dirs, image config). */
public final class ActivityWiring {
  private ActivityWiring() {}

  /** The activities with the clone cache from -Dtaskmill.cache.dir, $TASKMILL_CACHE_DIR or ~/.cache/taskmill. */
  public static ActivityImplementations fromEnvironment() {
    return create(RepositoryCache.fromEnvironment());
  }

  /** The activities with every cache under {@code cacheRoot}. */
  public static ActivityImplementations create(Path cacheRoot) {
    return create(new RepositoryCache(cacheRoot.resolve("repos")));
  }

  private static ActivityImplementations create(RepositoryCache repositories) {
    return new ActivityImplementations(
        List.of(new RepositoryAnalysisActivityImpl(repositories, new GitHubClient()),
            new PatchExtractionActivityImpl(repositories),
            new SampleAssemblyActivityImpl()),
        List.of());
  }
}
