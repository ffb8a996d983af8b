package dev.taskmill.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.DockerClients;

/** Docker tests FAIL without an engine when CI=true, and are skipped only outside CI. */
public final class DockerRequirement {
  private DockerRequirement() {}

  /** A reachable client, or a failure (CI) / skip (not CI). */
  public static DockerClient client() {
    DockerClient client = DockerClients.fromEnvironment();
    boolean up = DockerClients.reachable(client);
    if (!up && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(
          "CI=true but the Docker engine does not answer at "
              + DockerClients.where()
              + ": run .ci/setup-docker.sh");
    }
    assumeTrue(up, "Docker is not reachable at " + DockerClients.where() + " (skipped outside CI)");
    return client;
  }
}
