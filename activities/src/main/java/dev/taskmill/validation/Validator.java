package dev.taskmill.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.validation.StageScheduler.Request;
import dev.taskmill.validation.report.TestResults;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 5 without Temporal: runs the plan's first round side by side, checks each stage in plan
 * order, reruns only the tests that decide (docs/validation.md) and computes the verdict. Logs and
 * validation/summary.json stay in the work dir whether the sample holds or is rejected.
 */
public final class Validator {
  private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

  private final ContainerEngine engine;
  private final StageRunner runner;
  private final int timeoutSeconds;
  private final StageParallelism parallelism;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Side by side as far as the Docker host allows (or {@code TASKMILL_STAGE_PARALLELISM} says). */
  public Validator(ContainerEngine engine, StageRunner runner, ValidationSettings settings) {
    this(
        engine,
        runner,
        settings,
        StageParallelism.forEngine(
            engine, settings.memoryMb(), System.getenv(StageParallelism.ENV), true));
  }

  public Validator(
      ContainerEngine engine,
      StageRunner runner,
      ValidationSettings settings,
      StageParallelism parallelism) {
    this.engine = engine;
    this.runner = runner;
    this.timeoutSeconds = settings.stageTimeoutSeconds();
    this.parallelism = parallelism;
  }

  /**
   * Validates tests.patch and fix.patch against the environment, with the reruns the settings ask
   * for.
   */
  public ValidationOutput validate(
      StageEnvironment env, Path testsPatch, Path fixPatch, Path workDir, int reruns)
      throws IOException, InterruptedException {
    return validate(
        env,
        ValidationPlan.standard(testsPatch, fixPatch, reruns),
        workDir,
        TestScope.ofPatch(testsPatch));
  }

  private ValidationOutput validate(
      StageEnvironment env, ValidationPlan plan, Path workDir, TestScope scope)
      throws IOException, InterruptedException {
    engine.ping();
    if (!engine.imageExists(env.image())) {
      // The activities rebuild a missing image first (ImageRebuild); a caller that did not gets
      // this line.
      throw Failures.of(
          FailureType.TRANSIENT,
          "the sample image "
              + env.image()
              + " is not on the Docker engine at "
              + engine.where()
              + ": rebuild it with the work area's run.sh (TASKMILL_BUILD_ONLY=1)");
    }
    Files.createDirectories(workDir);
    List<String> snapshots = new ArrayList<>();
    try {
      return validate(env, plan, workDir, scope, snapshots);
    } finally {
      snapshots.forEach(engine::removeImageQuietly);
    }
  }

  private ValidationOutput validate(
      StageEnvironment env,
      ValidationPlan plan,
      Path workDir,
      TestScope scope,
      List<String> snapshots)
      throws IOException, InterruptedException {
    StageScheduler scheduler = new StageScheduler(runner, parallelism);
    List<StageRun> runs = new ArrayList<>();
    List<Request> firstRound = new ArrayList<>();
    for (PlannedStage stage : plan.first()) {
      // A stage that will be rerun keeps its end state, so that its reruns skip the patches and the
      // build.
      boolean rerun = plan.reruns() > 0 && stage.role() != StageRole.BASE;
      String keep = rerun ? StageRunner.snapshotImage(workDir, stage.name()) : null;
      if (keep != null) {
        snapshots.add(keep);
      }
      firstRound.add(new Request(stage, List.of(), new StageRunner.Snapshot(keep, null)));
    }
    List<StageRun> first =
        scheduler.runAll(
            env,
            firstRound,
            workDir,
            run -> StageGate.check(run, timeoutSeconds, scope).isPresent());
    Map<StageRole, String> snapshotOf = new LinkedHashMap<>();
    first.forEach(
        r -> {
          if (r.container().snapshot() != null) {
            snapshotOf.put(r.stage().role(), r.container().snapshot());
          }
        });
    check(first, runs, workDir, scope);

    Map<StageRole, TestResults> firstResults = new LinkedHashMap<>();
    first.forEach(r -> firstResults.put(r.stage().role(), r.tests()));
    Map<StageRole, List<TestResults>> all = new LinkedHashMap<>();
    first.forEach(
        r -> all.computeIfAbsent(r.stage().role(), k -> new ArrayList<>()).add(r.tests()));
    RerunSelection selection =
        RerunSelection.of(
            results(firstResults, StageRole.BASE),
            results(firstResults, StageRole.TESTS_ONLY),
            results(firstResults, StageRole.TESTS_AND_FIX));
    if (plan.reruns() > 0 && selection.isEmpty()) {
      LOG.info("no test changes outcome between the stages: nothing to rerun");
    }
    for (int n = 1; n <= plan.reruns() && !selection.isEmpty(); n++) {
      List<Request> round = new ArrayList<>();
      for (PlannedStage stage : plan.rerunRound(n)) {
        TestResults before = results(firstResults, stage.role());
        List<String> ids = selection.wholeSuite() ? List.of() : selection.idsFor(before);
        if (!selection.wholeSuite() && ids.isEmpty()) {
          continue; // none of the deciding tests exists in this stage: a rerun could only repeat
          // its absence
        }
        round.add(
            new Request(stage, ids, new StageRunner.Snapshot(null, snapshotOf.get(stage.role()))));
      }
      List<StageRun> reruns = scheduler.runAll(env, round, workDir);
      for (int i = 0; i < reruns.size(); i++) {
        StageRun rerun = confirmSelection(scheduler, env, round.get(i), reruns.get(i), workDir);
        check(List.of(rerun), runs, workDir, scope);
        TestResults before = results(firstResults, rerun.stage().role());
        all.get(rerun.stage().role())
            .add(StageScheduler.asWholeRun(before, rerun, round.get(i).testIds()));
      }
    }
    Verdict verdict =
        Verdict.of(
            results(firstResults, StageRole.BASE),
            all.getOrDefault(StageRole.TESTS_ONLY, List.of()),
            all.getOrDefault(StageRole.TESTS_AND_FIX, List.of()));
    Optional<ApplicationFailure> rejection = VerdictGate.check(verdict);
    writeSummary(workDir, runs, verdict, rejection.orElse(null));
    if (rejection.isPresent()) {
      throw rejection.get();
    }
    return new ValidationOutput(
        runs.stream().map(StageRun::result).toList(),
        verdict.failToPass(),
        verdict.passToPass(),
        verdict.flaky());
  }

