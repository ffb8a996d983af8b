package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.testing.DockerRequirement;
import org.junit.jupiter.api.Test;

class DockerClientsTest {
  @Test
  void talksToTheEngineWithApi141() {
    var client = DockerRequirement.client();
    assertThat(client.versionCmd().exec().getApiVersion()).isNotBlank();
  }

  @Test
  void namesWhereItLooks() {
    assertThat(DockerClients.where()).containsAnyOf("DOCKER_HOST", "/var/run/docker.sock");
  }
}
