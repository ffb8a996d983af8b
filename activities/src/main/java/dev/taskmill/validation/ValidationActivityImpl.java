package dev.taskmill.validation;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Temporal adapter for phase 5: builds the stage environment from the input and hands over to a
 * Validator.
 */
public final class ValidationActivityImpl implements ValidationActivity {
  private final Supplier<ContainerEngine> engines;

  /** Uses DOCKER_HOST or the local socket. */
  public ValidationActivityImpl() {
    this(ContainerEngine::fromEnvironment);
  }

  /**
   * @param engines opens the engine each call uses (and closes)
   */
  public ValidationActivityImpl(Supplier<ContainerEngine> engines) {
    this.engines = engines;
  }

  @Override
  public ValidationOutput validate(ValidationInput input) {
    ValidationSettings settings = input.settings();
    try (ContainerEngine engine = engines.get()) {
      engine.ping();
      // Built by another worker's environment phase (or removed since): rebuilt here from the work
      // area's recipe.
      ImageRebuild.ensure(
          engine,
          input.environment().sampleImage(),
          Path.of(input.environment().runScript()),
          Heartbeat.ofCurrentActivity());
      StageRunner runner = new StageRunner(engine, settings, Heartbeat.ofCurrentActivity());
      StageParallelism parallelism =
          StageParallelism.forEngine(
              engine,
              settings.memoryMb(),
              System.getenv(StageParallelism.ENV),
              StageParallelism.paysFor(input.stack()));
      return new Validator(engine, runner, settings, parallelism)
          .validate(
              StageEnvironment.of(input.environment(), input.stack()),
              Path.of(input.testsPatch()),
              Path.of(input.fixPatch()),
              Path.of(input.workDir()),
              settings.reruns());
    } catch (IOException e) {
      throw Failures.of(
          FailureType.INTERNAL,
          "validation I/O failed in " + input.workDir() + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(FailureType.CANCELLED, "validation interrupted", e);
    }
  }
}
