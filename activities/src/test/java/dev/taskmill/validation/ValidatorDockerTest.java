package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.failure.FailureType;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.validation.report.ContainerPaths;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three-run validation against the real Docker engine, with a pytest fixture repository and
 * run.sh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidatorDockerTest {
  private static final String BASE_IMAGE = "taskmill-test/pytest-sample:base";
  private static final String BASE_FAIL_IMAGE = "taskmill-test/pytest-sample:basefail";
  private static final String RUN_LABEL = "dev.taskmill.test-run";
  private final String runId = UUID.randomUUID().toString();
  private DockerClient client;
  private Path scenarios;
  private Path runScript;

  @BeforeAll
  void images() throws Exception {
    client = DockerTestSupport.clientOrSkip();
    Path repo = DockerTestSupport.resource("validation/pytest-repo");
    scenarios = repo.resolve("scenarios");
    runScript = repo.resolve("run.sh");
    DockerTestSupport.sampleImage(client, BASE_IMAGE, null);
    DockerTestSupport.sampleImage(client, BASE_FAIL_IMAGE, scenarios.resolve("basefail/overlay"));
  }

  @AfterAll
  void close() throws Exception {
    if (client != null) {
      client.close();
    }
  }

  private ValidationOutput validate(
      String image, String scenario, Path workDir, ValidationSettings settings) throws Exception {
    return validate(image, scenario, workDir, settings, new StageParallelism(3));
  }

  private ValidationOutput validate(
      String image,
      String scenario,
      Path workDir,
      ValidationSettings settings,
      StageParallelism parallelism)
      throws Exception {
    ContainerEngine engine = new ContainerEngine(client, DockerClients.dockerHost());
    StageRunner runner =
        new StageRunner(engine, settings, Heartbeat.NONE, Map.of(RUN_LABEL, runId));
    StageEnvironment env =
        new StageEnvironment(
            image, runScript, List.of(), "1000:1000", ContainerPaths.forProjectDir(""));
    return new Validator(engine, runner, settings, parallelism)
        .validate(
            env,
            scenarios.resolve(scenario + "/tests.patch"),
            scenarios.resolve(scenario + "/fix.patch"),
            workDir,
            settings.reruns());
  }

  private List<String> leftoverContainers() {
    return client
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(RUN_LABEL, runId))
        .exec()
        .stream()
        .map(c -> c.getNames()[0])
        .toList();
  }

  @Nested
  class CycleHolds {
    @Test
    void passFailPassGivesTheNewTestAsFailToPass(@TempDir Path workDir) throws Exception {
      ValidationOutput out =
          validate(BASE_IMAGE, "flips", workDir, new ValidationSettings(1, 120, 1.0, 512));

      assertThat(out.failToPass()).containsExactly("tests/test_calc.py::TestClamp::test_upper");
      assertThat(out.passToPass())
          .containsExactly(
              "tests/test_calc.py::TestClamp::test_inside",
              "tests/test_calc.py::test_add",
              "tests/test_net.py::test_localhost_resolves_and_serves",
              "tests/test_net.py::test_network_is_off");
      assertThat(out.flaky()).isEmpty();
      assertThat(out.stages())
          .extracting(StageResult::name)
          .containsExactly(
              "PASS_pre_tests",
              "FAIL_pre_patch",
              "PASS_post_patch",
              "FAIL_pre_patch.rerun1",
              "PASS_post_patch.rerun1");
      assertThat(out.stages()).extracting(StageResult::exitCode).containsExactly(0, 1, 0, 1, 0);
      assertThat(workDir.resolve("PASS_pre_tests.log"))
          .content()
          .contains("test_network_is_off PASSED")
          .contains("test_localhost_resolves_and_serves PASSED");
      assertThat(workDir.resolve("FAIL_pre_patch.log"))
          .content()
          .contains("TestClamp::test_upper FAILED");
      assertThat(workDir.resolve("PASS_post_patch.log")).content().contains("5 passed");
      assertThat(workDir.resolve("FAIL_pre_patch.rerun1.log")).exists();
    }

    @Test
    void passRunsReportLineCoverageAndPerTestResults(@TempDir Path workDir) throws Exception {
      ValidationOutput out =
          validate(BASE_IMAGE, "flips", workDir, new ValidationSettings(0, 120, 1.0, 512));

      StageResult post = out.stages().get(2);
      assertThat(post.lineCoverage()).isEqualTo(100.0);
      assertThat(out.stages().get(0).lineCoverage()).isBetween(50.0, 100.0);
      assertThat(post.testsRun()).isEqualTo(5);
      JsonNode results = new ObjectMapper().readTree(Path.of(post.results()).toFile());
      assertThat(results.path("tests").path("tests/test_calc.py::TestClamp::test_upper").asText())
          .isEqualTo("PASSED");
    }

    @Test
    void aTestThatChangesBetweenRerunsIsFlakyAndInNeitherList(@TempDir Path workDir)
        throws Exception {
      ValidationOutput out =
          validate(BASE_IMAGE, "flaky", workDir, new ValidationSettings(1, 120, 1.0, 512));

      assertThat(out.flaky()).containsExactly("tests/test_flaky.py::test_depends_on_the_run");
      assertThat(out.failToPass()).containsExactly("tests/test_calc.py::TestClamp::test_upper");
      assertThat(out.passToPass()).doesNotContain("tests/test_flaky.py::test_depends_on_the_run");
    }

    @Test
    void rerunsRunOnlyTheDecidingTestsFromTheirFirstRunsSnapshotWithoutCoverage(
        @TempDir Path workDir) throws Exception {
      ValidationOutput out =
          validate(BASE_IMAGE, "flaky", workDir, new ValidationSettings(1, 120, 1.0, 512));

      StageResult failRerun =
          out.stages().stream()
              .filter(s -> s.name().equals("FAIL_pre_patch.rerun1"))
              .findFirst()
              .orElseThrow();
      // upper flips, inside and the flaky one are new: three deciding tests, not the five of the
      // suite
      assertThat(failRerun.testsRun()).isEqualTo(3);
      assertThat(failRerun.lineCoverage()).isNull();
      assertThat(out.stages().get(1).lineCoverage()).as("FAIL_pre_patch").isNull();
      assertThat(out.stages().get(2).lineCoverage()).as("PASS_post_patch").isNotNull();
      assertThat(workDir.resolve("FAIL_pre_patch.rerun1.log"))
          .content()
          .contains("starts from taskmill-snapshot/");
      assertThat(client.listImagesCmd().exec())
          .flatExtracting(i -> i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags()))
          .noneMatch(tag -> tag.toString().startsWith("taskmill-snapshot/"));
    }

    @Test
    void containersAreRemovedAfterEveryStage(@TempDir Path workDir) throws Exception {
      validate(BASE_IMAGE, "flips", workDir, new ValidationSettings(0, 120, 1.0, 512));

      assertThat(leftoverContainers()).isEmpty();
    }
  }

  @Nested
  class Rejections {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "n2p,        TESTS_DO_NOT_COMPILE, tests.patch does not compile without the fix, FAIL_pre_patch.log",
      "noflip,     NO_TEST_FLIPS,        no test fails after tests.patch,               PASS_post_patch.log",
      "passtofail, PASS_TO_FAIL,         tests/test_calc.py::test_add,                   PASS_post_patch.log",
      "notapply,   PATCH_DOES_NOT_APPLY, fix.patch does not apply after tests.patch,    PASS_post_patch.log",
    })
    void aBrokenCycleIsRejectedWithItsReason(
        String scenario, FailureType type, String says, String log, @TempDir Path workDir) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () ->
                  validate(
                      BASE_IMAGE, scenario, workDir, new ValidationSettings(0, 120, 1.0, 512)));

      assertThat(failure.getType()).isEqualTo(type.name());
      assertThat(failure.getOriginalMessage()).contains(says);
      assertThat(workDir.resolve(log)).exists();
      assertThat(workDir.resolve("validation/summary.json")).content().contains(type.name());
    }

    @Test
    void failingBaseTestsAreNamedAndOneAfterTheOtherNothingRunsAfterThem(@TempDir Path workDir) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () ->
                  validate(
                      BASE_FAIL_IMAGE,
                      "basefail",
                      workDir,
                      new ValidationSettings(0, 120, 1.0, 512),
                      StageParallelism.sequential()));

      assertThat(failure.getType()).isEqualTo(FailureType.BASE_TESTS_FAIL.name());
      assertThat(failure.getOriginalMessage())
          .contains("tests/test_broken.py::test_already_broken");
      assertThat(workDir.resolve("PASS_pre_tests.log"))
          .content()
          .contains("test_already_broken FAILED");
      assertThat(workDir.resolve("FAIL_pre_patch.log")).doesNotExist();
    }

    @Test
    void sideBySideTheBaseStillDecidesFirstAndNoContainerIsLeft(@TempDir Path workDir) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () ->
                  validate(
                      BASE_FAIL_IMAGE,
                      "basefail",
                      workDir,
                      new ValidationSettings(0, 120, 1.0, 512)));

      assertThat(failure.getType()).isEqualTo(FailureType.BASE_TESTS_FAIL.name());
      assertThat(workDir.resolve("validation/summary.json"))
          .content()
          .contains("PASS_pre_tests", "FAIL_pre_patch");
      assertThat(leftoverContainers()).isEmpty();
    }

    @Test
    void aBaseFailureOutsideThePrsTestFilesIsLeftOut(@TempDir Path workDir) throws Exception {
      ValidationOutput out =
          validate(BASE_FAIL_IMAGE, "flips", workDir, new ValidationSettings(0, 120, 1.0, 512));

      assertThat(out.failToPass()).containsExactly("tests/test_calc.py::TestClamp::test_upper");
      assertThat(out.passToPass()).doesNotContain("tests/test_broken.py::test_already_broken");
    }

    @Test
    void aHangingTestIsKilledAtTheStageTimeout(@TempDir Path workDir) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () -> validate(BASE_IMAGE, "hang", workDir, new ValidationSettings(0, 5, 1.0, 512)));

      assertThat(failure.getType()).isEqualTo(FailureType.STAGE_TIMEOUT.name());
      assertThat(failure.getOriginalMessage()).contains("FAIL_pre_patch").contains("5 s");
      assertThat(workDir.resolve("FAIL_pre_patch.log"))
          .content()
          .contains("collected 4 items")
          .contains("[taskmill] stage timeout of 5 s reached: container killed");
      assertThat(leftoverContainers()).isEmpty();
    }

    @Test
    void aMissingSampleImageIsTransientAndNamesTheImage(@TempDir Path workDir) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () ->
                  validate(
                      "taskmill-test/not-built:nowhere",
                      "flips",
                      workDir,
                      new ValidationSettings(0, 60, 1, 512)));

      assertThat(failure.getType()).isEqualTo(FailureType.TRANSIENT.name());
      assertThat(failure.getOriginalMessage()).contains("taskmill-test/not-built:nowhere");
    }
  }

  @Nested
  class AnyPatchSet {
    @Test
    void aStageRunsWithWhateverPatchesItIsGiven(@TempDir Path workDir) throws Exception {
      ContainerEngine engine = new ContainerEngine(client, DockerClients.dockerHost());
      ValidationSettings settings = new ValidationSettings(0, 120, 1.0, 512);
      StageRunner runner =
          new StageRunner(engine, settings, Heartbeat.NONE, Map.of(RUN_LABEL, runId));
      StageEnvironment env =
          new StageEnvironment(
              BASE_IMAGE, runScript, List.of(), null, ContainerPaths.forProjectDir(""));
      List<Path> patches =
          List.of(
              scenarios.resolve("flips/tests.patch"), scenarios.resolve("passtofail/fix.patch"));

      StageRun run = runner.run(env, "trajectory_final", patches, workDir);

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.tests().ids(dev.taskmill.validation.report.TestOutcome.FAILED))
          .containsExactly("tests/test_calc.py::test_add");
      assertThat(workDir.resolve("trajectory_final.log")).exists();
      assertThat(
              Files.list(workDir.resolve("validation/trajectory_final/patches"))
                  .map(p -> p.getFileName().toString()))
          .containsExactly("01-tests.patch", "02-fix.patch");
      System.out.printf(
          "stage timings: create %d ms, start %d ms, wait %d ms, remove %d ms%n",
          run.container().createMillis(),
          run.container().startMillis(),
          run.container().waitMillis(),
          run.container().removeMillis());
    }
  }

  @Nested
  class Retries {
    @Test
    void aRetryInTheSameWorkDirGivesTheSameVerdictAndNoSecondCopy(@TempDir Path workDir)
        throws Exception {
      ValidationSettings settings = new ValidationSettings(0, 120, 1.0, 512);
      ValidationOutput first = validate(BASE_IMAGE, "flips", workDir, settings);
      List<Path> filesAfterFirst = files(workDir);

      ValidationOutput second = validate(BASE_IMAGE, "flips", workDir, settings);

      assertThat(second.failToPass()).isEqualTo(first.failToPass());
      assertThat(second.passToPass()).isEqualTo(first.passToPass());
      assertThat(files(workDir)).isEqualTo(filesAfterFirst);
      assertThat(leftoverContainers()).isEmpty();
    }

    @Test
    void aContainerLeftByACrashedAttemptIsReplaced(@TempDir Path workDir) throws Exception {
      ValidationSettings settings = new ValidationSettings(0, 120, 1.0, 512);
      String name = StageRunner.containerName(workDir, ValidationPlan.PASS_PRE_TESTS);
      client
          .createContainerCmd(BASE_IMAGE)
          .withName(name)
          .withCmd("sleep", "600")
          .withLabels(Map.of(RUN_LABEL, runId))
          .exec();

      ValidationOutput out = validate(BASE_IMAGE, "flips", workDir, settings);

      assertThat(out.failToPass()).containsExactly("tests/test_calc.py::TestClamp::test_upper");
      assertThat(leftoverContainers()).isEmpty();
    }

    private List<Path> files(Path dir) throws java.io.IOException {
      try (var walk = Files.walk(dir)) {
        return walk.map(dir::relativize).sorted().toList();
      }
    }
  }

  @Nested
  class Cancellation {
    @Test
    void aCancelledStageStillRemovesItsContainer(@TempDir Path workDir) {
      ContainerEngine engine = new ContainerEngine(client, DockerClients.dockerHost());
      ValidationSettings settings = new ValidationSettings(0, 120, 1.0, 512);
      Heartbeat cancelled =
          detail -> {
            if (detail.contains("running")) {
              throw new IllegalStateException("cancelled while " + detail);
            }
          };
      StageRunner runner = new StageRunner(engine, settings, cancelled, Map.of(RUN_LABEL, runId));
      StageEnvironment env =
          new StageEnvironment(
              BASE_IMAGE, runScript, List.of(), null, ContainerPaths.forProjectDir(""));
      PlannedStage hang =
          new PlannedStage(
              "FAIL_pre_patch",
              StageRole.TESTS_ONLY,
              List.of(scenarios.resolve("hang/tests.patch")));

      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(() -> runner.run(env, hang, workDir));

      assertThat(thrown).hasMessageContaining("cancelled while FAIL_pre_patch running");
      assertThat(leftoverContainers()).isEmpty();
    }
  }

  @Nested
  class ThroughTheActivity {
    @Test
    void theTemporalActivityValidatesFromItsInputAndHeartbeats(@TempDir Path workDir) {
      io.temporal.testing.TestActivityEnvironment temporal =
          io.temporal.testing.TestActivityEnvironment.newInstance();
      try {
        List<String> beats = new java.util.concurrent.CopyOnWriteArrayList<>();
        temporal.setActivityHeartbeatListener(String.class, beats::add);
        temporal.registerActivitiesImplementations(
            new ValidationActivityImpl(dev.taskmill.docker.ContainerEngine::fromEnvironment));
        ValidationActivity activity =
            temporal.newActivityStub(
                ValidationActivity.class,
                io.temporal.activity.ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(java.time.Duration.ofMinutes(5))
                    .build());
        dev.taskmill.environment.EnvironmentOutput environment =
            new dev.taskmill.environment.EnvironmentOutput(
                workDir.resolve("Dockerfile").toString(),
                runScript.toString(),
                DockerTestSupport.TOOLCHAIN,
                DockerTestSupport.TOOLCHAIN,
                BASE_IMAGE,
                "3.11",
                List.of(),
                "1000:1000");
        ValidationInput input =
            new ValidationInput(
                "file:///fixtures/pytest-repo",
                "0".repeat(40),
                new dev.taskmill.analysis.Stack(
                    dev.taskmill.analysis.Language.PYTHON,
                    dev.taskmill.analysis.BuildSystem.PIP,
                    dev.taskmill.analysis.TestFramework.PYTEST,
                    "3.11",
                    ""),
                environment,
                scenarios.resolve("flips/tests.patch").toString(),
                scenarios.resolve("flips/fix.patch").toString(),
                workDir.toString(),
                new ValidationSettings(0, 120, 1.0, 512));

        ValidationOutput out = activity.validate(input);

        assertThat(out.failToPass()).containsExactly("tests/test_calc.py::TestClamp::test_upper");
        assertThat(out.stages()).allSatisfy(stage -> assertThat(Path.of(stage.log())).exists());
        // Temporal throttles heartbeats, so only some of them arrive: each names the stage it comes
        // from.
        assertThat(beats)
            .isNotEmpty()
            .allMatch(beat -> beat.matches("(PASS_pre_tests|FAIL_pre_patch|PASS_post_patch) .*"));
      } finally {
        temporal.close();
      }
    }
  }
}
