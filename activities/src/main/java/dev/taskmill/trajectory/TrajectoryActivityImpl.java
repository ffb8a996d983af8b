package dev.taskmill.trajectory;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationSettings;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/** Temporal adapter for phase 3 (DOCKER queue): hands over to a {@link TrajectoryGenerator}, heartbeating. */
public final class TrajectoryActivityImpl implements TrajectoryActivity {
  private final Supplier<DockerClient> clients;
  private final String where;

  /** Uses DOCKER_HOST or the local socket. */
  public TrajectoryActivityImpl() {
    this(DockerClients::fromEnvironment, DockerClients.dockerHost());
  }

  public TrajectoryActivityImpl(Supplier<DockerClient> clients, String where) {
    this.clients = clients;
    this.where = where;
  }

  @Override
  public TrajectoryOutput write(TrajectoryInput input) {
    ValidationSettings settings = input.settings();
    Heartbeat heartbeat = Heartbeat.ofCurrentActivity();
    try (DockerClient client = clients.get()) {
      ContainerEngine engine = new ContainerEngine(client, where);
      engine.ping();
      if (!engine.imageExists(input.environment().sampleImage())) {
        throw Failures.of(FailureType.TRANSIENT, "the sample image " + input.environment().sampleImage()
            + " is not on the Docker engine at " + where + ": run phase 3 on the worker that built it");
      }
      StageRunner runner = new StageRunner(engine, settings, heartbeat);
      return new TrajectoryGenerator(client, new PatchSetEvaluator(runner), settings, heartbeat, Map.of(),
          ThoughtAuthor.fromEnvironment())
          .generate(input);
    } catch (IOException e) {
      throw Failures.of(FailureType.INTERNAL, "trajectory I/O failed in " + input.workDir() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of(FailureType.CANCELLED, "trajectory generation interrupted", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw Failures.of(FailureType.INTERNAL, "trajectory generation failed: "
          + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
    }
  }
}
