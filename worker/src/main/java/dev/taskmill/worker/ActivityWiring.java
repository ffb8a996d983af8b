package dev.taskmill.worker;

import dev.taskmill.analysis.RepositoryAnalysisActivityImpl;
import dev.taskmill.analysis.github.GitHubClient;
import dev.taskmill.assembly.SampleAssemblyActivityImpl;
import dev.taskmill.batch.ExistingRunActivityImpl;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.enrichment.EnrichmentActivityImpl;
import dev.taskmill.enrichment.ParsedDiffSemantics;
import dev.taskmill.environment.BaseImages;
import dev.taskmill.environment.DependencyCache;
import dev.taskmill.environment.EnvironmentActivityImpl;
import dev.taskmill.environment.EnvironmentPreparer;
import dev.taskmill.evaluation.EvaluationActivityImpl;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.patches.PatchExtractionActivityImpl;
import dev.taskmill.trajectory.TrajectoryActivityImpl;
import dev.taskmill.validation.ValidationActivityImpl;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the real activity implementations from the worker's environment (cache dirs, image
 * config).
 */
public final class ActivityWiring {
  private ActivityWiring() {}

  /**
   * The activities with caches from -Dtaskmill.cache.dir, $TASKMILL_CACHE_DIR or ~/.cache/taskmill.
   */
  public static ActivityImplementations fromEnvironment() {
    return create(RepositoryCache.fromEnvironment(), DependencyCache.defaultRoot());
  }

  /** The activities with every cache under {@code cacheRoot}. */
  public static ActivityImplementations create(Path cacheRoot) {
    return create(new RepositoryCache(cacheRoot.resolve("repos")), cacheRoot.resolve("deps"));
  }

  private static ActivityImplementations create(RepositoryCache repositories, Path dependencies) {
    EnvironmentPreparer environment =
        new EnvironmentPreparer(
            ContainerEngine.fromEnvironment(),
            repositories,
            BaseImages.fromEnvironment(),
            dependencies);
    return new ActivityImplementations(
        List.of(
            new RepositoryAnalysisActivityImpl(repositories, new GitHubClient()),
            new PatchExtractionActivityImpl(repositories),
            new EnrichmentActivityImpl(new ParsedDiffSemantics(repositories)),
            new SampleAssemblyActivityImpl(),
            new ExistingRunActivityImpl()),
        List.of(
            new EnvironmentActivityImpl(environment),
            new ValidationActivityImpl(),
            new TrajectoryActivityImpl(),
            new EvaluationActivityImpl()));
  }
}
