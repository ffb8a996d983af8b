package dev.taskmill.workflow;

import dev.taskmill.analysis.AnalysisInput;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.Candidate;
import dev.taskmill.analysis.RepositoryAnalysisActivity;
import dev.taskmill.assembly.AssemblyInput;
import dev.taskmill.assembly.AssemblyOutput;
import dev.taskmill.assembly.RejectionInput;
import dev.taskmill.assembly.SampleAssemblyActivity;
import dev.taskmill.enrichment.EnrichmentActivity;
import dev.taskmill.enrichment.EnrichmentInput;
import dev.taskmill.enrichment.EnrichmentOutput;
import dev.taskmill.environment.EnvironmentActivity;
import dev.taskmill.environment.EnvironmentInput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.patches.ExtractionInput;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.patches.PatchExtractionActivity;
import dev.taskmill.phase.Phase;
import dev.taskmill.trajectory.TrajectoryActivity;
import dev.taskmill.trajectory.TrajectoryInput;
import dev.taskmill.trajectory.TrajectoryOutput;
import dev.taskmill.validation.ValidationActivity;
import dev.taskmill.validation.ValidationInput;
import dev.taskmill.validation.ValidationOutput;
import dev.taskmill.version.TaskmillVersion;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** Runs the phases in order as activities and keeps the progress board; deterministic, no I/O. */
public class SampleCreationWorkflowImpl implements SampleCreationWorkflow {
  /**
   * Same on every worker of one build; recorded into activity inputs, which replay does not
   * compare.
   */
  static final String TOOL_VERSION = TaskmillVersion.VALUE;

  /**
   * Runs started before phases 3 and 6 existed (no marker in their history) keep the five-phase
   * path, so that they replay and finish on new workers; every new run takes the six-phase path.
   */
  static final String SIX_PHASES_CHANGE = "six-phases";

  static final int SIX_PHASES = 1;
  private static final Logger log = Workflow.getLogger(SampleCreationWorkflowImpl.class);

  private final ProgressBoard board = new ProgressBoard();
  private SampleRequest request;
  private String workDir;
  private String sampleKey;
  private String lastRejectedDir;

  /**
   * The analysed stack's language, passed with a rejection so the worker can count rejections by
   * language.
   */
  private String language;

  @Override
  public SampleResult run(SampleRequest request) {
    this.request = request;
    this.workDir =
        request.workDir() != null
            ? request.workDir()
            : request.samplesDir()
                + "/.work/"
                + WorkflowIds.fileSafe(Workflow.getInfo().getWorkflowId());
    upsert(SearchAttributeKeys.REPO, RepoSlug.of(request.repoUrl()).value());
    if (request.prNumber() != null) {
      upsert(SearchAttributeKeys.PR, request.prNumber().longValue());
    }

    AnalysisOutput analyzed = analyze(request.prNumber(), "cloning " + request.repoUrl());
    ExtractionOutput extracted = extract(analyzed);

    if (request.stopAfter() == Phase.PATCHES) {
      board.skipRemaining("not requested (analyze runs phases 1-2)");
      board.finishRun(
          RunOutcome.ANALYZED, workDir, "analysed PR #" + analyzed.pullRequest().number());
      publishDetails();
      upsert(SearchAttributeKeys.OUTCOME, RunOutcome.ANALYZED.word());
      return new SampleResult(
          Outcome.ANALYZED, analyzed, extracted, null, null, null, board.snapshot());
    }

    boolean sixPhases =
        Workflow.getVersion(SIX_PHASES_CHANGE, Workflow.DEFAULT_VERSION, SIX_PHASES) >= SIX_PHASES;
    if (!sixPhases) {
      return fivePhases(analyzed, extracted);
    }
    // Without a PR number taskmill picked the PR itself: a rejection of that PR moves on to the
    // next candidate.
    List<Integer> next = new ArrayList<>();
    if (request.prNumber() == null) {
      for (Candidate c : analyzed.candidates()) {
        if (c.eligible() && c.number() != analyzed.pullRequest().number()) {
          next.add(c.number());
        }
      }
    }
    while (true) {
      try {
        return sixPhases(analyzed, extracted);
      } catch (ApplicationFailure failure) {
        FailureType type = FailureType.fromType(failure.getType());
        int tried = board.candidatesLeft().size() + 1;
        if (request.prNumber() != null || !type.candidateSpecific()) {
          throw failure;
        }
        board.leaveCandidate(
            new CandidateAttempt(
                analyzed.pullRequest().number(),
                type.name(),
                failure.getOriginalMessage(),
                lastRejectedDir));
        if (tried >= request.maxCandidates() || next.isEmpty()) {
          throw gaveUp(type);
        }
        int candidate = next.remove(0);
        try {
          analyzed =
              analyze(
                  candidate,
                  "PR #"
                      + analyzed.pullRequest().number()
                      + " left ("
                      + type.meaning()
                      + "); trying candidate PR #"
                      + candidate);
          extracted = extract(analyzed);
        } catch (ApplicationFailure unusable) {
          FailureType why = FailureType.fromType(unusable.getType());
          if (!why.candidateSpecific()) {
            throw unusable;
          }
          board.leaveCandidate(
              new CandidateAttempt(candidate, why.name(), unusable.getOriginalMessage(), null));
          throw gaveUp(why);
        }
      }
    }
  }