  /**
   * A selective rerun that did not report every test it selected, or ended otherwise than with
   * passing or failing tests, may have been let down by the selection itself (an id the runner
   * reads differently): that stage runs again with the whole suite, so that a selection never turns
   * into a verdict.
   */
  private StageRun confirmSelection(
      StageScheduler scheduler, StageEnvironment env, Request request, StageRun run, Path workDir)
      throws IOException, InterruptedException {
    if (request.testIds().isEmpty() || run.timedOut()) {
      return run;
    }
    boolean complete = request.testIds().stream().allMatch(id -> run.tests().outcome(id) != null);
    if (complete && (run.exitCode() == 0 || run.exitCode() == 1)) {
      return run;
    }
    LOG.info(
        "rerun {} with {} selected tests exited {} and reported {} of them: running the whole suite",
        request.stage().name(),
        request.testIds().size(),
        run.exitCode(),
        request.testIds().stream().filter(id -> run.tests().outcome(id) != null).count());
    return scheduler
        .runAll(env, List.of(new Request(request.stage(), List.of(), request.snapshot())), workDir)
        .get(0);
  }

  /**
   * Logs each run and adds it to {@code runs}; throws the first rejection, in plan order, after the
   * summary.
   */
  private void check(List<StageRun> round, List<StageRun> runs, Path workDir, TestScope scope)
      throws IOException {
    for (StageRun run : round) {
      runs.add(run);
      LOG.info(
          "stage {}: exit {}{}, {} tests ({} failed), {} ms",
          run.stage().name(),
          run.exitCode(),
          run.timedOut() ? " (timed out)" : "",
          run.result().testsRun(),
          run.result().failed(),
          run.result().millis());
    }
    for (StageRun run : round) {
      Optional<ApplicationFailure> rejection = StageGate.check(run, timeoutSeconds, scope);
      if (rejection.isPresent()) {
        writeSummary(workDir, runs, null, rejection.get());
        throw rejection.get();
      }
    }
  }

  private static TestResults results(Map<StageRole, TestResults> byRole, StageRole role) {
    return byRole.getOrDefault(role, TestResults.empty());
  }

  private void writeSummary(
      Path workDir, List<StageRun> runs, Verdict verdict, ApplicationFailure rejection)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("stages", runs.stream().map(StageRun::result).toList());
    doc.put("verdict", verdict);
    if (rejection != null) {
      doc.put(
          "rejection",
          Map.of("type", rejection.getType(), "message", rejection.getOriginalMessage()));
    }
    Path dir = Files.createDirectories(workDir.resolve("validation"));
    json.writeValue(dir.resolve("summary.json").toFile(), doc);
  }
}
