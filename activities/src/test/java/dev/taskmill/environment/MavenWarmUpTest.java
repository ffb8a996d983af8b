package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.ContainerOwner;
import dev.taskmill.testing.DockerRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up's wait heartbeats, and its container goes whatever the build did (a real Docker
 * engine).
 */
class MavenWarmUpTest {
  @TempDir Path tmp;

  @Test
  void aFailedWarmUpIsReportedAndLeavesNoContainer() throws Exception {
    DockerClient docker = DockerRequirement.client();
    List<String> beats = new ArrayList<>();
    Path m2 = Files.createDirectories(tmp.resolve("deps/m2"));

    // The offline Java image has Maven but no project in /testbed: the build fails within seconds.
    String image = "taskmill/java:17-maven";
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new dev.taskmill.docker.ContainerEngine(docker, "test").imageExists(image)
            || "true".equals(System.getenv("CI")),
        image + " is not built");
    new MavenWarmUp(new dev.taskmill.docker.ContainerEngine(docker, "test"), beats::add)
        .warm(image, m2, "");

    assertThat(beats)
        .anySatisfy(beat -> assertThat(beat).contains("the Maven warm-up build exited 1"));
    assertThat(m2.resolveSibling(".warmed")).doesNotExist();
    assertThat(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(
                    java.util.Map.of(
                        ContainerOwner.ROLE_LABEL,
                        MavenWarmUp.ROLE,
                        ContainerOwner.PID_LABEL,
                        String.valueOf(ProcessHandle.current().pid())))
                .exec())
        .isEmpty();
  }
}
