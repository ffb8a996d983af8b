package dev.taskmill.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.PrSource;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.environment.BaseImages;
import dev.taskmill.environment.EnvironmentInput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.environment.EnvironmentPreparer;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.testing.StackFixtures.Fixture;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationOutput;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Phase 3 against the real Docker engine: the Python fixture, validated, then both trajectories
 * written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrajectoryDockerTest {
  private static final String RUN_LABEL = "dev.taskmill.test-run";
  private final String runId = UUID.randomUUID().toString();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> tags = new ArrayList<>();
  private DockerClient docker;

  private Path tmp;

  /** What one fixture run produced, shared by the assertions of a nested class. */
  record Run(
      Fixture fixture,
      Path workDir,
      TrajectoryOutput output,
      Trajectory ideal,
      Trajectory failed,
      ValidationOutput validation,
      StageEnvironment env,
      long validationMillis,
      long trajectoryMillis) {}

  private Run python;

  @BeforeAll
  void start() throws Exception {
    docker = DockerRequirement.client();
    tmp = Files.createTempDirectory("taskmill-traj-test");
    python = generate(StackFixtures.python(tmp.resolve("py-repo")), tmp.resolve("py-work"));
  }

  @AfterAll
  void untag() throws Exception {
    for (String tag : tags) {
      try {
        docker.removeImageCmd(tag).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
    if (docker != null) {
      docker.close();
    }
    if (tmp != null) {
      try (var walk = Files.walk(tmp)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Run generate(Fixture fixture, Path workDir) throws Exception {
    Files.createDirectories(workDir);
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
    EnvironmentPreparer preparer =
        new EnvironmentPreparer(
            new dev.taskmill.docker.ContainerEngine(docker, "test"),
            new RepositoryCache(tmp.resolve("clones")),
            BaseImages.load(Map.of("TASKMILL_IMAGES_CONFIG", images)::get),
            deps);
    EnvironmentOutput env =
        preparer.prepare(
            new EnvironmentInput(
                fixture.url(),
                "fixture/" + fixture.name(),
                fixture.baseCommit(),
                fixture.stack(),
                workDir.toString(),
                fixture.testFiles()),
            Heartbeat.NONE);
    tags.add(env.sampleImage());
    Path tests = Files.writeString(workDir.resolve("tests.patch"), fixture.testsPatch());
    Path fix = Files.writeString(workDir.resolve("fix.patch"), fixture.fixPatch());
    ValidationSettings settings = new ValidationSettings(0, 600, 2.0, 2048);
    ContainerEngine engine = new ContainerEngine(docker, DockerClients.dockerHost());
    StageRunner runner =
        new StageRunner(engine, settings, Heartbeat.NONE, Map.of(RUN_LABEL, runId));
    StageEnvironment stageEnv = StageEnvironment.of(env, fixture.stack());
    long t0 = System.nanoTime();
    ValidationOutput validation =
        new Validator(engine, runner, settings).validate(stageEnv, tests, fix, workDir, 0);
    long validationMillis = (System.nanoTime() - t0) / 1_000_000;
    PullRequest pr =
        new PullRequest(
            1,
            "Fix clamp ignoring the upper bound",
            "clamp(15, 0, 10) returns 15.",
            null,
            List.of(),
            true,
            fixture.baseCommit(),
            fixture.mergeCommit(),
            PrSource.MERGE_COMMIT,
            null);
    AnalysisOutput analysis =
        new AnalysisOutput(
            fixture.url(),
            "fixture/" + fixture.name(),
            "main",
            fixture.stack(),
            pr,
            List.of(),
            "fixture");
    ExtractionOutput patches =
        new ExtractionOutput(
            fix.toString(),
            tests.toString(),
            List.of(),
            fixture.testFiles(),
            List.of(),
            List.of(),
            0,
            0,
            List.of());
    TrajectoryInput input =
        new TrajectoryInput(
            "fixture__pr-1",
            analysis,
            patches,
            env,
            validation,
            workDir.toString(),
            settings,
            "test");
    t0 = System.nanoTime();
    TrajectoryOutput out =
        new TrajectoryGenerator(
                new dev.taskmill.docker.ContainerEngine(docker, "test"),
                new PatchSetEvaluator(runner),
                settings,
                Heartbeat.NONE,
                Map.of(RUN_LABEL, runId))
            .generate(input);
    long trajectoryMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "[timing] %s: validation %d ms, trajectories %d ms (%d + %d steps, mode %s)%n",
        fixture.name(),
        validationMillis,
        trajectoryMillis,
        out.idealSteps(),
        out.failedSteps(),
        out.failureMode());
    return new Run(
        fixture,
        workDir,
        out,
        json.readValue(Path.of(out.idealTrajectory()).toFile(), Trajectory.class),
        json.readValue(Path.of(out.failedTrajectory()).toFile(), Trajectory.class),
        validation,
        stageEnv,
        validationMillis,
        trajectoryMillis);
  }

  private static TrajectoryStep first(Trajectory t, String phase, String tool) {
    return t.steps().stream()
        .filter(s -> s.phase().equals(phase) && s.toolCall().name().equals(tool))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + phase + " step with " + tool));
  }

  @Test
  void python_bothFilesAreWrittenAndRead() {
    assertThat(python.workDir().resolve("ideal_trajectory.json")).isNotEmptyFile();
    assertThat(python.workDir().resolve("failed_trajectory.json")).isNotEmptyFile();
    assertThat(python.ideal().kind()).isEqualTo(Trajectory.IDEAL);
    assertThat(python.failed().kind()).isEqualTo(Trajectory.FAILED);
    assertThat(python.ideal().tools())
        .extracting(Trajectory.ToolSpec::name)
        .containsExactly("bash", "str_replace_editor", "submit");
    assertThat(python.output().idealSteps()).isEqualTo(python.ideal().steps().size());
  }

  @Test
  void python_everyObservationIsTheCommandsRealOutput() {
    for (Trajectory t : List.of(python.ideal(), python.failed())) {
      assertThat(t.steps())
          .allSatisfy(
              s -> {
                assertThat(s.observation().content()).isNotBlank();
                assertThat(s.wallMillis()).isPositive();
                assertThat(s.tokens().action()).isPositive();
              });
    }
    TrajectoryStep grep = first(python.ideal(), "locate", "bash");
    String searched =
        ((String) grep.toolCall().arguments().get("command")).replaceAll(".*-- '([^']+)'.*", "$1");
    assertThat(grep.observation().content()).contains(searched).contains("calc.py");
    TrajectoryStep reproduce =
        python.ideal().steps().stream()
            .filter(s -> s.phase().equals("reproduce") && s.toolCall().name().equals("bash"))
            .findFirst()
            .orElseThrow();
    assertThat(reproduce.observation().exitCode()).isNotZero();
    assertThat(reproduce.observation().content()).contains("test_clamp_upper").contains("FAILED");
    TrajectoryStep verify = first(python.ideal(), "verify", "bash");
    assertThat(verify.observation().exitCode()).isZero();
    assertThat(verify.observation().content()).contains("passed");
    TrajectoryStep read = first(python.ideal(), "read", "str_replace_editor");
    assertThat(read.observation().content()).contains("def clamp(x, lo, hi):");
    assertThat(read.filesOpened()).contains("calc.py");
    assertThat(read.onGoldPath()).isTrue();
  }

  @Test
  void python_theSessionHistoryEndsAtTheBase() {
    TrajectoryStep log =
        python.ideal().steps().stream()
            .filter(s -> "git log --oneline".equals(s.toolCall().arguments().get("command")))
            .findFirst()
            .orElseThrow();
    assertThat(log.observation().content().strip().lines())
        .hasSize(1)
        .first()
        .asString()
        .contains("base " + python.fixture().baseCommit());
  }

  @Test
  void python_theIdealPatchResolvesAndIsTheFixOnly() {
    TrajectoryOutcome o = python.ideal().outcome();
    assertThat(o.resolved()).isTrue();
    assertThat(o.failToPass().success())
        .containsExactlyElementsOf(python.validation().failToPass());
    assertThat(o.submittedPatch())
        .contains("calc.py")
        .contains("+    return min(hi, max(lo, x))")
        .doesNotContain("test_calc.py");
    // The ideal patch is the gold fix, hunk for hunk: phase 5's post-patch run is its real
    // evaluation, not redone.
    assertThat(o.evaluatedBy()).isEqualTo("PASS_post_patch.log");
    assertThat(python.workDir().resolve("traj_ideal.log")).doesNotExist();
    assertThat(python.output().idealResolved()).isTrue();
    TrajectoryStep submit = python.ideal().steps().get(python.ideal().steps().size() - 1);
    assertThat(submit.toolCall().name()).isEqualTo("submit");
  }

  @Test
  void python_theFailedTrajectoryFailsForReal() {
    TrajectoryOutcome o = python.failed().outcome();
    assertThat(o.resolved()).isFalse();
    assertThat(o.failToPass().failure()).isNotEmpty();
    assertThat(python.output().failureMode()).isNotEqualTo("NONE");
    assertThat(python.output().weakTests()).isFalse();
    Trajectory.Divergence d = python.failed().divergence();
    assertThat(d.step()).isEqualTo(python.output().divergenceStep());
    assertThat(d.evidence()).isNotEmpty();
    // up to the divergence, the same calls as the ideal trajectory
    for (int i = 0; i < d.step() - 1; i++) {
      assertThat(python.failed().steps().get(i).toolCall())
          .isEqualTo(python.ideal().steps().get(i).toolCall());
    }
    assertThat(python.failed().steps().get(d.step() - 1).phase()).isEqualTo("edit");
  }

  @Test
  void python_theGoldFixResolvesThroughTheSameEvaluator() throws Exception {
    ContainerEngine engine = new ContainerEngine(docker, "test");
    ValidationSettings settings = new ValidationSettings(0, 600, 2.0, 2048);
    PatchSetEvaluator evaluator =
        new PatchSetEvaluator(
            new StageRunner(engine, settings, Heartbeat.NONE, Map.of(RUN_LABEL, runId)));
    Path w = python.workDir();
    var gold =
        evaluator.evaluate(
            python.env(),
            "eval_gold",
            List.of(w.resolve("tests.patch"), w.resolve("fix.patch")),
            python.fixture().fixPatch(),
            python.validation().failToPass(),
            python.validation().passToPass(),
            w,
            true);
    assertThat(gold.resolved()).isTrue();
    var none =
        evaluator.evaluate(
            python.env(),
            "eval_none",
            List.of(w.resolve("tests.patch")),
            "",
            python.validation().failToPass(),
            python.validation().passToPass(),
            w,
            false);
    assertThat(none.resolved()).isFalse();
    assertThat(none.stillFailing()).containsExactlyElementsOf(python.validation().failToPass());
    var broken =
        evaluator.evaluate(
            python.env(),
            "eval_notapply",
            List.of(w.resolve("tests.patch"), w.resolve("tests.patch")),
            "",
            python.validation().failToPass(),
            python.validation().passToPass(),
            w,
            true);
    assertThat(broken.status()).isEqualTo(PatchSetEvaluator.Status.PATCH_DOES_NOT_APPLY);
    assertThat(broken.resolved()).isFalse();
  }

  @Test
  void python_noStepReadsThePatchFilesAndNoContainerIsLeft() throws Exception {
    for (Trajectory t : List.of(python.ideal(), python.failed())) {
      String args =
          json.writeValueAsString(t.steps().stream().map(s -> s.toolCall().arguments()).toList());
      assertThat(args).doesNotContain("tests.patch").doesNotContain("fix.patch");
    }
    assertThat(
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(RUN_LABEL, runId))
                .exec())
        .isEmpty();
  }

  @Test
  void maven_bothTrajectoriesRunForRealWithSurefire() throws Exception {
    Run maven =
        generate(StackFixtures.mavenJunit5(tmp.resolve("mvn-repo")), tmp.resolve("mvn-work"));
    TrajectoryStep reproduce =
        maven.ideal().steps().stream()
            .filter(s -> s.phase().equals("reproduce") && s.toolCall().name().equals("bash"))
            .findFirst()
            .orElseThrow();
    assertThat(reproduce.observation().exitCode())
        .as(reproduce.observation().content())
        .isNotZero();
    assertThat(reproduce.observation().content()).contains("clampsToTheUpperBound");
    TrajectoryStep verify = first(maven.ideal(), "verify", "bash");
    assertThat(verify.observation().exitCode()).as(verify.observation().content()).isZero();
    assertThat(maven.ideal().outcome().resolved()).isTrue();
    assertThat(maven.ideal().outcome().submittedPatch())
        .contains("Calc.java")
        .doesNotContain("CalcTest.java");
    assertThat(maven.failed().outcome().resolved()).isFalse();
    assertThat(maven.failed().outcome().failToPass().failure())
        .contains("fx.CalcTest#clampsToTheUpperBound");
    assertThat(maven.failed().steps())
        .allSatisfy(s -> assertThat(s.observation().content()).isNotBlank());
  }
}
