package dev.taskmill.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The configured Python base image plus an {@code ONBUILD RUN sleep}: every image built FROM it
 * (taskmill's environment stage) spends that long in one build step, so that a test can kill a
 * worker in the middle of an image build. A fresh tag each time, so that no cached environment
 * image skips the step.
 */
final class SlowBaseImage {
  private SlowBaseImage() {}

  static String build(DockerClient docker, Path dir, int seconds) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM " + WorkerKillTest.pythonBase() + "\n" + "ONBUILD RUN sleep " + seconds + "\n");
    String tag = "taskmill-test/slow-python:" + UUID.randomUUID().toString().substring(0, 8);
    docker
        .buildImageCmd()
        .withBaseDirectory(dir.toFile())
        .withDockerfile(dir.resolve("Dockerfile").toFile())
        .withTags(Set.of(tag))
        .withPull(false)
        .exec(new BuildImageResultCallback())
        .awaitImageId(5, TimeUnit.MINUTES);
    return tag;
  }

  /** Removes images this test made; one still used by a container or another tag stays. */
  static void remove(DockerClient docker, String... images) {
    for (String image : images) {
      if (image == null) {
        continue;
      }
      try {
        docker.removeImageCmd(image).exec();
      } catch (DockerException | IllegalArgumentException gone) {
        // already gone or still used: not this test's to force
      }
    }
  }
}
