package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.testing.StackFixtures.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds real environments for the fixture repositories and proves the stage contract in real
 * containers.
 */
class EnvironmentDockerTest {
  @TempDir Path tmp;

  DockerClient docker;

  /** Sample image tags this test made; environment images stay, they are the cache being tested. */
  final List<String> sampleTags = new java.util.ArrayList<>();

  @BeforeEach
  void docker() {
    docker = DockerRequirement.client();
  }

  @org.junit.jupiter.api.AfterEach
  void untagSampleImages() {
    for (String tag : sampleTags) {
      try {
        docker.removeImageCmd(tag).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }

  EnvironmentOutput prepare(Fixture fixture, String commit, Path workDir) {
    EnvironmentOutput env =
        preparer(docker, tmp).prepare(input(fixture, commit, workDir), Heartbeat.NONE);
    sampleTags.add(env.sampleImage());
    sampleTags.add(env.sampleImage() + "-local");
    return env;
  }

  static EnvironmentPreparer preparer(DockerClient docker, Path tmp) {
    String config = System.getenv("TASKMILL_IMAGES_CONFIG");
    String images =
        config != null
            ? config
            : Path.of("..", "deploy", "offline-images", "stacks.properties")
                .toAbsolutePath()
                .normalize()
                .toString();
    String cache = System.getenv("TASKMILL_CACHE_DIR");
    Path deps =
        (cache != null
                ? Path.of(cache)
                : Path.of(System.getProperty("java.io.tmpdir"), "taskmill-test-cache"))
            .resolve("deps");
    return new EnvironmentPreparer(
        new dev.taskmill.docker.ContainerEngine(docker, "test"),
        new RepositoryCache(tmp.resolve("clones")),
        BaseImages.load(Map.of("TASKMILL_IMAGES_CONFIG", images)::get),
        deps);
  }

  static EnvironmentInput input(Fixture fixture, String commit, Path workDir) {
    return new EnvironmentInput(
        fixture.url(),
        "fixture/" + fixture.name(),
        commit,
        fixture.stack(),
        workDir.toString(),
        fixture.testFiles());
  }

  static Path writePatches(Fixture fixture, Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("tests.patch"), fixture.testsPatch());
    Files.writeString(dir.resolve("fix.patch"), fixture.fixPatch());
    return dir;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"python", "maven", "mocha", "go", "jest", "vitest", "go-modern", "typescript"})
  void theStagesGoPassFailPass(String name) throws Exception {
    Fixture fixture = StackFixtures.all().get(name).apply(tmp.resolve("repo"));
    long start = System.nanoTime();
    EnvironmentOutput env = prepare(fixture, fixture.baseCommit(), tmp.resolve("work"));
    long firstMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(Path.of(env.dockerfile())).exists();
    assertThat(Path.of(env.runScript())).isExecutable();
    assertThat(env.user()).isEqualTo("1000:1000");
    Path patches = writePatches(fixture, tmp.resolve("patches"));

    var pre = ContainerStage.run(docker, env, patches, tmp.resolve("out-pre"));
    assertThat(pre.exitCode()).as(pre.log()).isZero();
    var fail = ContainerStage.run(docker, env, patches, tmp.resolve("out-fail"), "tests.patch");
    assertThat(fail.exitCode()).as(fail.log()).isEqualTo(1);
    var post =
        ContainerStage.run(
            docker, env, patches, tmp.resolve("out-post"), "tests.patch", "fix.patch");
    assertThat(post.exitCode()).as(post.log()).isZero();
    assertThat(reports(fail.out())).as("machine-readable reports").isNotEmpty();
    assertThat(reports(fail.out()).stream().map(EnvironmentDockerTest::read))
        .anyMatch(text -> text.contains("clamp") || text.contains("Clamp"));
    assertThat(reports(post.out())).isNotEmpty();
    String coverage =
        switch (name) {
          case "python" -> "coverage.json";
          case "maven" -> "jacoco.exec";
          case "go", "go-modern" -> "cover.out";
          case "jest", "typescript" -> "coverage-summary.json";
          default ->
              null; // mocha and vitest: coverage only with c8 / @vitest/coverage-v8 in the project
        };
    if (coverage != null) {
      assertThat(post.out().resolve("coverage").resolve(coverage)).as(post.log()).isNotEmptyFile();
    }

    start = System.nanoTime();
    EnvironmentOutput again = prepare(fixture, fixture.baseCommit(), tmp.resolve("work"));
    long againMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(again).isEqualTo(env);
    start = System.nanoTime();
    EnvironmentOutput secondSample = prepare(fixture, fixture.mergeCommit(), tmp.resolve("work2"));
    long secondMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(secondSample.environmentImage()).isEqualTo(env.environmentImage());
    assertThat(secondSample.sampleImage()).isNotEqualTo(env.sampleImage());
    System.out.printf(
        "[timing] %s: first prepare %d ms, same sample again %d ms, second sample (same manifests)"
            + " %d ms%n",
        name, firstMs, againMs, secondMs);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"python", "maven", "mocha"})
  void aTestPatchThatDoesNotCompileExitsFourAndOneThatDoesNotApplyExitsThree(String name)
      throws Exception {
    Fixture fixture = StackFixtures.all().get(name).apply(tmp.resolve("repo"));
    EnvironmentOutput env = prepare(fixture, fixture.baseCommit(), tmp.resolve("work"));
    Path patches = writePatches(fixture, tmp.resolve("patches"));
    String file =
        switch (name) {
          case "python" -> "tests/test_broken.py";
          case "maven" -> "src/test/java/fx/BrokenTest.java";
          default -> "test/broken.test.js";
        };
    String line =
        switch (name) {
          case "python" -> "def test_broken(:";
          case "maven" -> "package fx; class BrokenTest { int x = Calc.missing(); }";
          default -> "describe('broken', () => { it('x', () => { ; }";
        };
    Files.writeString(
        patches.resolve("broken.patch"),
        "diff --git a/"
            + file
            + " b/"
            + file
            + "\n"
            + "new file mode 100644\n--- /dev/null\n+++ b/"
            + file
            + "\n@@ -0,0 +1 @@\n+"
            + line
            + "\n");
    var broken =
        ContainerStage.run(docker, env, patches, tmp.resolve("out-broken"), "broken.patch");
    assertThat(broken.exitCode()).as(broken.log()).isEqualTo(4);
    var twice =
        ContainerStage.run(
            docker, env, patches, tmp.resolve("out-twice"), "tests.patch", "tests.patch");
    assertThat(twice.exitCode()).as(twice.log()).isEqualTo(3);
  }

  @Test
  void aBaseImageThatCannotBeHadIsOneLineSayingWhatToDo() {
    Fixture fixture = StackFixtures.python(tmp.resolve("repo"));
    var preparer =
        new EnvironmentPreparer(
            new dev.taskmill.docker.ContainerEngine(docker, "test"),
            new RepositoryCache(tmp.resolve("clones")),
            BaseImages.load(Map.of("TASKMILL_IMAGE_PYTHON", "taskmill-missing/python:none")::get),
            tmp.resolve("deps"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                preparer.prepare(
                    input(fixture, fixture.baseCommit(), tmp.resolve("work")), Heartbeat.NONE))
        .isInstanceOfSatisfying(
            io.temporal.failure.ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("ENVIRONMENT_BUILD_FAILED");
              assertThat(f.getOriginalMessage())
                  .contains(
                      "taskmill-missing/python:none",
                      "deploy/offline-images/build.sh",
                      "TASKMILL_IMAGES_CONFIG")
                  .doesNotContain("\n");
            });
  }

  @Test
  void aGradleProjectIsRefusedWithTheOfflineImagesInOneLineSayingWhy() {
    try (var repo = dev.taskmill.testing.FixtureRepo.init(tmp.resolve("gradle"))) {
      String commit =
          repo.write("build.gradle", "plugins { id 'java' }\n").commit("gradle project");
      var stack =
          new dev.taskmill.analysis.Stack(
              dev.taskmill.analysis.Language.JAVA,
              dev.taskmill.analysis.BuildSystem.GRADLE,
              dev.taskmill.analysis.TestFramework.JUNIT5,
              "17",
              "");
      var input =
          new EnvironmentInput(
              repo.url(),
              "fixture/gradle",
              commit,
              stack,
              tmp.resolve("work").toString(),
              List.of());
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> preparer(docker, tmp).prepare(input, Heartbeat.NONE))
          .isInstanceOfSatisfying(
              io.temporal.failure.ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("UNSUPPORTED_STACK");
                assertThat(f.getOriginalMessage())
                    .contains("Gradle", "downloads its distribution", "TASKMILL_IMAGE_GRADLE")
                    .doesNotContain("\n");
              });
      assertThat(tmp.resolve("work").resolve("Dockerfile"))
          .as("nothing half-written")
          .doesNotExist();
    }
  }

  @Test
  void aGoReleaseTheProxyDoesNotHaveIsOneLineAndWritesNothing() {
    Fixture fixture =
        StackFixtures.goModernWith(tmp.resolve("repo"), "module example.com/calc\n\ngo 1.99.0\n");
    Fixture asked =
        new Fixture(
            fixture.name(),
            fixture.repo(),
            new dev.taskmill.analysis.Stack(
                dev.taskmill.analysis.Language.GO,
                dev.taskmill.analysis.BuildSystem.GO_MODULES,
                dev.taskmill.analysis.TestFramework.GO_TEST,
                "1.99.0",
                ""),
            fixture.baseCommit(),
            fixture.mergeCommit(),
            fixture.prNumber(),
            fixture.testsPatch(),
            fixture.fixPatch(),
            fixture.testFiles(),
            fixture.failToPass());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> prepare(asked, asked.baseCommit(), tmp.resolve("work")))
        .isInstanceOfSatisfying(
            io.temporal.failure.ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("TOOLCHAIN_UNAVAILABLE");
              assertThat(f.getOriginalMessage())
                  .contains(
                      "go.mod asks for go1.99.0",
                      "Go module proxy",
                      "golang.org/toolchain@v0.0.1-go1.99.0.linux-")
                  .doesNotContain("\n");
            });
    assertThat(tmp.resolve("work").resolve("Dockerfile")).as("nothing half-written").doesNotExist();
  }

  @Test
  void aHostileProjectFolderAndFileNameRunNothingInTheStages() throws Exception {
    // Executed, each payload would print INJECTED; as data it stays INJ""ECTED.
    String hostile = "we ird'$(echo INJ\"\"ECTED)`echo INJ\"\"ECTED`;x";
    Fixture fixture = StackFixtures.python(tmp.resolve("repo"), hostile);
    EnvironmentOutput env = prepare(fixture, fixture.baseCommit(), tmp.resolve("work"));
    Path patches = writePatches(fixture, tmp.resolve("patches"));
    var pre = ContainerStage.run(docker, env, patches, tmp.resolve("out-pre"));
    var fail = ContainerStage.run(docker, env, patches, tmp.resolve("out-fail"), "tests.patch");
    var post =
        ContainerStage.run(
            docker, env, patches, tmp.resolve("out-post"), "tests.patch", "fix.patch");
    assertThat(List.of(pre.exitCode(), fail.exitCode(), post.exitCode()))
        .as(pre.log() + fail.log() + post.log())
        .containsExactly(0, 1, 0);
    assertThat(pre.log() + fail.log() + post.log()).doesNotContain("INJECTED");
    assertThat(Files.readString(Path.of(env.runScript()))).doesNotContain("INJECTED");
  }

  @Test
  void runShOnAPersonsMachineChecksTheCycleAndRewritesNothing() throws Exception {
    Fixture fixture = StackFixtures.python(tmp.resolve("repo"));
    EnvironmentOutput env = prepare(fixture, fixture.baseCommit(), tmp.resolve("work"));
    Path sample = writePatches(fixture, tmp.resolve("samples/task-1"));
    Files.copy(Path.of(env.dockerfile()), sample.resolve("Dockerfile"));
    Files.copy(Path.of(env.runScript()), sample.resolve("run.sh"));
    Map<String, String> before = snapshot(sample);

    var result = Bash.run(sample, "TASKMILL_STAGE_TIMEOUT=300 ./run.sh", List.of());
    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("the cycle holds");
    assertThat(snapshot(sample)).isEqualTo(before);
    assertThat(
            new dev.taskmill.docker.ContainerEngine(docker, "test")
                .imageExists(env.sampleImage() + "-local"))
        .as("run.sh by hand removes the image it built")
        .isFalse();

    // With the fix reverted into the test patch's place, the cycle no longer holds and run.sh says
    // so.
    Files.writeString(sample.resolve("fix.patch"), "");
    var broken = Bash.run(sample, "TASKMILL_STAGE_TIMEOUT=300 ./run.sh", List.of());
    assertThat(broken.exitCode()).as(broken.out()).isNotZero();
    assertThat(broken.out()).contains("the cycle does not hold");
  }

  private static List<Path> reports(Path out) throws Exception {
    try (Stream<Path> files = Files.walk(out.resolve("reports"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> snapshot(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .collect(
              java.util.stream.Collectors.toMap(
                  p -> dir.relativize(p).toString(), p -> read(p) + Files.isExecutable(p)));
    }
  }
}
