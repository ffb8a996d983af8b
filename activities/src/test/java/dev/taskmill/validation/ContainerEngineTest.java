package dev.taskmill.validation;

import dev.taskmill.docker.DockerClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.failure.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerEngineTest {
  @Test
  void anUnreachableEngineIsOneLineNamingWhereAndWhatToDo(@TempDir Path dir) throws Exception {
    String host = "unix://" + dir.resolve("no-docker.sock");
    try (DockerClient client = DockerClients.forHost(host)) {
      ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class,
          () -> new ContainerEngine(client, host).ping());

      assertThat(failure.getType()).isEqualTo(FailureType.DOCKER_UNREACHABLE.name());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage()).contains(host)
          .contains("start the Docker engine or set DOCKER_HOST").doesNotContain("\n");
    }
  }
}
