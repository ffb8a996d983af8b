package dev.taskmill.trajectory;

import dev.taskmill.progress.Heartbeat;
import dev.taskmill.trajectory.CandidateGenerator.Candidate;
import dev.taskmill.trajectory.CandidateGenerator.FileEdit;
import dev.taskmill.validation.PatchSetEvaluator;
import dev.taskmill.validation.PatchSetEvaluator.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the wrong-fix candidates in order and picks the first that really fails (else the last
 * tried).
 */
final class WrongFixSelector {
  // The generator's logger: these lines are part of its log, as before the split.
  private static final Logger LOG = LoggerFactory.getLogger(TrajectoryGenerator.class);

  /**
   * The pick: the candidate and its evaluation (null when none could be evaluated), whether every
   * candidate passed (the PR's tests are weak), and the failure mode the failed trajectory is
   * labelled with.
   */
  record Choice(Candidate candidate, Evaluation evaluation, boolean weak, FailureMode mode) {}

  private final PatchSetEvaluator evaluator;
  private final Heartbeat heartbeat;

  WrongFixSelector(PatchSetEvaluator evaluator, Heartbeat heartbeat) {
    this.evaluator = evaluator;
    this.heartbeat = heartbeat;
  }

  /**
   * @param base the base contents of {@link #baseFilesOfInterest}
   */
  Choice choose(TrajectoryContext ctx, Map<String, String> base, Path testsPatch)
      throws IOException, InterruptedException {
    List<Candidate> candidates =
        CandidateGenerator.generate(ctx.fix(), ctx.tests(), base, ctx.stack().language());
    Candidate chosen = null;
    Evaluation chosenEval = null;
    boolean allPassed = !candidates.isEmpty();
    int n = 0;
    for (Candidate c : candidates) {
      n++;
      String patch;
      try {
        patch =
            c.mode() == FailureMode.TEST_EDITED
                ? ""
                : CandidateGenerator.patch(base, sourceEdits(ctx, c));
      } catch (IllegalArgumentException e) {
        LOG.info("candidate {} ({}) cannot be made: {}", n, c.mode(), e.getMessage());
        allPassed = false;
        continue;
      }
      Path file = Files.writeString(ctx.scratch().resolve("candidate" + n + ".patch"), patch);
      heartbeat.beat("trajectory: trying wrong fix " + n + " (" + c.mode().label() + ")");
      Evaluation e =
          evaluator.evaluate(
              ctx.env(),
              "traj_failed_candidate" + n,
              List.of(testsPatch, file),
              patch,
              ctx.f2p(),
              ctx.p2pSample(),
              ctx.workDir(),
              true);
      LOG.info(
          "candidate {} {}: {} exit {}, still failing {}",
          n,
          c.mode(),
          e.status(),
          e.exitCode(),
          e.stillFailing());
      if (e.status() == PatchSetEvaluator.Status.TESTS_RAN && !e.stillFailing().isEmpty()) {
        chosen = c;
        chosenEval = e;
        break;
      }
      allPassed &= e.status() == PatchSetEvaluator.Status.TESTS_RAN && e.resolved();
      chosen = c;
      chosenEval = e;
    }
    boolean weak = chosenEval != null && chosenEval.resolved() && allPassed;
    FailureMode mode = chosen == null ? FailureMode.NONE : weak ? FailureMode.NONE : chosen.mode();
    return new Choice(chosen, chosenEval, weak, mode);
  }

  /** The gold files, and up to 10 source files among the search hits (for WRONG_LOCATION). */
  static Set<String> baseFilesOfInterest(TrajectoryContext ctx, List<TrajectoryStep> steps) {
    Set<String> files = new LinkedHashSet<>(ctx.goldFiles());
    String prefix = ctx.stack().projectDir().isEmpty() ? "" : ctx.stack().projectDir() + "/";
    Pattern hit = Pattern.compile("^\\./([^:]+):\\d+:", Pattern.MULTILINE);
    for (TrajectoryStep s : steps) {
      if (!s.phase().equals("locate")) {
        continue;
      }
      Matcher m = hit.matcher(s.observation().content());
      while (m.find() && files.size() < ctx.goldFiles().size() + 10) {
        String f = prefix + m.group(1);
        if (!ctx.testFiles().contains(f)) {
          files.add(f);
        }
      }
    }
    files.removeIf(f -> ctx.fix().stream().anyMatch(d -> d.path().equals(f) && d.created()));
    return files;
  }

  private static List<FileEdit> sourceEdits(TrajectoryContext ctx, Candidate c) {
    return c.edits().stream().filter(e -> !ctx.testFiles().contains(e.path())).toList();
  }
}
