package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.failure.FailureType;
import dev.taskmill.validation.StageRunner;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerEngineTest {
  @Test
  void anUnreachableEngineIsOneLineNamingWhereAndWhatToDo(@TempDir Path dir) throws Exception {
    String host = "unix://" + dir.resolve("no-docker.sock");
    try (DockerClient client = DockerClients.forHost(host)) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class, () -> new ContainerEngine(client, host).ping());

      assertThat(failure.getType()).isEqualTo(FailureType.DOCKER_UNREACHABLE.name());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .contains(host)
          .contains("start the Docker engine or set DOCKER_HOST")
          .doesNotContain("\n")
          .doesNotContainPattern("[A-Z][a-z]+Exception");
    }
  }

  @Test
  void aCancellationAtAHeartbeatStopsAndRemovesTheContainer() throws Exception {
    DockerClient client = dev.taskmill.testing.DockerRequirement.client();
    String name = "taskmill-cancel-test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    ContainerSpec spec =
        new ContainerSpec(
            name,
            "taskmill/debian:bookworm",
            java.util.List.of("sleep", "300"),
            java.util.Map.of(),
            java.util.List.of(),
            null,
            1_000_000_000L,
            256L << 20,
            64,
            java.util.Map.of(StageRunner.STAGE_LABEL, "FAIL_pre_patch"));
    java.util.concurrent.atomic.AtomicInteger beats =
        new java.util.concurrent.atomic.AtomicInteger();
    dev.taskmill.progress.Heartbeat cancelledAtSecondBeat =
        detail -> {
          if (beats.incrementAndGet() >= 2) {
            throw new io.temporal.client.ActivityCanceledException();
          }
        };
    long t0 = System.nanoTime();

    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                new ContainerEngine(client, "test")
                    .run(
                        spec,
                        java.io.OutputStream.nullOutputStream(),
                        java.time.Duration.ofMinutes(5),
                        cancelledAtSecondBeat));

    assertThat(thrown).isInstanceOf(io.temporal.client.ActivityCanceledException.class);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0))
        .isLessThan(java.time.Duration.ofSeconds(20));
    assertThat(
            client
                .listContainersCmd()
                .withShowAll(true)
                .withNameFilter(java.util.List.of(name))
                .exec())
        .as("the cancelled stage's container is gone")
        .isEmpty();
  }
}
