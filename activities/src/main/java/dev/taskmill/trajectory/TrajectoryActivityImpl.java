package dev.taskmill.trajectory;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.validation.ImageRebuild;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Temporal adapter for phase 3 (DOCKER queue): hands over to a {@link TrajectoryGenerator},
 * heartbeating.
 */
public final class TrajectoryActivityImpl implements TrajectoryActivity {
  private final Supplier<ContainerEngine> engines;

  /** Uses DOCKER_HOST or the local socket. */
  public TrajectoryActivityImpl() {
    this(ContainerEngine::fromEnvironment);
  }

  /**
   * @param engines opens the engine each call uses (and closes)
   */
  public TrajectoryActivityImpl(Supplier<ContainerEngine> engines) {
    this.engines = engines;
  }

  @Override
  public TrajectoryOutput write(TrajectoryInput input) {
    ValidationSettings settings = input.settings();
    Heartbeat heartbeat = Heartbeat.ofCurrentActivity();
    try (ContainerEngine engine = engines.get()) {
      engine.ping();
      // Built by another worker's environment phase (or removed since): rebuilt here from the work
      // area's recipe.
      ImageRebuild.ensure(
          engine,
          input.environment().sampleImage(),
          Path.of(input.environment().runScript()),
          heartbeat);
      StageRunner runner = new StageRunner(engine, settings, heartbeat);
      return new TrajectoryGenerator(
              engine,
              new PatchSetEvaluator(runner),
              settings,
              heartbeat,
              Map.of(),
              ThoughtAuthor.fromEnvironment())
          .generate(input);
    } catch (IOException e) {
      throw Failures.of(
          FailureType.INTERNAL,
          "trajectory I/O failed in " + input.workDir() + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(FailureType.CANCELLED, "trajectory generation interrupted", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw Failures.of(
          FailureType.INTERNAL,
          "trajectory generation failed: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "),
          e);
    }
  }
}
