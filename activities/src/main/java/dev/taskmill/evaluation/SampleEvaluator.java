package dev.taskmill.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.trajectory.TrajectoryOutcome.TestSplit;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.verify.SampleEnvironments;
import dev.taskmill.verify.SampleVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one prediction without Temporal: tests.patch + the model patch through {@link
 * PatchSetEvaluator} in the sample's image (built from its Dockerfile when missing), only the
 * sample's FAIL_TO_PASS and PASS_TO_PASS tests selected. Writes the instance's entry of the
 * SWE-bench-shaped report ({@link InstanceReports}) to {@code workDir/report.json}. Every outcome
 * that is about the prediction or the sample is a verdict; only an unreachable engine or an I/O
 * error throws (the activity retries those).
 */
public final class SampleEvaluator {
  /** The stage name, so the log is {@code workDir/evaluate.log}. */
  static final String STAGE = "evaluate";

  static final String MODEL_PATCH = "model.patch";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContainerEngine engine;
  private final Heartbeat heartbeat;

  public SampleEvaluator(ContainerEngine engine, Heartbeat heartbeat) {
    this.engine = engine;
    this.heartbeat = heartbeat;
  }

  public InstanceVerdict evaluate(EvaluationTask task) throws IOException, InterruptedException {
    Path work = Files.createDirectories(Path.of(task.workDir()));
    Path reportFile = work.resolve("report.json");
    String patch =
        Files.isRegularFile(Path.of(task.patchFile()))
            ? Files.readString(Path.of(task.patchFile()), StandardCharsets.UTF_8)
            : "";
    if (task.sampleDir() == null
        || !Files.isRegularFile(Path.of(task.sampleDir(), SampleVerifier.METADATA))) {
      return write(
          InstanceVerdict.without(
              task,
              EvaluationStatus.UNKNOWN_INSTANCE,
              "no sample in the samples directory has this instance_id"),
          List.of(),
          List.of(),
          reportFile,
          patch);
    }
    Path sample = Path.of(task.sampleDir());
    JsonNode metadata = JSON.readTree(sample.resolve(SampleVerifier.METADATA).toFile());
    List<String> f2p = strings(metadata.get("FAIL_TO_PASS"));
    List<String> p2p = strings(metadata.get("PASS_TO_PASS"));
    if (patch.isBlank()) {
      return write(
          InstanceVerdict.without(task, EvaluationStatus.EMPTY_PATCH, "the model patch is empty"),
          f2p,
          p2p,
          reportFile,
          patch);
    }
    engine.ping();
    StageEnvironment env;
    try {
      env = SampleEnvironments.prepare(sample, metadata, engine, heartbeat);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return write(
          InstanceVerdict.without(task, EvaluationStatus.ENVIRONMENT_FAILED, e.getMessage()),
          f2p,
          p2p,
          reportFile,
          patch);
    }
    // A patch without its last newline is "corrupt" to git apply; SWE-bench's harness adds it too.
    Path model =
        Files.writeString(work.resolve(MODEL_PATCH), patch.endsWith("\n") ? patch : patch + "\n");
    ValidationSettings settings = task.settings();
    PatchSetEvaluator.Evaluation run =
        new PatchSetEvaluator(new StageRunner(engine, settings, heartbeat))
            .evaluate(
                env,
                STAGE,
                List.of(sample.resolve(SampleVerifier.TESTS_PATCH), model),
                patch,
                f2p,
                p2p,
                work,
                true);
    EvaluationStatus status =
        switch (run.status()) {
          case TESTS_RAN -> EvaluationStatus.TESTS_RAN;
          case PATCH_DOES_NOT_APPLY -> EvaluationStatus.PATCH_DOES_NOT_APPLY;
          case BUILD_FAILED -> EvaluationStatus.BUILD_FAILED;
          case TIMED_OUT -> EvaluationStatus.TIMED_OUT;
          case RUNNER_FAILED -> EvaluationStatus.RUNNER_FAILED;
        };
    TestSplit f = run.outcome().failToPass();
    TestSplit p = run.outcome().passToPass();
    InstanceVerdict verdict =
        new InstanceVerdict(
            task.instanceId(),
            task.modelName(),
            status,
            run.resolved(),
            f.success().size(),
            f.failure().size(),
            p.success().size(),
            p.failure().size(),
            detail(status, run),
            reportFile.toString(),
            run.log().toString(),
            run.millis());
    InstanceReports.write(reportFile, verdict, f, p, patch);
    return verdict;
  }

  private static String detail(EvaluationStatus status, PatchSetEvaluator.Evaluation run) {
    // For a patch that does not apply, git's own "error: ..." line says why; "applied tests.patch"
    // does not.
    String first =
        run.evidence().stream()
            .filter(
                l ->
                    status != EvaluationStatus.PATCH_DOES_NOT_APPLY
                        || !l.startsWith("taskmill: applied"))
            .findFirst()
            .map(l -> ": " + l)
            .orElse("");
    return switch (status) {
      case TESTS_RAN ->
          run.resolved()
              ? "every FAIL_TO_PASS and PASS_TO_PASS test passes"
              : run.outcome().failToPass().failure().size()
                  + " FAIL_TO_PASS and "
                  + run.outcome().passToPass().failure().size()
                  + " PASS_TO_PASS test(s) do not pass"
                  + first;
      case PATCH_DOES_NOT_APPLY ->
          "the model patch does not apply on the base commit with tests.patch" + first;
      case BUILD_FAILED -> "the project or its tests do not build with the model patch" + first;
      case TIMED_OUT -> "the tests ran past " + "the stage timeout";
      default -> "the stage script failed (exit " + run.exitCode() + ")" + first;
    };
  }

  /** A verdict with no run: every listed test counts as not passing (none ran). */
  private static InstanceVerdict write(
      InstanceVerdict verdict, List<String> f2p, List<String> p2p, Path file, String patch)
      throws IOException {
    InstanceVerdict withCounts =
        new InstanceVerdict(
            verdict.instanceId(),
            verdict.modelName(),
            verdict.status(),
            false,
            0,
            f2p.size(),
            0,
            p2p.size(),
            verdict.detail(),
            file.toString(),
            null,
            0);
    InstanceReports.write(
        file, withCounts, new TestSplit(List.of(), f2p), new TestSplit(List.of(), p2p), patch);
    return withCounts;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
