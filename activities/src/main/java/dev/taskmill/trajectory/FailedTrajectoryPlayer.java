package dev.taskmill.trajectory;

import dev.taskmill.trajectory.CandidateGenerator.Candidate;
import dev.taskmill.trajectory.CandidateGenerator.FileEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plays the failed trajectory: the ideal steps up to the first edit, the wrong fix, a partial check, submit. */
final class FailedTrajectoryPlayer {
  /** The recorded steps, the number of the first step that differs from the ideal, and the submitted patch. */
  record Played(List<TrajectoryStep> steps, int divergenceStep, String patch) {}

  private FailedTrajectoryPlayer() {}

  /** @param chosen the wrong fix to make, null when there is none (the trajectory then submits no change) */
  static Played play(TrajectoryContext ctx, StepRecorder rec, List<PlannedStep> idealPlans, Candidate chosen)
      throws InterruptedException {
    List<TrajectoryStep> steps = new ArrayList<>();
    for (PlannedStep p : idealPlans) {
      if (p.phase().equals("edit")) {
        break;
      }
      steps.add(rec.run(steps.size() + 1, p));
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
      steps.add(rec.run(steps.size() + 1, new PlannedStep("verify",
          "The change looks right to me; a quick run of some of the existing tests should be enough before "
              + "submitting.", SessionTools.BASH, Map.of("command", ctx.commands().run(check)))));
    }
    TrajectoryStep last = rec.run(steps.size() + 1, new PlannedStep("submit",
        "I am confident in this change and submit it without running the failing tests again.",
        SessionTools.SUBMIT, Map.of()));
    steps.add(last);
    return new Played(steps, divergenceStep, rec.lastFullOutput());
  }

  private static String thought(Candidate c, FileEdit e) {
    return switch (c.mode()) {
      case INCOMPLETE_FIX -> "This change in " + e.path() + " should be all the fix needs.";
      case WRONG_LOCATION -> "The search hit in " + e.path() + " looks like the place where the value goes wrong; "
          + "I change it there.";
      case SYMPTOM_GUARD -> "The failure comes out of this call in " + e.path() + "; guarding it should stop the "
          + "error.";
      case MUTATED_FIX -> "I rewrite the logic in " + e.path() + " so that it handles the failing case.";
      case TEST_EDITED -> "The test's expectation in " + e.path() + " seems wrong; I change the test instead.";
      case NONE -> "I make this change in " + e.path() + ".";
    };
  }
}
