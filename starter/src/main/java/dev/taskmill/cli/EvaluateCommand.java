package dev.taskmill.cli;

import dev.taskmill.client.Submission;
import dev.taskmill.evaluation.EvaluationTask;
import dev.taskmill.evaluation.InstanceReports;
import dev.taskmill.evaluation.InstanceVerdict;
import dev.taskmill.evaluation.Predictions;
import dev.taskmill.evaluation.Predictions.Prediction;
import dev.taskmill.evaluation.SampleIndex;
import dev.taskmill.failure.FailureType;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.workflow.EvaluationRequest;
import dev.taskmill.workflow.EvaluationResult;
import dev.taskmill.workflow.WorkflowIds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: SWE-bench predictions against the samples, one Temporal activity per
 * prediction.
 */
@Command(
    name = "evaluate",
    description =
        "Evaluate model patches against the samples, as SWE-bench's harness does: for each prediction "
            + "(instance_id, model_name_or_path, model_patch; a JSON list or JSON lines) apply tests.patch and the "
            + "model patch on the sample's base in its image (rebuilt from its Dockerfile when missing), run the "
            + "sample's FAIL_TO_PASS and PASS_TO_PASS tests, and write the report {instance_id: {resolved, "
            + "tests_status}}. Prints one line per prediction and 'resolved K of N'. Exits 0 when every prediction "
            + "has a verdict, "
            + EvaluateCommand.INCOMPLETE
            + " when some could not be evaluated (unknown instance, "
            + "environment error); the report is written either way.",
    footer = {
      "",
      "Example:",
      "  taskmill evaluate --predictions preds.jsonl --samples-dir samples",
      "  taskmill evaluate --predictions preds.json --samples-dir samples --report report.json --parallel 4",
      ""
    })
final class EvaluateCommand implements Callable<Integer> {
  /** Exit code when a prediction got no verdict (README's exit-code table). */
  static final int INCOMPLETE = 24;

