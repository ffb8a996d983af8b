package dev.taskmill.evaluation;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.docker.ContainerEngine;
import java.io.IOException;
import java.util.function.Supplier;

/** Temporal adapter of {@code taskmill evaluate}: one prediction through a {@link SampleEvaluator}. */
public final class EvaluationActivityImpl implements EvaluationActivity {
  private final Supplier<DockerClient> clients;
  private final String where;

  /** Uses DOCKER_HOST or the local socket. */
  public EvaluationActivityImpl() {
    this(DockerClients::fromEnvironment, DockerClients.dockerHost());
  }

  public EvaluationActivityImpl(Supplier<DockerClient> clients, String where) {
    this.clients = clients;
    this.where = where;
  }

  @Override
  public InstanceVerdict evaluate(EvaluationTask task) {
    try (DockerClient client = clients.get()) {
      return new SampleEvaluator(new ContainerEngine(client, where), Heartbeat.ofCurrentActivity()).evaluate(task);
    } catch (IOException e) {
      throw new IllegalStateException("evaluation I/O failed in " + task.workDir() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    }
  }
}
