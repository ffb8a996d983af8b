package dev.taskmill.validation;

import dev.taskmill.trajectory.TrajectoryOutcome;
import dev.taskmill.trajectory.TrajectoryOutcome.TestSplit;
import dev.taskmill.validation.report.TestOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The evaluator: runs a list of patches (tests.patch first, then a model patch) as one stage
 * through the {@link StageRunner}, and splits FAIL_TO_PASS and PASS_TO_PASS by their real outcome
 * in that run. A test that the run does not report counts as failing. A patch that does not apply
 * (exit 3) or does not build (exit 4) is a status of its own, never an exception. Used by phase 3
 * and by {@code taskmill evaluate} / {@code verify}.
 */
public final class PatchSetEvaluator {
  /** How the stage ended, before any per-test verdict. */
  public enum Status {
    /** The tests ran; the outcome's splits say which passed. */
    TESTS_RAN,
    PATCH_DOES_NOT_APPLY,
    BUILD_FAILED,
    TIMED_OUT,
    /** The stage script itself broke (exit 5 or another code without reports). */
    RUNNER_FAILED
  }

  /**
   * One evaluation.
   *
   * @param evidence log lines about the failing FAIL_TO_PASS tests (or the apply/build error)
   */
  public record Evaluation(
      Status status,
      TrajectoryOutcome outcome,
      int exitCode,
      long millis,
      Path log,
      List<String> evidence) {
    public boolean resolved() {
      return outcome.resolved();
    }

    /** The FAIL_TO_PASS tests that did not pass. */
    public List<String> stillFailing() {
      return outcome.failToPass().failure();
    }
  }

  private static final Pattern ERROR_LINE =
      Pattern.compile(
          "(^E\\s|Error|FAIL|[Ee]xpected|assert|panic:|not ok|✗|Tests run:.*Failures: [1-9]|--- FAIL)");
  private static final int MAX_EVIDENCE = 15;

  private final StageRunner runner;

  /** The most test ids a run selects; longer lists run the whole suite. */
  static final int MAX_SELECTED = StageRunner.MAX_SELECTED_TESTS;

  public PatchSetEvaluator(StageRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs the patches as stage {@code stageName} (log workDir/stageName.log).
   *
   * @param submittedPatch the model patch's text, recorded in the outcome
   * @param onlyListed when true only FAIL_TO_PASS + PASS_TO_PASS are run (TASKMILL_TEST_IDS_FILE;
   *     over 500 ids the whole suite), else the whole suite
   */
  public Evaluation evaluate(
      StageEnvironment env,
      String stageName,
      List<Path> patches,
      String submittedPatch,
      List<String> failToPass,
      List<String> passToPass,
      Path workDir,
      boolean onlyListed)
      throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    if (onlyListed) {
      Set<String> all = new LinkedHashSet<>(failToPass);
      all.addAll(passToPass);
      ids.addAll(all);
    }
    if (ids.size() > MAX_SELECTED) {
      // Past this many ids a selection costs as much as the suite (and stretches some runners'
      // command lines):
      // run everything; the verdict still reads only the listed tests.
      ids.clear();
    }
    StageRun run =
        runner.run(env, new PlannedStage(stageName, StageRole.OTHER, patches), workDir, ids);
    Path log = Path.of(run.result().log());
    Status status =
        switch (run.exitCode()) {
          case 0, 1 -> Status.TESTS_RAN;
          case 3 -> Status.PATCH_DOES_NOT_APPLY;
          case 4 -> Status.BUILD_FAILED;
          default ->
              run.timedOut()
                  ? Status.TIMED_OUT
                  : run.tests().isEmpty() ? Status.RUNNER_FAILED : Status.TESTS_RAN;
        };
    TestSplit f2p = split(failToPass, run, status);
    TestSplit p2p = split(passToPass, run, status);
    boolean resolved =
        status == Status.TESTS_RAN && f2p.failure().isEmpty() && p2p.failure().isEmpty();
    TrajectoryOutcome outcome =
        new TrajectoryOutcome(submittedPatch, f2p, p2p, resolved, log.getFileName().toString());
    List<String> evidence = evidence(log, status, f2p.failure());
    return new Evaluation(status, outcome, run.exitCode(), run.result().millis(), log, evidence);
  }

