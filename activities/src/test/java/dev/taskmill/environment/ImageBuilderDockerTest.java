package dev.taskmill.environment;

import dev.taskmill.progress.Heartbeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.testing.DockerRequirement;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderDockerTest {
  @TempDir
  Path tmp;

  @Test
  void aFailingBuildSaysWhyInOneLine() throws Exception {
    var docker = DockerRequirement.client();
    Files.writeString(tmp.resolve("Dockerfile"), "FROM taskmill/debian:bookworm AS environment\n"
        + "RUN echo 'E: Unable to locate package libfoo-dev' && exit 3\n");
    assertThatThrownBy(() -> new ImageBuilder(docker, Heartbeat.NONE)
        .build(tmp, "environment", "taskmill-test/failing:1", Map.of(), Map.of()))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("ENVIRONMENT_BUILD_FAILED");
          assertThat(f.getOriginalMessage()).contains("taskmill-test/failing:1", "non-zero code: 3",
              "Unable to locate package libfoo-dev").doesNotContain("\n");
        });
  }

  @Test
  void rebuildingATagLeavesNoDanglingImage() throws Exception {
    var docker = DockerRequirement.client();
    ImageBuilder builder = new ImageBuilder(docker, Heartbeat.NONE);
    Files.writeString(tmp.resolve("Dockerfile"), "FROM taskmill/debian:bookworm AS environment\nARG V\n"
        + "RUN echo \"$V\" > /v\n");
    String first = builder.build(tmp, "environment", "taskmill-test/rebuild:1", Map.of("V", "1"), Map.of());
    String second = builder.build(tmp, "environment", "taskmill-test/rebuild:1", Map.of("V", "2"), Map.of());
    assertThat(second).isNotEqualTo(first);
    assertThat(builder.imageId(first)).isEmpty();
    docker.removeImageCmd("taskmill-test/rebuild:1").exec();
  }

  @Test
  void aStepLongerThanThePollIntervalStillEndsInAnImage() throws Exception {
    // docker-java's awaitCompletion(timeout) closes the stream when it returns: polling it cut builds off at 5 s.
    var docker = DockerRequirement.client();
    ImageBuilder builder = new ImageBuilder(docker, Heartbeat.NONE);
    Files.writeString(tmp.resolve("Dockerfile"), "FROM taskmill/debian:bookworm AS environment\nARG V\n"
        + "RUN sleep 7 && echo \"$V\" > /v\n");
    String id = builder.build(tmp, "environment", "taskmill-test/slow:1", Map.of("V", String.valueOf(System.nanoTime())),
        Map.of());
    assertThat(builder.imageId("taskmill-test/slow:1")).contains(id);
    docker.removeImageCmd("taskmill-test/slow:1").exec();
  }
}
