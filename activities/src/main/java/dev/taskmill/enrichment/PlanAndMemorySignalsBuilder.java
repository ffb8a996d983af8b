package dev.taskmill.enrichment;

import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryStep;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds {@link PlanAndMemorySignals} as docs/enrichment.md defines them. */
public final class PlanAndMemorySignalsBuilder {
  private static final Set<String> SEARCHING = Set.of("explore", "locate");
  private final Set<String> testFiles;

  /**
   * @param testFiles the files of tests.patch: writing them is reproduction, not an edit
   */
  public PlanAndMemorySignalsBuilder(List<String> testFiles) {
    this.testFiles = Set.copyOf(testFiles);
  }

  public PlanAndMemorySignals build(TrajectoryPair pair) {
    return new PlanAndMemorySignals(signals(pair.ideal()), signals(pair.failed()));
  }

  PlanAndMemorySignals.Signals signals(Trajectory t) {
    String workdir = RepoPaths.workdir(t);
    List<TrajectoryStep> steps = t.steps();
    int thoughts = (int) steps.stream().filter(s -> !s.thought().isBlank()).count();
    int firstEdit = -1;
    int lastEdit = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (edits(steps.get(i), workdir)) {
        firstEdit = firstEdit < 0 ? i : firstEdit;
        lastEdit = i;
      }
    }
    int reproduceLimit = firstEdit < 0 ? steps.size() : firstEdit;
    boolean reproduced =
        steps.subList(0, reproduceLimit).stream().anyMatch(s -> s.phase().equals("reproduce"));
    int verifications =
        lastEdit < 0
            ? 0
            : (int)
                steps.subList(lastEdit + 1, steps.size()).stream()
                    .filter(s -> s.phase().equals("verify"))
                    .count();
    int rereads = 0;
    int planChanges = 0;
    boolean edited = false;
    String previousPhase = null;
    Set<String> viewed = new HashSet<>();
    for (TrajectoryStep step : steps) {
      Set<String> editedHere = new HashSet<>();
      step.filesEdited().forEach(f -> editedHere.add(RepoPaths.normalize(f, workdir)));
      for (String f : step.filesOpened()) {
        String p = RepoPaths.normalize(f, workdir);
        if (!editedHere.contains(p) && !viewed.add(p)) {
          rereads++;
        }
      }
      viewed.removeAll(editedHere);
      if (edited && SEARCHING.contains(step.phase()) && !SEARCHING.contains(previousPhase)) {
        planChanges++;
      }
      edited |= !editedHere.isEmpty();
      previousPhase = step.phase();
    }
    return new PlanAndMemorySignals.Signals(
        thoughts, reproduced, verifications, rereads, planChanges);
  }

  private boolean edits(TrajectoryStep step, String workdir) {
    return step.filesEdited().stream()
        .map(f -> RepoPaths.normalize(f, workdir))
        .anyMatch(p -> !testFiles.contains(p));
  }
}