  /**
   * The outcome of a run that already happened: a stage of phase 5 whose patches were tests.patch
   * and this very patch (its per-test results file). Empty when the stage has no results file.
   */
  public static java.util.Optional<TrajectoryOutcome> fromStage(
      dev.taskmill.validation.StageResult stage,
      String submittedPatch,
      List<String> failToPass,
      List<String> passToPass)
      throws IOException {
    if (stage.results() == null
        || !Files.isRegularFile(Path.of(stage.results()))
        || stage.timedOut()) {
      return java.util.Optional.empty();
    }
    var tests =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Path.of(stage.results()).toFile())
            .path("tests");
    java.util.function.Function<List<String>, TestSplit> split =
        ids -> {
          List<String> ok = new ArrayList<>();
          List<String> bad = new ArrayList<>();
          ids.forEach(id -> ("PASSED".equals(tests.path(id).asText()) ? ok : bad).add(id));
          return new TestSplit(ok, bad);
        };
    TestSplit f2p = split.apply(failToPass);
    TestSplit p2p = split.apply(passToPass);
    return java.util.Optional.of(
        new TrajectoryOutcome(
            submittedPatch,
            f2p,
            p2p,
            f2p.failure().isEmpty() && p2p.failure().isEmpty(),
            stage.name() + ".log"));
  }

  private static TestSplit split(List<String> ids, StageRun run, Status status) {
    List<String> ok = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (String id : ids) {
      boolean passed = status == Status.TESTS_RAN && run.tests().outcome(id) == TestOutcome.PASSED;
      (passed ? ok : bad).add(id);
    }
    return new TestSplit(ok, bad);
  }

  /**
   * The log lines that show why: lines naming a failing test or looking like an assertion/error
   * message.
   */
  static List<String> evidence(Path log, Status status, List<String> failing) throws IOException {
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
    List<String> names = failing.stream().map(PatchSetEvaluator::shortName).toList();
    Set<String> out = new LinkedHashSet<>();
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty() || t.length() > 400) {
        continue;
      }
      boolean names1 = names.stream().anyMatch(n -> !n.isEmpty() && t.contains(n));
      boolean error = ERROR_LINE.matcher(t).find();
      boolean statusLine =
          status != Status.TESTS_RAN
              && (t.startsWith("taskmill:") || t.toLowerCase(Locale.ROOT).contains("error"));
      if ((names1 && error) || (!failing.isEmpty() && error && t.startsWith("E ")) || statusLine) {
        out.add(t);
      }
      if (out.size() >= MAX_EVIDENCE) {
        break;
      }
    }
    if (out.isEmpty()) {
      for (String line : lines) {
        if (ERROR_LINE.matcher(line).find() && line.strip().length() <= 400) {
          out.add(line.strip());
          if (out.size() >= MAX_EVIDENCE) {
            break;
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The last part of a test id: "tests/t.py::test_x" -> "test_x", "a.B#m" -> "m", "pkg/TestX" ->
   * "TestX".
   */
  static String shortName(String id) {
    String s = id;
    for (String sep : List.of("::", "#", " > ")) {
      int i = s.lastIndexOf(sep);
      if (i >= 0) {
        s = s.substring(i + sep.length());
      }
    }
    int slash = s.lastIndexOf('/');
    if (slash >= 0 && !id.contains("::")) {
      s = s.substring(slash + 1);
    }
    int bracket = s.indexOf('[');
    return bracket > 0 ? s.substring(0, bracket) : s;
  }
}
