package dev.taskmill.workflow;

import dev.taskmill.analysis.AnalysisInput;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.RepositoryAnalysisActivity;
import dev.taskmill.assembly.AssemblyInput;
import dev.taskmill.assembly.AssemblyOutput;
import dev.taskmill.assembly.RejectionInput;
import dev.taskmill.assembly.SampleAssemblyActivity;
import dev.taskmill.environment.EnvironmentActivity;
import dev.taskmill.environment.EnvironmentInput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.patches.ExtractionInput;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.patches.PatchExtractionActivity;
import dev.taskmill.validation.ValidationInput;
import dev.taskmill.validation.ValidationOutput;
import dev.taskmill.validation.ValidationActivity;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** Runs the phases in order as activities and keeps the progress board; deterministic, no I/O. */
public class SampleCreationWorkflowImpl implements SampleCreationWorkflow {
  static final String TOOL_VERSION = "0.1.0";
  private static final Logger log = Workflow.getLogger(SampleCreationWorkflowImpl.class);

  private final ProgressBoard board = new ProgressBoard();
  private SampleRequest request;
  private String workDir;
  private String sampleKey;

  @Override
  public SampleResult run(SampleRequest request) {
    this.request = request;
    this.workDir = request.workDir() != null
        ? request.workDir()
        : request.samplesDir() + "/.work/" + WorkflowIds.fileSafe(Workflow.getInfo().getWorkflowId());
    upsert(SearchAttributeKeys.REPO, RepoSlug.of(request.repoUrl()).value());
    if (request.prNumber() != null) {
      upsert(SearchAttributeKeys.PR, request.prNumber().longValue());
    }

    RepositoryAnalysisActivity analysis = stub(RepositoryAnalysisActivity.class,
        ActivityOptionsCatalog.ANALYSIS, "Analyse " + request.repoUrl());
    AnalysisOutput analyzed = phase(Phase.ANALYSIS,
        "cloning " + request.repoUrl(),
        () -> analysis.analyze(new AnalysisInput(request.repoUrl(), request.prNumber(), request.githubApiUrl())),
        a -> "PR #" + a.pullRequest().number() + " (" + a.stack().describe() + "), "
            + a.candidates().size() + " candidates");
    sampleKey = WorkflowIds.sampleKey(request.repoUrl(), analyzed.pullRequest().number());
    upsert(SearchAttributeKeys.PR, (long) analyzed.pullRequest().number());
    upsert(SearchAttributeKeys.LANGUAGE, analyzed.stack().language().name().toLowerCase());

    PatchExtractionActivity patches = stub(PatchExtractionActivity.class,
        ActivityOptionsCatalog.PATCHES, "Split PR #" + analyzed.pullRequest().number());
    ExtractionOutput extracted = phase(Phase.PATCHES,
        "splitting " + shortSha(analyzed.pullRequest().baseCommit()) + ".."
            + shortSha(analyzed.pullRequest().mergeCommit()),
        () -> patches.extract(new ExtractionInput(request.repoUrl(), analyzed.pullRequest().baseCommit(),
            analyzed.pullRequest().mergeCommit(), workDir, analyzed.pullRequest().number())),
        p -> p.fixFiles().size() + " fix, " + p.testFiles().size() + " test, "
            + p.otherFiles().size() + " other files");

    if (request.stopAfter() == Phase.PATCHES) {
      board.skipRemaining("not requested (analyze runs phases 1-2)");
      board.finishRun("analyzed", workDir, "analysed PR #" + analyzed.pullRequest().number());
      publishDetails();
      upsert(SearchAttributeKeys.OUTCOME, "analyzed");
      return new SampleResult(Outcome.ANALYZED, analyzed, extracted, null, null, null, board.snapshot());
    }

    // Phase 3 is on the roadmap; it is shown as skipped rather than faked.
    board.skip(Phase.TRAJECTORIES, "not built yet: trajectories come in a later release");

    EnvironmentActivity environment = stub(EnvironmentActivity.class,
        ActivityOptionsCatalog.ENVIRONMENT, "Environment for " + analyzed.stack().describe());
    EnvironmentOutput env = phase(Phase.ENVIRONMENT,
        "writing Dockerfile for " + analyzed.stack().describe(),
        () -> environment.prepare(new EnvironmentInput(request.repoUrl(), analyzed.repoName(),
            analyzed.pullRequest().baseCommit(), analyzed.stack(), workDir, extracted.testFiles())),
        e -> "image " + e.sampleImage());

    ValidationActivity validation = stub(ValidationActivity.class,
        ActivityOptionsCatalog.VALIDATION, "Validate PR #" + analyzed.pullRequest().number());
    SampleAssemblyActivity assembly = stub(SampleAssemblyActivity.class,
        ActivityOptionsCatalog.ASSEMBLY, "Assemble " + sampleKey);
    long validationStart = Workflow.currentTimeMillis();
    Map<String, Long> phaseMillis = new LinkedHashMap<>();
    ValidationOutput validated = phase(Phase.VALIDATION,
        "running pass -> fail -> pass",
        () -> validation.validate(new ValidationInput(request.repoUrl(), analyzed.pullRequest().baseCommit(),
            analyzed.stack(), env, extracted.testsPatch(), extracted.fixPatch(), workDir, request.validation())),
        v -> v.failToPass().size() + " FAIL_TO_PASS, " + v.passToPass().size() + " PASS_TO_PASS");
    for (Phase p : Phase.values()) {
      phaseMillis.put(p.name(), board.millis(p));
    }
    AssemblyOutput sample = phase(Phase.VALIDATION, "assembling the sample",
        () -> assembly.assemble(new AssemblyInput(request.samplesDir(), workDir, sampleKey, analyzed, extracted,
            env, validated, phaseMillis, TOOL_VERSION)),
        s -> "sample at " + s.sampleDir(), validationStart);

    board.skip(Phase.ENRICHMENT, "not built yet: enrichment comes in a later release");
    board.finishRun("created", sample.sampleDir(), "sample at " + sample.sampleDir());
    publishDetails();
    upsert(SearchAttributeKeys.OUTCOME, "created");
    return new SampleResult(Outcome.SAMPLE_CREATED, analyzed, extracted, env, validated, sample, board.snapshot());
  }

