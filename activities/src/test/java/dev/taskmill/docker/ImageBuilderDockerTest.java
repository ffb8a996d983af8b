package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.DockerRequirement;
import io.temporal.client.ActivityCanceledException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderDockerTest {
  @TempDir Path tmp;

  @Test
  void aFailingBuildSaysWhyInOneLine() throws Exception {
    var docker = DockerRequirement.client();
    Files.writeString(
        tmp.resolve("Dockerfile"),
        "FROM taskmill/debian:bookworm AS environment\n"
            + "RUN echo 'E: Unable to locate package libfoo-dev' && exit 3\n");
    assertThatThrownBy(
            () ->
                new ImageBuilder(docker, Heartbeat.NONE)
                    .build(tmp, "environment", "taskmill-test/failing:1", Map.of(), Map.of()))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("ENVIRONMENT_BUILD_FAILED");
              assertThat(f.getOriginalMessage())
                  .contains(
                      "taskmill-test/failing:1",
                      "non-zero code: 3",
                      "Unable to locate package libfoo-dev")
                  .doesNotContain("\n");
            });
  }

  @Test
  void aBuildLongerThanThePollIntervalIsWaitedForWithHeartbeats() throws Exception {
    var docker = DockerRequirement.client();
    List<String> beats = new CopyOnWriteArrayList<>();
    // The nonce defeats the layer cache: the RUN really takes 8 s, longer than any poll of the
    // wait.
    Files.writeString(
        tmp.resolve("Dockerfile"),
        "FROM taskmill/debian:bookworm AS environment\nARG NONCE\n"
            + "RUN echo \"$NONCE\" > /nonce && sleep 8\n");
    ImageBuilder builder = new ImageBuilder(docker, beats::add);
    try {
      String id =
          builder.build(
              tmp,
              "environment",
              "taskmill-test/slow:1",
              Map.of("NONCE", UUID.randomUUID().toString()),
              Map.of());
      assertThat(builder.imageId("taskmill-test/slow:1")).contains(id);
      assertThat(beats)
          .filteredOn(beat -> beat.contains("building taskmill-test/slow:1"))
          .hasSizeGreaterThanOrEqualTo(2);
    } finally {
      builder
          .imageId("taskmill-test/slow:1")
          .ifPresent(old -> docker.removeImageCmd(old).withForce(true).exec());
    }
  }

  @Test
  void aCancelledBuildReachesTheActivityAsACancellationNotABuildFailure() throws Exception {
    var docker = DockerRequirement.client();
    Files.writeString(
        tmp.resolve("Dockerfile"),
        "FROM taskmill/debian:bookworm AS environment\nARG NONCE\n"
            + "RUN echo \"$NONCE\" > /nonce && sleep 8\n");
    Heartbeat cancelled =
        detail -> {
          throw new ActivityCanceledException();
        };
    ImageBuilder builder = new ImageBuilder(docker, cancelled);
    assertThatThrownBy(
            () ->
                builder.build(
                    tmp,
                    "environment",
                    "taskmill-test/cancelled:1",
                    Map.of("NONCE", UUID.randomUUID().toString()),
                    Map.of()))
        .isInstanceOf(ActivityCanceledException.class);
    builder
        .imageId("taskmill-test/cancelled:1")
        .ifPresent(id -> docker.removeImageCmd(id).withForce(true).exec());
  }

  @Test
  void rebuildingATagLeavesNoDanglingImage() throws Exception {
    var docker = DockerRequirement.client();
    ImageBuilder builder = new ImageBuilder(docker, Heartbeat.NONE);
    Files.writeString(
        tmp.resolve("Dockerfile"),
        "FROM taskmill/debian:bookworm AS environment\nARG V\n" + "RUN echo \"$V\" > /v\n");
    String first =
        builder.build(tmp, "environment", "taskmill-test/rebuild:1", Map.of("V", "1"), Map.of());
    String second =
        builder.build(tmp, "environment", "taskmill-test/rebuild:1", Map.of("V", "2"), Map.of());
    assertThat(second).isNotEqualTo(first);
    assertThat(builder.imageId(first)).isEmpty();
    docker.removeImageCmd("taskmill-test/rebuild:1").exec();
  }
}
