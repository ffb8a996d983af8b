package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.failure.FailureType;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.DependencyFixtures;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures.Fixture;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python requirements from PyPI, downloaded on the host and installed offline in the stage (a real
 * engine; the host reaches PyPI, as CI's does).
 */
class PythonDependenciesDockerTest {
  @TempDir Path tmp;
  final List<String> sampleTags = new ArrayList<>();
  DockerClient docker;

  @BeforeEach
  void docker() {
    docker = DockerRequirement.client();
  }

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

  @Test
  void aRuntimeDependencyAndAPytestPluginComeFromTheWheelhouseAndTheStagesGoPassFailPass()
      throws Exception {
    Fixture fixture = DependencyFixtures.pythonWithDependencies(tmp.resolve("repo"));
    EnvironmentOutput env =
        EnvironmentDockerTest.preparer(docker, tmp)
            .prepare(
                EnvironmentDockerTest.input(fixture, fixture.baseCommit(), tmp.resolve("work")),
                Heartbeat.NONE);
    sampleTags.add(env.sampleImage());

    Path wheelhouse = Path.of(env.mounts().get(0).hostPath());
    assertThat(Files.readAllLines(wheelhouse.resolve(PipWheelhouse.REQUIREMENTS)))
        .containsExactlyInAnyOrder("attrs>=21.3", "pytest-timeout>=2.1", "pytest-timeout");
    try (var wheels = Files.list(wheelhouse)) {
      assertThat(wheels.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("attrs-"))
          .anyMatch(n -> n.startsWith("pytest_timeout-"))
          .allMatch(n -> n.endsWith(".whl") || n.endsWith(".txt"));
    }
    assertThat(env.dependencyNotes())
        .singleElement()
        .asString()
        .startsWith(
            "left out "
                + DependencyFixtures.MISSING_PYPI
                + "-lint>=1.0 (requirements-dev.txt): PyPI has no"
                + " wheel of it for Python 3.11")
        .endsWith("nothing in the repository imports it");

    Path patches = EnvironmentDockerTest.writePatches(fixture, tmp.resolve("patches"));
    var pre = ContainerStage.run(docker, env, patches, tmp.resolve("out-pre"));
    assertThat(pre.exitCode()).as(pre.log()).isZero();
    assertThat(pre.log()).as("the plugin is loaded").contains("timeout: 60.0s");
    var fail = ContainerStage.run(docker, env, patches, tmp.resolve("out-fail"), "tests.patch");
    assertThat(fail.exitCode()).as(fail.log()).isEqualTo(1);
    var post =
        ContainerStage.run(
            docker, env, patches, tmp.resolve("out-post"), "tests.patch", "fix.patch");
    assertThat(post.exitCode()).as(post.log()).isZero();

    EnvironmentOutput again =
        EnvironmentDockerTest.preparer(docker, tmp)
            .prepare(
                EnvironmentDockerTest.input(fixture, fixture.baseCommit(), tmp.resolve("work")),
                Heartbeat.NONE);
    assertThat(again.dependencyNotes())
        .as("a reused cache reports its notes again")
        .isEqualTo(env.dependencyNotes());
  }

  @Test
  void aProjectThatNeedsPython312GetsTrixies313WithWheelsForIt() throws Exception {
    Fixture fixture = DependencyFixtures.pythonWithDependencies(tmp.resolve("repo"), "3.12");
    EnvironmentOutput env =
        EnvironmentDockerTest.preparer(docker, tmp)
            .prepare(
                EnvironmentDockerTest.input(fixture, fixture.baseCommit(), tmp.resolve("work")),
                Heartbeat.NONE);
    sampleTags.add(env.sampleImage());

    assertThat(env.baseImage()).isEqualTo("taskmill/python:3.13");
    assertThat(env.toolchainVersion()).isEqualTo("3.13");
    assertThat(env.mounts().get(0).spec())
        .as("a wheelhouse of its own, for 3.13")
        .contains("-py3.13/wheelhouse:");
    Path patches = EnvironmentDockerTest.writePatches(fixture, tmp.resolve("patches"));
    var pre = ContainerStage.run(docker, env, patches, tmp.resolve("out-pre"));
    assertThat(pre.exitCode()).as(pre.log()).isZero();
    assertThat(pre.log()).contains("Python 3.13").contains("timeout: 60.0s");
    var fail = ContainerStage.run(docker, env, patches, tmp.resolve("out-fail"), "tests.patch");
    assertThat(fail.exitCode()).as(fail.log()).isEqualTo(1);
  }

  @Test
  void aDependencyTheTestsImportThatPypiDoesNotHaveIsOneLineAndNoImage() {
    Fixture fixture = DependencyFixtures.pythonMissingDependency(tmp.resolve("repo"));
    List<String> before = docker.listImagesCmd().exec().stream().map(i -> i.getId()).toList();

    assertThatThrownBy(
            () ->
                EnvironmentDockerTest.preparer(docker, tmp)
                    .prepare(
                        EnvironmentDockerTest.input(
                            fixture, fixture.baseCommit(), tmp.resolve("work")),
                        Heartbeat.NONE))
        .isInstanceOf(ApplicationFailure.class)
        .satisfies(
            e ->
                assertThat(((ApplicationFailure) e).getType())
                    .isEqualTo(FailureType.DEPENDENCY_UNAVAILABLE.name()))
        .hasMessageContaining(
            "the tests need "
                + DependencyFixtures.MISSING_PYPI
                + "==1.0 (requirements.txt): PyPI"
                + " has no wheel of it for Python 3.11")
        .hasMessageContaining(
            "No matching distribution found for " + DependencyFixtures.MISSING_PYPI)
        .satisfies(
            e ->
                assertThat(((ApplicationFailure) e).getOriginalMessage())
                    .doesNotContain("\n")
                    .endsWith("; the repository imports it"));
    assertThat(docker.listImagesCmd().exec().stream().map(i -> i.getId()).toList())
        .as("no image was built")
        .containsExactlyInAnyOrderElementsOf(before);
  }
}
