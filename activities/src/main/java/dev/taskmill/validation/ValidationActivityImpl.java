package dev.taskmill.validation;

import dev.taskmill.progress.Heartbeat;
import dev.taskmill.docker.DockerClients;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import dev.taskmill.docker.ContainerEngine;

/** Temporal adapter for phase 5: builds the stage environment from the input and hands over to a Validator. */
public final class ValidationActivityImpl implements ValidationActivity {
  private final Supplier<DockerClient> clients;
  private final String where;

  /** Uses DOCKER_HOST or the local socket. */
  public ValidationActivityImpl() {
    this(DockerClients::fromEnvironment, DockerClients.dockerHost());
  }

  public ValidationActivityImpl(Supplier<DockerClient> clients, String where) {
    this.clients = clients;
    this.where = where;
  }

  @Override
  public ValidationOutput validate(ValidationInput input) {
    ValidationSettings settings = input.settings();
    try (DockerClient client = clients.get()) {
      ContainerEngine engine = new ContainerEngine(client, where);
      StageRunner runner = new StageRunner(engine, settings, Heartbeat.ofCurrentActivity());
      StageParallelism parallelism = StageParallelism.forEngine(engine, settings.memoryMb(), System.getenv(StageParallelism.ENV),
          StageParallelism.paysFor(input.stack()));
      return new Validator(engine, runner, settings, parallelism).validate(
          StageEnvironment.of(input.environment(), input.stack()),
          Path.of(input.testsPatch()), Path.of(input.fixPatch()), Path.of(input.workDir()), settings.reruns());
    } catch (IOException e) {
      throw new IllegalStateException("validation I/O failed in " + input.workDir() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("validation interrupted", e);
    }
  }
}
