package dev.taskmill.trajectory;

import dev.taskmill.trajectory.CandidateGenerator.Candidate;
import dev.taskmill.trajectory.CandidateGenerator.FileEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays the failed trajectory: the ideal steps up to the first edit, the wrong fix, a partial
 * check, submit.
 */
final class FailedTrajectoryPlayer {
  /**
   * The recorded steps, the number of the first step that differs from the ideal, and the submitted
   * patch.
   */
  record Played(List<TrajectoryStep> steps, int divergenceStep, String patch) {}

  private FailedTrajectoryPlayer() {}

  /**
   * Up to the divergence the failed trajectory makes the same calls as the ideal one from the same
   * state, so it shares their recorded steps (real observations of those calls) instead of paying
   * for them again; the edits among them (the reproduction test) are made again in its own session,
   * so that its state is the same.
   *
   * @param idealSteps the ideal trajectory's recorded steps, in the order of {@code idealPlans}
   * @param chosen the wrong fix to make, null when there is none (the trajectory then submits no
   *     change)
   */
  static Played play(
      TrajectoryContext ctx,
      StepRecorder rec,
      List<PlannedStep> idealPlans,
      List<TrajectoryStep> idealSteps,
      Candidate chosen)
      throws InterruptedException {
    List<TrajectoryStep> steps = new ArrayList<>();
    for (int i = 0; i < idealPlans.size(); i++) {
      PlannedStep p = idealPlans.get(i);
      if (p.phase().equals("edit")) {
        break;
      }
      rec.replay(p, idealSteps.get(i));
      steps.add(idealSteps.get(i));
    }
    int divergenceStep = steps.size() + 1;
    if (chosen != null) {
      for (FileEdit e : chosen.edits()) {
        String thought = thought(chosen, e);
        steps.add(rec.run(steps.size() + 1, PlannedStep.edit("edit", thought, e)));
      }
    }
    List<String> check = ctx.p2pSample().isEmpty() ? List.of() : ctx.p2pSample();
    if (!check.isEmpty()) {
      steps.add(
          rec.run(
              steps.size() + 1,
              new PlannedStep(
                  "verify",
                  "The change looks right to me; a quick run of some of the existing tests should be enough before "
                      + "submitting.",
                  SessionTools.BASH,
                  Map.of("command", ctx.commands().run(check)))));
    }
    TrajectoryStep last =
        rec.run(
            steps.size() + 1,
            new PlannedStep(
                "submit",
                "I am confident in this change and submit it without running the failing tests again.",
                SessionTools.SUBMIT,
                Map.of()));
    steps.add(last);
    return new Played(steps, divergenceStep, rec.lastFullOutput());
  }

  private static String thought(Candidate c, FileEdit e) {
    return switch (c.mode()) {
      case INCOMPLETE_FIX -> "This change in " + e.path() + " should be all the fix needs.";
      case WRONG_LOCATION ->
          "The search hit in "
              + e.path()
              + " looks like the place where the value goes wrong; "
              + "I change it there.";
      case SYMPTOM_GUARD ->
          "The failure comes out of this call in "
              + e.path()
              + "; guarding it should stop the "
              + "error.";
      case MUTATED_FIX ->
          "I rewrite the logic in " + e.path() + " so that it handles the failing case.";
      case TEST_EDITED ->
          "The test's expectation in " + e.path() + " seems wrong; I change the test instead.";
      case NONE -> "I make this change in " + e.path() + ".";
    };
  }
}