  private AnalysisOutput analyze(Integer prNumber, String startLine) {
    RepositoryAnalysisActivity analysis =
        stub(
            RepositoryAnalysisActivity.class,
            ActivityOptionsCatalog.ANALYSIS,
            "Analyse " + request.repoUrl());
    AnalysisOutput analyzed =
        phase(
            Phase.ANALYSIS,
            startLine,
            () ->
                analysis.analyze(
                    new AnalysisInput(request.repoUrl(), prNumber, request.githubApiUrl())),
            a ->
                "PR #"
                    + a.pullRequest().number()
                    + " ("
                    + a.stack().describe()
                    + "), "
                    + a.candidates().size()
                    + " candidates");
    sampleKey = WorkflowIds.sampleKey(request.repoUrl(), analyzed.pullRequest().number());
    upsert(SearchAttributeKeys.PR, (long) analyzed.pullRequest().number());
    language = analyzed.stack().language().name().toLowerCase(Locale.ROOT);
    upsert(SearchAttributeKeys.LANGUAGE, language);
    return analyzed;
  }

  private ExtractionOutput extract(AnalysisOutput analyzed) {
    PatchExtractionActivity patches =
        stub(
            PatchExtractionActivity.class,
            ActivityOptionsCatalog.PATCHES,
            "Split PR #" + analyzed.pullRequest().number());
    return phase(
        Phase.PATCHES,
        "splitting "
            + shortSha(analyzed.pullRequest().baseCommit())
            + ".."
            + shortSha(analyzed.pullRequest().mergeCommit()),
        () ->
            patches.extract(
                new ExtractionInput(
                    request.repoUrl(),
                    analyzed.pullRequest().baseCommit(),
                    analyzed.pullRequest().mergeCommit(),
                    workDir,
                    analyzed.pullRequest().number())),
        p ->
            p.fixFiles().size()
                + " fix, "
                + p.testFiles().size()
                + " test, "
                + p.otherFiles().size()
                + " other files");
  }

  /**
   * The failure after the last candidate: its type, and one line naming every PR tried and why it
   * was left.
   */
  private ApplicationFailure gaveUp(FailureType last) {
    StringBuilder line =
        new StringBuilder("no candidate made a sample (")
            .append(board.candidatesLeft().size())
            .append(" tried): ");
    for (CandidateAttempt attempt : board.candidatesLeft()) {
      line.append(attempt.describe()).append("; ");
    }
    String message = line.substring(0, line.length() - 2);
    board.finishRun(RunOutcome.FAILED, null, message);
    publishDetails();
    upsert(SearchAttributeKeys.OUTCOME, RunOutcome.FAILED.word());
    return Failures.withDetails(last, message, language);
  }

