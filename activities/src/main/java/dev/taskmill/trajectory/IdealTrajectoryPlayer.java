package dev.taskmill.trajectory;

import dev.taskmill.diff.PatchFile;
import dev.taskmill.trajectory.CandidateGenerator.FileEdit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the ideal trajectory in one session: explore, locate, read, reproduce, edit, verify,
 * submit.
 */
final class IdealTrajectoryPlayer {
  private IdealTrajectoryPlayer() {}

  /**
   * Runs and records the ideal steps into {@code steps} (their plans into {@code plans}); returns
   * its patch.
   */
  static String play(
      TrajectoryContext ctx, StepRecorder rec, List<PlannedStep> plans, List<TrajectoryStep> steps)
      throws InterruptedException, IOException {
    TestCommands cmd = ctx.commands();
    String proj = cmd.projectDir();
    String firstGold = ctx.goldFiles().iterator().next();
    rec.add(
        plans,
        steps,
        new PlannedStep(
            "explore",
            "I start by looking at the repository's layout.",
            SessionTools.BASH,
            Map.of("command", "ls")));
    rec.add(
        plans,
        steps,
        new PlannedStep(
            "explore",
            "I check the history I am working on.",
            SessionTools.BASH,
            Map.of("command", "git log --oneline")));
    rec.add(
        plans,
        steps,
        new PlannedStep(
            "explore",
            "Next I find where the tests live, to know how they are " + "organised and run.",
            SessionTools.BASH,
            Map.of("command", cmd.findTests())));
    // locate: names from the failing tests' ids and the failure's frames, checked against the gold
    // files
    List<String> names = SearchTermFinder.find(ctx, rec.tools());
    for (String name : names) {
      rec.add(
          plans,
          steps,
          new PlannedStep(
              "locate",
              "The failing test and its failure point at `" + name + "`; I search the code for it.",
              SessionTools.BASH,
              Map.of(
                  "command",
                  "grep -rnw --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=target -- "
                      + TestCommands.quote(name)
                      + " . | head -n 40")));
    }
    for (String gold : ctx.goldFiles()) {
      if (ctx.fix().stream().anyMatch(f -> f.path().equals(gold) && f.created())) {
        continue;
      }
      rec.add(
          plans,
          steps,
          new PlannedStep(
              "read",
              "The search leads to " + gold + "; I open it to read the code " + "involved.",
              SessionTools.EDITOR,
              viewArgs(ctx, gold)));
    }
    for (PatchFile t : ctx.tests()) {
      if (!t.created()) {
        rec.add(
            plans,
            steps,
            new PlannedStep(
                "read",
                "Before writing a reproduction I read the existing tests in " + t.path() + ".",
                SessionTools.EDITOR,
                viewArgs(ctx, t.path())));
      }
    }
    // reproduce: the PR's test changes written into the tree, then only the FAIL_TO_PASS tests run
    for (FileEdit e : CandidateGenerator.goldEdits(ctx.tests())) {
      rec.add(
          plans,
          steps,
          PlannedStep.edit(
              "reproduce",
              "I write a test of my own for the reported behaviour into "
                  + e.path()
                  + ", derived from the expected behaviour.",
              e));
    }
    rec.add(
        plans,
        steps,
        new PlannedStep(
            "reproduce",
            "Now I run only the new tests to see them fail before any " + "change.",
            SessionTools.BASH,
            Map.of("command", cmd.run(ctx.f2p()))));
    // edit: the fix hunk by hunk, each followed by a view of the edited lines
    for (FileEdit e : CandidateGenerator.goldEdits(ctx.fix())) {
      rec.add(
          plans,
          steps,
          PlannedStep.edit(
              "edit", "The failure comes from " + e.path() + "; I change the code " + "there.", e));
      String path = TrajectoryContext.abs(e.path());
      String content = rec.tools().read(path);
      int at = content == null ? -1 : content.indexOf(e.newStr());
      int from = at < 0 ? 1 : SessionTools.lineOf(content, at);
      int to = from + Math.max(0, (int) e.newStr().chars().filter(c -> c == '\n').count() - 1);
      rec.add(
          plans,
          steps,
          new PlannedStep(
              "edit",
              "I look at the edited lines once more to check the change.",
              SessionTools.EDITOR,
              Map.of(
                  "command",
                  "view",
                  "path",
                  path,
                  "view_range",
                  List.of(Math.max(1, from - 3), to + 3))));
    }
    // verify: the reproduction tests and a sample of the tests that passed before, in one run (one
    // build)
    List<String> verify = new ArrayList<>(ctx.f2p());
    ctx.p2pSample().stream().filter(id -> !verify.contains(id)).forEach(verify::add);
    rec.add(
        plans,
        steps,
        new PlannedStep(
            "verify",
            ctx.p2pSample().isEmpty()
                ? "I run the reproduction tests again: they should pass now."
                : "I run the reproduction tests again, with a sample of the tests that passed before: all should pass now.",
            SessionTools.BASH,
            Map.of("command", cmd.run(verify))));
    rec.add(
        plans,
        steps,
        new PlannedStep(
            "submit",
            "The tests pass; I submit the change to the source files.",
            SessionTools.SUBMIT,
            Map.of()));
    if (proj.isEmpty() || firstGold.isEmpty()) {
      throw new IllegalStateException("no project dir or gold file");
    }
    return rec.lastFullOutput();
  }

  private static Map<String, Object> viewArgs(TrajectoryContext ctx, String file) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("command", "view");
    args.put("path", TrajectoryContext.abs(file));
    // long files: the region of the first hunk only
    ctx.fix().stream()
        .filter(f -> f.path().equals(file) && !f.hunks().isEmpty())
        .findFirst()
        .ifPresent(
            f -> {
              int start = f.hunks().get(0).oldStart();
              if (start > 150) {
                args.put("view_range", List.of(Math.max(1, start - 40), start + 60));
              }
            });
    return args;
  }
}
