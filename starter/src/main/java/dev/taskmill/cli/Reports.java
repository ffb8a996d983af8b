package dev.taskmill.cli;

import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.Candidate;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.validation.StageResult;
import dev.taskmill.validation.ValidationOutput;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.SampleResult;
import java.io.PrintStream;
import java.util.List;

/** The final reports a person reads after a run or an analysis. */
final class Reports {
  static final int CANDIDATE_ROWS = 20;

  private Reports() {}

  static void printAnalysis(AnalysisOutput analysis, ExtractionOutput patches, PrintStream out) {
    var pr = analysis.pullRequest();
    out.printf("Picked PR #%d: %s%n", pr.number(), pr.title());
    out.printf(
        "  commits: base %s, merge %s (%s)%n",
        pr.baseCommit().substring(0, 10),
        pr.mergeCommit().substring(0, 10),
        pr.source().name().toLowerCase().replace('_', ' '));
    out.printf("  why:     %s%n", analysis.pickReason());
    out.printf("  stack:   %s%n", analysis.stack().describe());
    out.printf(
        "  split:   fix %s | tests %s | other %s%n",
        patches.fixFiles(), patches.testFiles(), patches.otherFiles());
    patches.notes().forEach(n -> out.printf("  note:    %s%n", n));
    List<Candidate> candidates = analysis.candidates();
    out.printf(
        "%nCandidates (%d, best first%s):%n",
        candidates.size(),
        candidates.size() > CANDIDATE_ROWS ? ", top " + CANDIDATE_ROWS + " shown" : "");
    out.printf(
        "  %-7s %6s %5s %4s  %-14s %s%n",
        "PR", "score", "tests", "src", "found as", "title / reasons");
    for (Candidate c : candidates.subList(0, Math.min(CANDIDATE_ROWS, candidates.size()))) {
      String mark = c.number() == pr.number() ? "*" : " ";
      out.printf(
          "  %s#%-5d %6.1f %5d %4d  %-14s %s%n",
          mark,
          c.number(),
          c.score(),
          c.testFiles(),
          c.sourceFiles(),
          c.source().name().toLowerCase(),
          clip(c.title(), 60));
      if (!c.reasons().isEmpty()) {
        out.printf("  %36s %s%n", "", clip(String.join("; ", c.reasons()), 90));
      }
    }
  }

  static void printSample(SampleResult result, PrintStream out) {
    var sample = result.sample();
    ValidationOutput validation = result.validation();
    out.printf("%nSample ready: %s%n", sample.sampleDir());
    for (var left : result.progress().candidatesLeft()) {
      out.printf("  left:    PR %s, report in %s%n", left.describe(), left.rejectedDir());
    }
    out.printf("  files:   %s%n", String.join(" ", sample.files()));
    if (result.environment() != null) {
      for (String note : result.environment().dependencyNotes()) {
        out.printf("  note:    %s%n", clip(note, 110));
      }
    }
    out.println("  checks:");
    check(out, true, "fix.patch and tests.patch apply on the base commit");
    List<StageResult> stages = validation.stages();
    for (StageResult s : stages) {
      if (!s.name().contains("rerun")) {
        out.printf(
            "    %-18s exit %d, %d run, %d passed, %d failed, %d skipped%s%n",
            s.name(),
            s.exitCode(),
            s.testsRun(),
            s.passed(),
            s.failed(),
            s.skipped(),
            s.lineCoverage() == null
                ? ""
                : String.format(", line coverage %.1f%%", s.lineCoverage()));
      }
    }
    check(
        out,
        !validation.failToPass().isEmpty(),
        validation.failToPass().size()
            + " FAIL_TO_PASS: "
            + clip(String.join(", ", validation.failToPass()), 90));
    check(out, true, validation.passToPass().size() + " PASS_TO_PASS, none goes from pass to fail");
    check(out, true, validation.flaky().size() + " flaky test(s) left out");
    var trajectories = result.trajectories();
    if (trajectories != null) {
      check(
          out,
          trajectories.idealResolved(),
          "ideal trajectory: "
              + trajectories.idealSteps()
              + " steps, run in the sample image, its patch resolves the task");
      check(
          out,
          trajectories.weakTests() || !trajectories.stillFailing().isEmpty(),
          trajectories.weakTests()
              ? "failed trajectory: every wrong fix passed all tests (weak tests, noted in metadata.json)"
              : "failed trajectory: "
                  + trajectories.failedSteps()
                  + " steps, "
                  + trajectories.failureMode().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + " from step "
                  + trajectories.divergenceStep()
                  + ", still failing: "
                  + clip(String.join(", ", trajectories.stillFailing()), 60));
    }
    var enrichment = result.enrichment();
    if (enrichment != null) {
      check(
          out,
          true,
          "metadata.json enriched: "
              + enrichment.changedSymbols().size()
              + " changed symbols ("
              + clip(String.join(", ", enrichment.changedSymbols()), 70)
              + ")");
    }
    var analysis = result.analysis();
    long total =
        result.progress().phases().stream().mapToLong(p -> p.elapsedMillis(p.endedAt())).sum();
    out.printf(
        "  figures: %s, PR #%d, %d fix + %d test files (+%d/-%d lines), total %s%n",
        analysis.stack().describe(),
        analysis.pullRequest().number(),
        result.patches().fixFiles().size(),
        result.patches().testFiles().size(),
        result.patches().linesAdded(),
        result.patches().linesRemoved(),
        PhaseBoard.seconds(total));
    if (trajectories != null && enrichment != null) {
      out.printf(
          "           steps %d ideal / %d failed, edit precision %.2f, fix lines covered %s, tokens by %s%n",
          trajectories.idealSteps(),
          trajectories.failedSteps(),
          enrichment.idealEditPrecision(),
          enrichment.fixLinesCovered() == null
              ? "n/a"
              : String.format("%.0f%%", 100 * enrichment.fixLinesCovered()),
          enrichment.tokenEncoding());
    }
    if (sample.alreadyExisted()) {
      out.println("  (this repository and PR already had this sample: nothing new was written)");
    }
  }

  static void printPhaseTimes(List<PhaseProgress> phases, PrintStream out) {
    PhaseBoard.render(
            new dev.taskmill.workflow.Progress(phases, "", null, null), System.currentTimeMillis())
        .forEach(out::println);
  }

  private static void check(PrintStream out, boolean held, String what) {
    out.printf("    [%s] %s%n", held ? "ok" : "!!", what);
  }

  private static String clip(String s, int max) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