  @Override
  public Progress progress() {
    return board.snapshot();
  }

  private <T> T phase(Phase phase, String startLine, Supplier<T> call, Function<T, String> doneLine) {
    return phase(phase, startLine, call, doneLine, 0);
  }

  private <T> T phase(Phase phase, String startLine, Supplier<T> call, Function<T, String> doneLine,
      long startedAt) {
    long now = Workflow.currentTimeMillis();
    board.start(phase, startLine, startedAt == 0 ? now : startedAt);
    publishDetails();
    upsert(SearchAttributeKeys.PHASE, phase.name().toLowerCase());
    try {
      T result = call.get();
      board.done(phase, doneLine.apply(result), Workflow.currentTimeMillis());
      publishDetails();
      return result;
    } catch (ActivityFailure failure) {
      FailureType type = failureType(failure);
      String message = failureMessage(failure);
      board.fail(phase, message, Workflow.currentTimeMillis());
      board.skipRemaining("not run: " + phase.title().toLowerCase() + " failed");
      upsert(SearchAttributeKeys.OUTCOME, "failed");
      fileRejection(phase, type, message);
      publishDetails();
      throw Failures.of(type, message);
    }
  }

  /** Keeps what the failed run made under samples/.rejected; a failure here must not hide the real one. */
  private void fileRejection(Phase phase, FailureType type, String message) {
    if (sampleKey == null || request.stopAfter() == Phase.PATCHES) {
      return;
    }
    try {
      SampleAssemblyActivity assembly = stub(SampleAssemblyActivity.class,
          ActivityOptionsCatalog.ASSEMBLY, "Reject " + sampleKey);
      String dir = assembly.reject(new RejectionInput(request.samplesDir(), workDir, sampleKey, type, message,
          phase.name())).rejectedDir();
      board.finishRun("failed", null, message + " (report in " + dir + ")");
    } catch (ActivityFailure e) {
      log.warn("could not file the rejection of {}: {}", sampleKey, e.getMessage());
    }
  }

  static FailureType failureType(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return FailureType.fromType(app.getType());
    }
    if (cause instanceof TimeoutFailure) {
      return FailureType.TRANSIENT;
    }
    if (cause instanceof CanceledFailure) {
      return FailureType.CANCELLED;
    }
    return FailureType.INTERNAL;
  }

  static String failureMessage(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app && app.getOriginalMessage() != null) {
      return app.getOriginalMessage();
    }
    return cause == null ? failure.getMessage() : cause.getMessage();
  }

  /** The Web UI shows this as the run's current details: the same board the CLI draws. */
  private void publishDetails() {
    StringBuilder details = new StringBuilder();
    for (PhaseProgress p : board.snapshot().phases()) {
      details.append(p.phase().ordinal() + 1).append(". ").append(p.phase().title()).append(": ")
          .append(p.state().name().toLowerCase());
      if (!p.detail().isEmpty()) {
        details.append(" - ").append(p.detail());
      }
      details.append('\n');
    }
    Workflow.setCurrentDetails(details.toString());
  }

  private <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  private <T> void upsert(io.temporal.common.SearchAttributeKey<T> key, T value) {
    if (request.searchAttributes()) {
      Workflow.upsertTypedSearchAttributes(key.valueSet(value));
    }
  }

  private static String shortSha(String sha) {
    return sha.substring(0, 7);
  }
}
