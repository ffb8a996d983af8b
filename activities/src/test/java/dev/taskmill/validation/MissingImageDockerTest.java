package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.environment.BaseImages;
import dev.taskmill.environment.EnvironmentInput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.environment.EnvironmentPreparer;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 5 on a Docker engine that lacks the sample image (phase 4 ran on another host): the
 * validation rebuilds it from the work area's run.sh and Dockerfile, and validates as if it had
 * been there.
 */
class MissingImageDockerTest {
  @TempDir Path tmp;

  @Test
  void validationRebuildsAMissingSampleImageFromTheEnvironmentsRecipe() throws Exception {
    DockerClient docker = DockerRequirement.client();
    StackFixtures.Fixture fixture = StackFixtures.python(tmp.resolve("repo"));
    Path workDir = Files.createDirectories(tmp.resolve("work"));
    String config = System.getenv("TASKMILL_IMAGES_CONFIG");
    String images =
        config != null
            ? config
            : Path.of("..", "deploy", "offline-images", "stacks.properties")
                .toAbsolutePath()
                .normalize()
                .toString();
    ContainerEngine engine = new ContainerEngine(docker, DockerClients.dockerHost());
    EnvironmentOutput env =
        new EnvironmentPreparer(
                engine,
                new RepositoryCache(tmp.resolve("clones")),
                BaseImages.load(Map.of("TASKMILL_IMAGES_CONFIG", images)::get),
                tmp.resolve("deps"))
            .prepare(
                new EnvironmentInput(
                    fixture.url(),
                    "fixture/python",
                    fixture.baseCommit(),
                    fixture.stack(),
                    workDir.toString(),
                    fixture.testFiles()),
                Heartbeat.NONE);
    Path tests = Files.writeString(workDir.resolve("tests.patch"), fixture.testsPatch());
    Path fix = Files.writeString(workDir.resolve("fix.patch"), fixture.fixPatch());
    try {
      docker.removeImageCmd(env.sampleImage()).exec();
      assertThat(engine.imageExists(env.sampleImage()))
          .as("as on a host that did not run phase 4")
          .isFalse();
      long started = System.nanoTime();

      ValidationOutput validated =
          new ValidationActivityImpl()
              .validate(
                  new ValidationInput(
                      fixture.url(),
                      fixture.baseCommit(),
                      fixture.stack(),
                      env,
                      tests.toString(),
                      fix.toString(),
                      workDir.toString(),
                      new ValidationSettings(0, 120, 2.0, 1024)));

      System.out.printf(
          "[timing] validation with the image rebuilt first: %d ms%n",
          (System.nanoTime() - started) / 1_000_000);
      assertThat(engine.imageExists(env.sampleImage())).as("rebuilt under the same tag").isTrue();
      assertThat(validated.failToPass()).containsExactlyElementsOf(fixture.failToPass());
    } finally {
      try {
        docker.removeImageCmd(env.sampleImage()).exec();
      } catch (RuntimeException gone) {
        // not rebuilt
      }
    }
  }
}
