package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.DependencyFixtures;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JUnit 4 project's offline stages find Surefire's JUnit 4 provider in the cache, whether the pom
 * pins Surefire 3.2.5 or leaves it to the image's Maven 3.9.9 (whose default is 3.2.5, while the
 * host's Maven 3.8 resolves 2.12.4): the case that was rejected as "does not build at the base
 * commit" (issue 11).
 */
class MavenSurefireProviderDockerTest {
  @TempDir Path tmp;
  final List<String> sampleTags = new ArrayList<>();
  DockerClient docker;

  @AfterEach
  void untag() {
    for (String tag : sampleTags) {
      try {
        docker.removeImageCmd(tag).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }

  @ParameterizedTest(name = "surefire pinned: {0}")
  @ValueSource(booleans = {true, false})
  void theJunit4ProviderOfTheSurefireTheStageRunsIsInTheCache(boolean pinned) throws Exception {
    docker = DockerRequirement.client();
    Fixture fixture = DependencyFixtures.mavenJunit4(tmp.resolve("repo"), pinned);
    // Caches are per manifest hash, so this project's Maven repository is its own even in the
    // shared test cache.
    EnvironmentPreparer preparer = EnvironmentDockerTest.preparer(docker, tmp);
    EnvironmentOutput env =
        preparer.prepare(
            EnvironmentDockerTest.input(fixture, fixture.baseCommit(), tmp.resolve("work")),
            Heartbeat.NONE);
    sampleTags.add(env.sampleImage());

    Path m2 = Path.of(env.mounts().get(0).hostPath());
    assertThat(
            m2.resolve("org/apache/maven/surefire/surefire-junit4/3.2.5/surefire-junit4-3.2.5.jar"))
        .as("the provider of the Surefire the image's Maven runs")
        .isNotEmptyFile();
    Path patches = EnvironmentDockerTest.writePatches(fixture, tmp.resolve("patches"));
    var pre = ContainerStage.run(docker, env, patches, tmp.resolve("out-pre"));
    assertThat(pre.exitCode()).as(pre.log()).isZero();
    assertThat(pre.log()).doesNotContain("surefire-junit4:jar:3.2.5 (absent)");
    var fail = ContainerStage.run(docker, env, patches, tmp.resolve("out-fail"), "tests.patch");
    assertThat(fail.exitCode()).as(fail.log()).isEqualTo(1);
    try (var reports = Files.list(fail.out().resolve("reports"))) {
      assertThat(reports.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith("TEST-fx.CalcTest.xml"));
    }
  }
}
