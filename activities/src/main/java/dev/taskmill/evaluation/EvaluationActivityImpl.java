package dev.taskmill.evaluation;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Temporal adapter of {@code taskmill evaluate}: one prediction through a {@link SampleEvaluator}.
 */
public final class EvaluationActivityImpl implements EvaluationActivity {
  private final Supplier<ContainerEngine> engines;

  /** Uses DOCKER_HOST or the local socket. */
  public EvaluationActivityImpl() {
    this(ContainerEngine::fromEnvironment);
  }

  /**
   * @param engines opens the engine each call uses (and closes)
   */
  public EvaluationActivityImpl(Supplier<ContainerEngine> engines) {
    this.engines = engines;
  }

  @Override
  public InstanceVerdict evaluate(EvaluationTask task) {
    try (ContainerEngine engine = engines.get()) {
      return new SampleEvaluator(engine, Heartbeat.ofCurrentActivity()).evaluate(task);
    } catch (IOException e) {
      throw Failures.of(
          FailureType.INTERNAL,
          "evaluation I/O failed in " + task.workDir() + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(FailureType.CANCELLED, "evaluation interrupted", e);
    }
  }
}
