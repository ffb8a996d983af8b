package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.environment.BaseImages;
import dev.taskmill.git.RepoLocation;
import dev.taskmill.testing.FixtureRepo;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.workflow.Outcome;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of the worker in the middle of each long phase (the clone, the image build, a test run)
 * on the real development server: another worker finishes the run, with one sample, a second
 * attempt in the history, and nothing of the dead worker left (its containers are removed by the
 * next worker's start, its partial clone and build context by the retried activity). Under CI=true
 * it fails without Docker or the Temporal CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerKillTest {
  /** One stage of validation, no reruns: the tests run long enough to be caught, and no longer. */
  static final ValidationSettings ONE_ROUND = new ValidationSettings(0, 120, 2.0, 1024);

  /**
   * How long the test of the "test run" fixture sleeps, and the extra build step of the "image
   * build" case.
   */
  static final int SLOW_SECONDS = 15;

  /** Where the worker is killed, and the activity that must show a second attempt. */
  enum Phase {
    CLONE("AnalyzeRepository"),
    IMAGE_BUILD("PrepareEnvironment"),
    TEST_RUN("ValidateSample");

    final String activity;

    Phase(String activity) {
      this.activity = activity;
    }
  }

  @TempDir static Path tmp;
  RecoveryRig rig;
  String slowBase;

  /** Images made by these runs alone (sample images; the slow base's environment image). */
  final List<String> made = new java.util.ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    rig = RecoveryRig.start(tmp);
    slowBase = SlowBaseImage.build(rig.docker, tmp.resolve("slow-base"), SLOW_SECONDS);
  }

  @AfterAll
  void stop() throws Exception {
    if (rig != null) {
      SlowBaseImage.remove(rig.docker, made.toArray(String[]::new));
      SlowBaseImage.remove(rig.docker, slowBase);
      rig.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Phase.class)
  void aRunWhoseWorkerIsKilledFinishesOnAnotherWorker(Phase phase) throws Exception {
    Path dir = tmp.resolve(phase.name().toLowerCase());
    Map<String, String> env = new HashMap<>();
    GatedGitServer gated = null;
    String repo = slowTestFixture(dir.resolve("repo"), phase == Phase.TEST_RUN ? SLOW_SECONDS : 0);
    if (phase == Phase.CLONE) {
      gated = new GatedGitServer(dir.resolve("repo"), dir.resolve("served.git"));
      repo = gated.url();
    }
    if (phase == Phase.IMAGE_BUILD) {
      env.put("TASKMILL_IMAGE_PYTHON", slowBase);
      env.put("TASKMILL_IMAGE_PYTHON_VERSIONS", "3.11");
    }
    Path samples = dir.resolve("samples");
    Process first = rig.startWorker(phase + "-first", "light,docker", env);
    long started = System.nanoTime();
    String id =
        rig.client
            .submit(
                SampleRequest.builder(repo, samples.toString()).pr(1).validation(ONE_ROUND).build())
            .workflowId();

    switch (phase) {
      case CLONE -> gated.awaitFirstRequest(60);
      case IMAGE_BUILD -> {
        RecoveryRig.await(
            "the environment phase runs",
            120,
            () -> {
              rig.requireRunning(id);
              return rig.activityRunning(id, phase.activity);
            });
        Thread.sleep(4_000); // inside the build step that sleeps SLOW_SECONDS
      }
      case TEST_RUN ->
          RecoveryRig.await(
              "a stage container runs",
              180,
              () -> {
                rig.requireRunning(id);
                return !rig.containersOf(first).isEmpty();
              });
    }
    assertThat(rig.activityRunning(id, phase.activity)).as("killed during " + phase).isTrue();
    List<String> orphans = rig.containersOf(first);
    RecoveryRig.kill(first);
    long killed = System.nanoTime();
    if (gated != null) {
      gated.open();
    }
    assertThat(rig.containersOf(first))
        .as("a killed worker cannot remove its containers")
        .isEqualTo(orphans);

    Process second = rig.startWorker(phase + "-second", "light,docker", env);
    assertThat(rig.containersOf(first)).as("the next worker removes them when it starts").isEmpty();
    if (!orphans.isEmpty()) {
      assertThat(RecoveryRig.read(tmp.resolve(phase + "-second.log")))
          .contains("left by workers that are gone");
    }
    SampleResult result = rig.await(id);
    long done = System.nanoTime();
    System.out.printf(
        "worker kill during %s: killed %.1f s after submit, done %.1f s after the kill%n",
        phase, (killed - started) / 1e9, (done - killed) / 1e9);

    assertThat(result.outcome()).isEqualTo(Outcome.SAMPLE_CREATED);
    made.add(result.environment().sampleImage());
    if (phase == Phase.IMAGE_BUILD) {
      made.add(result.environment().environmentImage());
    }
    assertThat(RecoveryRig.names(samples))
        .as("exactly one sample, nothing half-written beside it")
        .containsExactly(".lock", ".work", "task-1");
    assertThat(RecoveryRig.names(samples.resolve(".work")))
        .as("no work area or build context left")
        .isEmpty();
    assertThat(rig.startedAttempts(id, phase.activity))
        .as("the history shows the retry")
        .singleElement()
        .satisfies(attempt -> assertThat(attempt).isGreaterThan(1));
    assertThat(rig.retriedAfter(id, phase.activity))
        .as("the attempt before was the killed one")
        .singleElement()
        .asString()
        .containsIgnoringCase("heartbeat");
    assertThat(rig.scheduledHeartbeatTimeouts(id, phase.activity))
        .as("the worker's --heartbeat-timeout")
        .containsOnly(Duration.ofSeconds(RecoveryRig.HEARTBEAT_TIMEOUT_SECONDS));
    assertThat(rig.startedAttempts(id, "ValidateSample"))
        .as("each phase ran to its end once")
        .hasSize(1);
    System.out.printf(
        "  history: %s attempts %s, retried after %s%n",
        phase.activity,
        rig.startedAttempts(id, phase.activity),
        rig.retriedAfter(id, phase.activity));
    try (Stream<Path> clones = Files.list(rig.cache.resolve("repos"))) {
      assertThat(clones.map(p -> p.getFileName().toString()))
          .as("no partial clone left")
          .noneMatch(n -> n.endsWith(".partial"));
    }
    assertThat(rig.containersOf(second)).as("the second worker leaves no container").isEmpty();
    assertThat(Duration.ofNanos(done - killed))
        .as("moved within the heartbeat timeout and a retry")
        .isLessThan(Duration.ofMinutes(4));
    RecoveryRig.kill(second);
    if (gated != null) {
      gated.close();
    }
  }

  /**
   * A Python project with PR #1 (clamp fix and its test); the base also has a test that sleeps
   * {@code seconds}.
   */
  static String slowTestFixture(Path dir, int seconds) {
    try (FixtureRepo repo = FixtureRepo.init(dir)) {
      repo.write(
              "pyproject.toml",
              "[project]\nname = \"calc\"\nversion = \"0.1.0\"\nrequires-python = \">=3.8\"\n")
          .write(
              "calc.py",
              "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n    return max(lo, x)\n")
          .write(
              "tests/test_calc.py",
              "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n")
          .write(
              "tests/test_slow.py",
              "import time\n\n\ndef test_slow():\n    time.sleep(" + seconds + ")\n");
      repo.commit("calc with add and clamp");
      repo.mergePullRequest(
          1,
          "Fix clamp ignoring the upper bound",
          r ->
              r.write(
                      "calc.py",
                      "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n"
                          + "    return min(hi, max(lo, x))\n")
                  .write(
                      "tests/test_clamp.py",
                      "from calc import clamp\n\n\ndef test_upper():\n"
                          + "    assert clamp(15, 0, 10) == 10\n"));
      return RepoLocation.parse(repo.url()).url();
    }
  }

  static String pythonBase() {
    return BaseImages.fromEnvironment().forKey("python").get(0).image().canonical();
  }
}