  private static final Duration POLL = Duration.ofSeconds(2);

  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--predictions",
      required = true,
      paramLabel = "FILE",
      description = "SWE-bench predictions: a JSON list, JSON lines, or {instance_id: prediction}.")
  Path predictionsFile;

  @Option(
      names = "--samples-dir",
      required = true,
      paramLabel = "DIR",
      description = "The samples directory holding task-N folders.")
  Path samplesDir;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Where the report goes (default: next to the predictions, NAME.report.json).")
  Path report;

  @Option(
      names = "--parallel",
      paramLabel = "K",
      defaultValue = "2",
      description = "Predictions evaluated at the same time (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--stage-timeout",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "Wall time one prediction's test run may take (default: ${DEFAULT-VALUE}).")
  int stageTimeout;

  @Option(
      names = "--remote-workers",
      description = "Rely on workers already serving the server instead of one in this process.")
  boolean remoteWorkers;

  private final PrintStream out;

  EvaluateCommand() {
    this(System.out);
  }

  EvaluateCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(predictionsFile)) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(),
          "no predictions file at " + predictionsFile.toAbsolutePath().normalize());
    }
    if (!Files.isDirectory(samplesDir)) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(),
          "no samples directory at "
              + samplesDir.toAbsolutePath().normalize()
              + " (give the --samples-dir of taskmill run)");
    }
    if (parallel < 1 || parallel > 64) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(), "--parallel must be between 1 and 64");
    }
    List<Prediction> predictions;
    try {
      predictions = Predictions.read(predictionsFile);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(), predictionsFile + ": " + e.getMessage());
    }
    ValidationSettings settings;
    try {
      settings =
          new ValidationSettings(
              0,
              stageTimeout,
              ValidationSettings.DEFAULTS.cpus(),
              ValidationSettings.DEFAULTS.memoryMb());
    } catch (IllegalArgumentException e) {
      throw new UserError(FailureType.INVALID_INPUT.exitCode(), e.getMessage());
    }
    Path samples = samplesDir.toAbsolutePath().normalize();
    Path reportFile =
        (report != null ? report : defaultReport(predictionsFile)).toAbsolutePath().normalize();
    Directories.writable(reportFile.getParent(), "--report's folder");
    SampleIndex index = SampleIndex.scan(samples);
    index.skipped().forEach(s -> out.println("skipped " + s));
    String hash = hash(predictionsFile);
    // Shared storage, like the work area of taskmill run: Docker workers on other hosts read the
    // patches here.
    Path work =
        Directories.writable(samples.resolve(".work").resolve("evaluate-" + hash), "the work area");
    List<EvaluationTask> tasks = new ArrayList<>();
    for (Prediction p : predictions) {
      Path dir = Files.createDirectories(work.resolve(WorkflowIds.fileSafe(p.instanceId())));
      Path patch =
          Files.writeString(
              dir.resolve("prediction.patch"),
              p.modelPatch() == null ? "" : p.modelPatch(),
              StandardCharsets.UTF_8);
      String sample = index.find(p.instanceId()).map(s -> s.dir().toString()).orElse(null);
      tasks.add(
          new EvaluationTask(
              p.instanceId(), p.modelName(), patch.toString(), sample, dir.toString(), settings));
    }
    EvaluationRequest request = new EvaluationRequest(tasks, parallel);
    String id = WorkflowIds.forEvaluation(hash, samples.toString());
    EvaluationResult result;
    try (TemporalSession session = TemporalSession.forLocalRun(connection, remoteWorkers, out)) {
      Submission submission = session.client().submitEvaluation(id, request);
      out.println(
          (submission.attached() ? "Following the evaluation already running: " : "Evaluation ")
              + id
              + " ("
              + tasks.size()
              + " prediction(s), "
              + index.samples().size()
              + " sample(s), "
              + parallel
              + " at a time)");
      result = follow(session, id);
    }
    InstanceReports.writeMerged(reportFile, result.verdicts());
    out.println(result.summary() + " (report: " + reportFile + ")");
    return result.verdicts().stream().anyMatch(v -> v.status().error()) ? INCOMPLETE : 0;
  }

  /** Prints each verdict as it arrives, then returns the result. */
  private EvaluationResult follow(TemporalSession session, String id) {
    Set<String> printed = new HashSet<>();
    while (true) {
      try {
        EvaluationResult done = session.client().awaitEvaluation(id, POLL);
        print(done.verdicts(), printed);
        return done;
      } catch (TimeoutException stillRunning) {
        print(session.client().evaluated(id).verdicts(), printed);
      }
    }
  }

  private void print(List<InstanceVerdict> verdicts, Set<String> printed) {
    for (InstanceVerdict v : verdicts) {
      if (printed.add(v.instanceId())) {
        out.println(line(v));
      }
    }
  }

  static String line(InstanceVerdict v) {
    String mark =
        v.resolved() ? "[resolved]    " : v.status().error() ? "[error]       " : "[not resolved]";
    String tests =
        v.status() == dev.taskmill.evaluation.EvaluationStatus.TESTS_RAN
            ? String.format(
                " FAIL_TO_PASS %d/%d, PASS_TO_PASS %d/%d,",
                v.failToPassPassed(),
                v.failToPassPassed() + v.failToPassFailed(),
                v.passToPassPassed(),
                v.passToPassPassed() + v.passToPassFailed())
            : "";
    String detail = v.detail().length() > 160 ? v.detail().substring(0, 157) + "..." : v.detail();
    return "  " + mark + " " + v.instanceId() + " (" + v.status() + ")" + tests + " " + detail;
  }

  static Path defaultReport(Path predictions) {
    String name = predictions.getFileName().toString().replaceFirst("\\.(jsonl|json)$", "");
    return predictions.toAbsolutePath().resolveSibling(name + ".report.json");
  }

  private static String hash(Path file) throws IOException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
