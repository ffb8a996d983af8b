package dev.taskmill.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
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
 * Phase 5 without Temporal: runs a plan's stages, stops at the first stage that loses the sample, and computes the
 * verdict. Logs and validation/summary.json stay in the work dir whether the sample holds or is rejected.
 */
public final class Validator {
  private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

  private final ContainerEngine engine;
  private final StageRunner runner;
  private final int timeoutSeconds;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Validator(ContainerEngine engine, StageRunner runner, ValidationSettings settings) {
    this.engine = engine;
    this.runner = runner;
    this.timeoutSeconds = settings.stageTimeoutSeconds();
  }

  /** Validates tests.patch and fix.patch against the environment, with the reruns the settings ask for. */
  public ValidationOutput validate(StageEnvironment env, Path testsPatch, Path fixPatch, Path workDir,
      int reruns) throws IOException, InterruptedException {
    return validate(env, ValidationPlan.standard(testsPatch, fixPatch, reruns), workDir, TestScope.ofPatch(testsPatch));
  }

  public ValidationOutput validate(StageEnvironment env, ValidationPlan plan, Path workDir)
      throws IOException, InterruptedException {
    return validate(env, plan, workDir, TestScope.everything());
  }

  private ValidationOutput validate(StageEnvironment env, ValidationPlan plan, Path workDir, TestScope scope)
      throws IOException, InterruptedException {
    engine.ping();
    if (!engine.imageExists(env.image())) {
      // Another worker built it; routing or a rebuild is the workflow's choice (docs/decisions.md).
      throw Failures.of(FailureType.TRANSIENT, "the sample image " + env.image() + " is not on the Docker engine at "
          + engine.where() + ": run validation on the worker that built it, or rebuild it there");
    }
    Files.createDirectories(workDir);
    List<StageRun> runs = new ArrayList<>();
    for (PlannedStage stage : plan.stages()) {
      StageRun run = runner.run(env, stage, workDir);
      runs.add(run);
      LOG.info("stage {}: exit {}{}, {} tests ({} failed), {} ms", stage.name(), run.exitCode(),
          run.timedOut() ? " (timed out)" : "", run.result().testsRun(), run.result().failed(),
          run.result().millis());
      Optional<ApplicationFailure> rejection = StageGate.check(run, timeoutSeconds, scope);
      if (rejection.isPresent()) {
        writeSummary(workDir, runs, null, rejection.get());
        throw rejection.get();
      }
    }
    Verdict verdict = verdictOf(runs);
    Optional<ApplicationFailure> rejection = VerdictGate.check(verdict);
    writeSummary(workDir, runs, verdict, rejection.orElse(null));
    if (rejection.isPresent()) {
      throw rejection.get();
    }
    return new ValidationOutput(runs.stream().map(StageRun::result).toList(), verdict.failToPass(),
        verdict.passToPass(), verdict.flaky());
  }

  static Verdict verdictOf(List<StageRun> runs) {
    TestResults base = TestResults.empty();
    List<TestResults> fail = new ArrayList<>();
    List<TestResults> post = new ArrayList<>();
    for (StageRun run : runs) {
      switch (run.stage().role()) {
        case BASE -> base = run.tests();
        case TESTS_ONLY -> fail.add(run.tests());
        case TESTS_AND_FIX -> post.add(run.tests());
        default -> { }
      }
    }
    return Verdict.of(base, fail, post);
  }

  private void writeSummary(Path workDir, List<StageRun> runs, Verdict verdict, ApplicationFailure rejection)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("stages", runs.stream().map(StageRun::result).toList());
    doc.put("verdict", verdict);
    if (rejection != null) {
      doc.put("rejection", Map.of("type", rejection.getType(), "message", rejection.getOriginalMessage()));
    }
    Path dir = Files.createDirectories(workDir.resolve("validation"));
    json.writeValue(dir.resolve("summary.json").toFile(), doc);
  }
}
