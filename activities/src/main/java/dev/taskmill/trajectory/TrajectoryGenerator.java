package dev.taskmill.trajectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.SessionContainer;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.tokens.TokenCounter;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.PatchSetEvaluator.Evaluation;
import dev.taskmill.validation.ValidationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3 without Temporal: plays the ideal trajectory in a session container from the sample image
 * (every observation real), evaluates its patch, finds the first wrong-fix candidate that really
 * fails, replays the ideal steps up to the divergence in a fresh session and then the wrong fix,
 * and writes both trajectory files.
 */
public final class TrajectoryGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(TrajectoryGenerator.class);

  private final ContainerEngine engine;
  private final PatchSetEvaluator evaluator;
  private final ValidationSettings settings;
  private final Heartbeat heartbeat;
  private final TokenCounter tokens = TokenCounter.standard();
  private final ThoughtAuthor author;
  private final SessionStarter sessions;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public TrajectoryGenerator(
      ContainerEngine engine,
      PatchSetEvaluator evaluator,
      ValidationSettings settings,
      Heartbeat heartbeat,
      Map<String, String> labels) {
    this(engine, evaluator, settings, heartbeat, labels, ThoughtAuthor.TEMPLATE);
  }

  /**
   * @param author who writes the thoughts (the template, or a model: docs/trajectories.md)
   */
  public TrajectoryGenerator(
      ContainerEngine engine,
      PatchSetEvaluator evaluator,
      ValidationSettings settings,
      Heartbeat heartbeat,
      Map<String, String> labels,
      ThoughtAuthor author) {
    this.author = author;
    this.engine = engine;
    this.evaluator = evaluator;
    this.settings = settings;
    this.heartbeat = heartbeat;
    this.sessions = new SessionStarter(engine, settings, Map.copyOf(labels), heartbeat);
  }

  public TrajectoryOutput generate(TrajectoryInput input) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    TrajectoryContext ctx = TrajectoryContext.of(input);
    Path workDir = ctx.workDir();

    // 1. The ideal trajectory, its base contents for the candidates, and its real evaluation.
    List<PlannedStep> plans = new ArrayList<>();
    List<TrajectoryStep> idealSteps = new ArrayList<>();
    Map<String, String> base = new LinkedHashMap<>();
    String idealPatch;
    try (SessionContainer session = sessions.start(ctx, "ideal")) {
      StepRecorder recorder = recorder(ctx, sessions.init(ctx, session));
      idealPatch = IdealTrajectoryPlayer.play(ctx, recorder, plans, idealSteps);
      for (String file : WrongFixSelector.baseFilesOfInterest(ctx, idealSteps)) {
        String content =
            recorder.tools().bash("git show " + TestCommands.quote("HEAD:" + file), null).output();
        base.put(file, content);
      }
    }
    Path idealPatchFile = Files.writeString(ctx.scratch().resolve("ideal.patch"), idealPatch);
    Path testsPatch = Path.of(input.patches().testsPatch());
    TrajectoryOutcome idealOutcome = validatedOutcome(input, idealPatch).orElse(null);
    if (idealOutcome == null) {
      heartbeat.beat("trajectory: evaluating the ideal patch");
      Evaluation ideal =
          evaluator.evaluate(
              ctx.env(),
              "traj_ideal",
              List.of(testsPatch, idealPatchFile),
              idealPatch,
              ctx.f2p(),
              input.validation().passToPass(),
              workDir,
              true);
      idealOutcome = ideal.outcome();
    }
    if (!idealOutcome.resolved()) {
      LOG.warn(
          "the ideal trajectory's patch does not resolve the task (evaluated by {}): {}",
          idealOutcome.evaluatedBy(),
          idealOutcome.failToPass().failure());
    }

    // 2. The first candidate that really fails.
    WrongFixSelector.Choice choice =
        new WrongFixSelector(evaluator, heartbeat).choose(ctx, base, testsPatch);

    // 3. The failed trajectory: the ideal steps up to the first edit, then the wrong fix, a partial
    // check, submit.
    FailedTrajectoryPlayer.Played failed;
    try (SessionContainer session = sessions.start(ctx, "failed")) {
      failed =
          FailedTrajectoryPlayer.play(
              ctx,
              recorder(ctx, sessions.init(ctx, session)),
              plans,
              idealSteps,
              choice.candidate());
    }
    List<TrajectoryStep> failedSteps = failed.steps();
    Evaluation chosenEval = choice.evaluation();
    TrajectoryOutcome failedOutcome =
        chosenEval == null
            ? new TrajectoryOutcome(
                failed.patch(),
                new TrajectoryOutcome.TestSplit(List.of(), ctx.f2p()),
                new TrajectoryOutcome.TestSplit(List.of(), List.of()),
                false,
                "none")
            : new TrajectoryOutcome(
                failed.patch(),
                chosenEval.outcome().failToPass(),
                chosenEval.outcome().passToPass(),
                chosenEval.outcome().resolved(),
                chosenEval.outcome().evaluatedBy());
    Trajectory.Divergence divergence =
        new Trajectory.Divergence(
            failed.divergenceStep(),
            choice.mode(),
            choice.candidate() == null
                ? "no wrong-fix candidate could be derived from the fix"
                : (choice.weak()
                        ? "every candidate passed all tests (the PR's tests are weak); the last one: "
                        : "")
                    + choice.candidate().description(),
            chosenEval == null ? List.of() : chosenEval.evidence());

    Trajectory idealDoc = document(ctx, Trajectory.IDEAL, idealSteps, null, idealOutcome);
    Trajectory failedDoc = document(ctx, Trajectory.FAILED, failedSteps, divergence, failedOutcome);
    Path idealFile = workDir.resolve("ideal_trajectory.json");
    Path failedFile = workDir.resolve("failed_trajectory.json");
    json.writeValue(idealFile.toFile(), idealDoc);
    json.writeValue(failedFile.toFile(), failedDoc);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(
        "trajectories: ideal {} steps (resolved {}), failed {} steps ({}), {} ms",
        idealSteps.size(),
        idealOutcome.resolved(),
        failedSteps.size(),
        choice.mode(),
        millis);
    return new TrajectoryOutput(
        idealFile.toString(),
        failedFile.toString(),
        idealSteps.size(),
        failedSteps.size(),
        idealOutcome.resolved(),
        choice.mode().name(),
        failed.divergenceStep(),
        choice.weak(),
        failedOutcome.failToPass().failure(),
        millis);
  }

  /**
   * When the ideal trajectory submitted exactly the gold fix (the same hunks as fix.patch), phase
   * 5's PASS_post_patch stage already ran tests.patch + this patch: its per-test results are the
   * outcome, and the same run is not paid for twice. Any difference, and the patch is run again.
   */
  private static java.util.Optional<TrajectoryOutcome> validatedOutcome(
      TrajectoryInput input, String idealPatch) throws IOException {
    String gold = Files.readString(Path.of(input.patches().fixPatch()));
    if (!PatchText.sameChanges(gold, idealPatch)) {
      return java.util.Optional.empty();
    }
    for (var stage : input.validation().stages()) {
      if (stage.name().equals(dev.taskmill.validation.ValidationPlan.PASS_POST_PATCH)) {
        return PatchSetEvaluator.fromStage(
            stage, idealPatch, input.validation().failToPass(), input.validation().passToPass());
      }
    }
    return java.util.Optional.empty();
  }

  private StepRecorder recorder(TrajectoryContext ctx, SessionTools tools) {
    return new StepRecorder(
        ctx, tools, heartbeat, Duration.ofSeconds(settings.stageTimeoutSeconds()), author, tokens);
  }

  private Trajectory document(
      TrajectoryContext ctx,
      String kind,
      List<TrajectoryStep> steps,
      Trajectory.Divergence divergence,
      TrajectoryOutcome outcome) {
    String imageId = null;
    try {
      imageId = engine.images(heartbeat).imageId(ctx.env().image()).orElse(null);
    } catch (RuntimeException e) {
      LOG.debug("no image id for {}: {}", ctx.env().image(), e.getMessage());
    }
    var pr = ctx.input().analysis().pullRequest();
    String task = ctx.task();
    return new Trajectory(
        Trajectory.SCHEMA_VERSION,
        ctx.input().sampleKey(),
        kind,
        new Trajectory.Generator(
            "taskmill", ctx.input().toolVersion(), author.mode(), author.model()),
        new Trajectory.Environment(
            ctx.env().image(),
            imageId,
            pr.baseCommit(),
            ctx.stack().describe(),
            ctx.commands().projectDir()),
        task,
        SessionTools.specs(),
        steps,
        divergence,
        outcome);
  }
}
