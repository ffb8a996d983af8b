package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.testing.DockerRequirement;
import io.temporal.failure.ApplicationFailure;
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

  @Test
  void anEngineThatDoesNotAnswerIsOneLineSayingWhatToDo() {
    var client = DockerClients.forHost("tcp://127.0.0.1:1");
    assertThat(DockerClients.reachable(client)).isFalse();
    assertThatThrownBy(() -> DockerClients.requireReachable(client))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("DOCKER_UNREACHABLE");
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .contains("start dockerd", "DOCKER_HOST")
                  .doesNotContain("\n");
            });
  }
}