  /**
   * The path of runs recorded before phases 3 and 6 existed: kept command for command so that they
   * replay.
   */
  private SampleResult fivePhases(AnalysisOutput analyzed, ExtractionOutput extracted) {
    board.skip(Phase.TRAJECTORIES, "not built yet: trajectories come in a later release");
    EnvironmentOutput env = environment(analyzed, extracted);
    SampleAssemblyActivity assembly =
        stub(
            SampleAssemblyActivity.class, ActivityOptionsCatalog.ASSEMBLY, "Assemble " + sampleKey);
    long validationStart = Workflow.currentTimeMillis();
    ValidationOutput validated = validate(analyzed, extracted, env);
    AssemblyOutput sample =
        phase(
            Phase.VALIDATION,
            "assembling the sample",
            () ->
                assembly.assemble(
                    new AssemblyInput(
                        request.samplesDir(),
                        workDir,
                        sampleKey,
                        analyzed,
                        extracted,
                        env,
                        validated,
                        phaseMillis(),
                        TOOL_VERSION)),
            s -> "sample at " + s.sampleDir(),
            validationStart);
    board.skip(Phase.ENRICHMENT, "not built yet: enrichment comes in a later release");
    return finish(
        new SampleResult(
            Outcome.SAMPLE_CREATED, analyzed, extracted, env, validated, sample, board.snapshot()));
  }

  private SampleResult sixPhases(AnalysisOutput analyzed, ExtractionOutput extracted) {
    EnvironmentOutput env = environment(analyzed, extracted);
    ValidationOutput validated = validate(analyzed, extracted, env);

    // Phase 3 needs the image and the failing output, so it runs after validation; it keeps its
    // number.
    TrajectoryActivity trajectories =
        stub(
            TrajectoryActivity.class,
            ActivityOptionsCatalog.TRAJECTORIES,
            "Trajectories for PR #" + analyzed.pullRequest().number());
    TrajectoryOutput written =
        phase(
            Phase.TRAJECTORIES,
            "running the ideal and a failed attempt in the sample image",
            () ->
                trajectories.write(
                    new TrajectoryInput(
                        sampleKey,
                        analyzed,
                        extracted,
                        env,
                        validated,
                        workDir,
                        request.validation(),
                        TOOL_VERSION)),
            t ->
                t.idealSteps()
                    + " ideal steps, "
                    + t.failedSteps()
                    + " failed steps ("
                    + (t.weakTests()
                        ? "weak tests: every wrong fix passed"
                        : t.failureMode().toLowerCase(Locale.ROOT).replace('_', ' '))
                    + ")");

    EnrichmentActivity enrichment =
        stub(EnrichmentActivity.class, ActivityOptionsCatalog.ENRICHMENT, "Enrich " + sampleKey);
    SampleAssemblyActivity assembly =
        stub(
            SampleAssemblyActivity.class, ActivityOptionsCatalog.ASSEMBLY, "Assemble " + sampleKey);
    long enrichmentStart = Workflow.currentTimeMillis();
    EnrichmentOutput enriched =
        phase(
            Phase.ENRICHMENT,
            "computing the seven metadata sections",
            () ->
                enrichment.enrich(
                    new EnrichmentInput(
                        request.repoUrl(), workDir, analyzed, extracted, validated, written)),
            e -> e.changedSymbols().size() + " changed symbols");
    // Taken before the assembly restarts phase 6's clock, so that metadata.json has the
    // enrichment's time.
    Map<Phase, Long> millis = phaseMillis();
    AssemblyOutput sample =
        phase(
            Phase.ENRICHMENT,
            "assembling the sample",
            () ->
                assembly.assemble(
                    new AssemblyInput(
                        request.samplesDir(),
                        workDir,
                        sampleKey,
                        analyzed,
                        extracted,
                        env,
                        validated,
                        millis,
                        TOOL_VERSION,
                        written,
                        enriched)),
            s -> "sample at " + s.sampleDir(),
            enrichmentStart);
    return finish(
        new SampleResult(
            Outcome.SAMPLE_CREATED,
            analyzed,
            extracted,
            env,
            validated,
            sample,
            board.snapshot(),
            written,
            enriched));
  }

  private EnvironmentOutput environment(AnalysisOutput analyzed, ExtractionOutput extracted) {
    EnvironmentActivity environment =
        stub(
            EnvironmentActivity.class,
            ActivityOptionsCatalog.ENVIRONMENT,
            "Environment for " + analyzed.stack().describe());
    return phase(
        Phase.ENVIRONMENT,
        "writing Dockerfile for " + analyzed.stack().describe(),
        () ->
            environment.prepare(
                new EnvironmentInput(
                    request.repoUrl(),
                    analyzed.repoName(),
                    analyzed.pullRequest().baseCommit(),
                    analyzed.stack(),
                    workDir,
                    extracted.testFiles())),
        e -> "image " + e.sampleImage());
  }

