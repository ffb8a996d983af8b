package dev.taskmill.environment;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;

/**
 * Temporal adapter of {@link EnvironmentPreparer}: heartbeats through the activity context when
 * there is one.
 */
public final class EnvironmentActivityImpl implements EnvironmentActivity {
  private final EnvironmentPreparer preparer;

  public EnvironmentActivityImpl(EnvironmentPreparer preparer) {
    this.preparer = preparer;
  }

  /**
   * Docker from DOCKER_HOST, the clone cache and dependency caches under $TASKMILL_CACHE_DIR,
   * images from env.
   */
  public static EnvironmentActivityImpl fromEnvironment() {
    return new EnvironmentActivityImpl(
        new EnvironmentPreparer(
            ContainerEngine.fromEnvironment(),
            RepositoryCache.fromEnvironment(),
            BaseImages.fromEnvironment(),
            DependencyCache.defaultRoot()));
  }

  @Override
  public EnvironmentOutput prepare(EnvironmentInput input) {
    return preparer.prepare(input, heartbeat());
  }

  private static Heartbeat heartbeat() {
    return Heartbeat.ofCurrentActivity();
  }
}
