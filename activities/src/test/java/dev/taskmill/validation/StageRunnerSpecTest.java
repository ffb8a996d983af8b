package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.validation.report.ContainerPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container a stage asks for: the contract's mounts, limits, user, environment and labels. */
class StageRunnerSpecTest {
  private final Path workDir = Path.of("/work/samples/.work/acme-42");
  private final StageRunner runner =
      new StageRunner(
          new ContainerEngine(null, "test"),
          new ValidationSettings(1, 300, 1.5, 2048),
          Heartbeat.NONE,
          Map.of("extra", "yes"));
  private final StageEnvironment env =
      new StageEnvironment(
          "taskmill/sample:acme-42",
          workDir.resolve("run.sh"),
          List.of(BindMount.parse("/var/cache/taskmill/m2:/root/.m2:ro")),
          "1000:1000",
          ContainerPaths.forProjectDir(""));
  private final PlannedStage post =
      new PlannedStage(
          "PASS_post_patch",
          StageRole.TESTS_AND_FIX,
          List.of(workDir.resolve("tests.patch"), workDir.resolve("fix.patch")));

  @Test
  void aStageContainerFollowsTheStageContract() {
    StageRunner.StageDirs dirs =
        new StageRunner.StageDirs(
            workDir.resolve("validation/PASS_post_patch"),
            workDir.resolve("validation/PASS_post_patch/patches"),
            workDir.resolve("validation/PASS_post_patch/out"));
    List<String> command =
        List.of(
            "bash",
            "/taskmill/run.sh",
            "stage",
            "/taskmill/patches/01-tests.patch",
            "/taskmill/patches/02-fix.patch");

    ContainerSpec spec = runner.spec(env, post, workDir, dirs, command);

    assertThat(spec.image()).isEqualTo("taskmill/sample:acme-42");
    assertThat(spec.command()).isEqualTo(command);
    assertThat(spec.mounts())
        .containsExactly(
            BindMount.readOnly("/work/samples/.work/acme-42/run.sh", "/taskmill/run.sh"),
            BindMount.readOnly(
                "/work/samples/.work/acme-42/validation/PASS_post_patch/patches",
                "/taskmill/patches"),
            BindMount.readWrite(
                "/work/samples/.work/acme-42/validation/PASS_post_patch/out", "/taskmill/out"),
            BindMount.readOnly("/var/cache/taskmill/m2", "/root/.m2"));
    assertThat(spec.user()).isEqualTo("1000:1000");
    assertThat(spec.nanoCpus()).isEqualTo(1_500_000_000L);
    assertThat(spec.memoryBytes()).isEqualTo(2048L * 1024 * 1024);
    assertThat(spec.pidsLimit()).isEqualTo(512);
    assertThat(spec.env())
        .containsEntry("PYTHONDONTWRITEBYTECODE", "1")
        .containsEntry("TASKMILL_STAGE", "PASS_post_patch");
    assertThat(spec.labels())
        .containsEntry(StageRunner.STAGE_LABEL, "PASS_post_patch")
        .containsEntry("extra", "yes");
    assertThat(spec.name()).startsWith("taskmill-").endsWith("-PASS_post_patch");
  }

  @Test
  void selectedTestsTravelInAFileNotInOneEnvironmentString() {
    StageRunner.StageDirs dirs =
        new StageRunner.StageDirs(
            workDir.resolve("validation/traj_ideal"),
            workDir.resolve("validation/traj_ideal/patches"),
            workDir.resolve("validation/traj_ideal/out"));
    // 2,000 ids of 80 characters: 160 KB, more than one environment string may hold (128 KiB).
    List<String> ids =
        java.util.stream.IntStream.range(0, 2000)
            .mapToObj(
                i ->
                    "tests/test_module_with_a_long_name.py::test_case_number_"
                        + i
                        + "_with_parameters[x]")
            .toList();

    ContainerSpec spec =
        runner.spec(env, post, workDir, dirs, List.of("bash", "/taskmill/run.sh", "stage"), ids);

    assertThat(spec.env())
        .containsEntry("TASKMILL_TEST_IDS_FILE", "/taskmill/patches/test-ids.txt")
        .doesNotContainKey("TASKMILL_TEST_IDS");
    assertThat(spec.env().values()).allSatisfy(v -> assertThat(v.length()).isLessThan(128 * 1024));
  }
}