  private ValidationOutput validate(
      AnalysisOutput analyzed, ExtractionOutput extracted, EnvironmentOutput env) {
    ValidationActivity validation =
        stub(
            ValidationActivity.class,
            ActivityOptionsCatalog.VALIDATION,
            "Validate PR #" + analyzed.pullRequest().number());
    return phase(
        Phase.VALIDATION,
        "running pass -> fail -> pass",
        () ->
            validation.validate(
                new ValidationInput(
                    request.repoUrl(),
                    analyzed.pullRequest().baseCommit(),
                    analyzed.stack(),
                    env,
                    extracted.testsPatch(),
                    extracted.fixPatch(),
                    workDir,
                    request.validation())),
        v -> v.failToPass().size() + " FAIL_TO_PASS, " + v.passToPass().size() + " PASS_TO_PASS");
  }

  private SampleResult finish(SampleResult result) {
    board.finishRun(
        RunOutcome.CREATED,
        result.sample().sampleDir(),
        "sample at " + result.sample().sampleDir());
    publishDetails();
    upsert(SearchAttributeKeys.OUTCOME, RunOutcome.CREATED.word());
    return new SampleResult(
        result.outcome(),
        result.analysis(),
        result.patches(),
        result.environment(),
        result.validation(),
        result.sample(),
        board.snapshot(),
        result.trajectories(),
        result.enrichment());
  }

  private Map<Phase, Long> phaseMillis() {
    Map<Phase, Long> millis = new EnumMap<>(Phase.class);
    for (Phase p : Phase.values()) {
      millis.put(p, board.millis(p));
    }
    return millis;
  }

  @Override
  public Progress progress() {
    return board.snapshot();
  }

  private <T> T phase(
      Phase phase, String startLine, Supplier<T> call, Function<T, String> doneLine) {
    return phase(phase, startLine, call, doneLine, 0);
  }

  private <T> T phase(
      Phase phase,
      String startLine,
      Supplier<T> call,
      Function<T, String> doneLine,
      long startedAt) {
    long now = Workflow.currentTimeMillis();
    board.start(phase, startLine, startedAt == 0 ? now : startedAt);
    publishDetails();
    upsert(SearchAttributeKeys.PHASE, phase.name().toLowerCase(Locale.ROOT));
    try {
      T result =
          PickupWait.untilTaken(
              call,
              Workflow::currentTimeMillis,
              line -> {
                board.note(phase, line);
                publishDetails();
              });
      board.done(phase, doneLine.apply(result), Workflow.currentTimeMillis());
      publishDetails();
      return result;
    } catch (ActivityFailure failure) {
      FailureType type = failureType(failure);
      String message = failureMessage(failure);
      board.fail(phase, message, Workflow.currentTimeMillis());
      board.skipRemaining("not run: " + phase.title().toLowerCase(Locale.ROOT) + " failed");
      upsert(SearchAttributeKeys.OUTCOME, RunOutcome.FAILED.word());
      fileRejection(phase, type, message);
      publishDetails();
      // The language travels in the failure's details so that a batch can count its rejections by
      // language.
      throw Failures.withDetails(type, message, language);
    }
  }

  /**
   * Keeps what the failed run made under samples/.rejected; a failure here must not hide the real
   * one.
   */
  private void fileRejection(Phase phase, FailureType type, String message) {
    if (sampleKey == null || request.stopAfter() == Phase.PATCHES) {
      return;
    }
    try {
      SampleAssemblyActivity assembly =
          stub(
              SampleAssemblyActivity.class, ActivityOptionsCatalog.ASSEMBLY, "Reject " + sampleKey);
      String dir =
          assembly
              .reject(
                  new RejectionInput(
                      request.samplesDir(), workDir, sampleKey, type, message, phase, language))
              .rejectedDir();
      lastRejectedDir = dir;
      board.finishRun(RunOutcome.FAILED, null, message + " (report in " + dir + ")");
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
      details
          .append(p.phase().ordinal() + 1)
          .append(". ")
          .append(p.phase().title())
          .append(": ")
          .append(p.state().name().toLowerCase(Locale.ROOT));
      if (!p.detail().isEmpty()) {
        details.append(" - ").append(p.detail());
      }
      details.append('\n');
    }
    Workflow.setCurrentDetails(details.toString());
  }

  private <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        type, ActivityOptions.newBuilder(options).setSummary(summary).build());
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
