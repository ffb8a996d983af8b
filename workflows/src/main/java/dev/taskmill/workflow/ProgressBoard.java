package dev.taskmill.workflow;

import dev.taskmill.phase.Phase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow's mutable view of the six phases; times come from the workflow clock so it stays
 * deterministic.
 */
final class ProgressBoard {
  private final Map<Phase, PhaseProgress> phases = new EnumMap<>(Phase.class);
  private String detail = "waiting for a worker";
  private RunOutcome outcome;
  private String sampleDir;
  private final List<CandidateAttempt> candidatesLeft = new ArrayList<>();

  ProgressBoard() {
    for (Phase phase : Phase.values()) {
      phases.put(phase, new PhaseProgress(phase, PhaseState.WAITING, 0, 0, ""));
    }
  }

  void start(Phase phase, String line, long now) {
    phases.put(phase, new PhaseProgress(phase, PhaseState.RUNNING, now, 0, line));
    detail = phase.title() + ": " + line;
  }

  /** A running phase's line changes; its start time stays. */
  void note(Phase phase, String line) {
    PhaseProgress p = phases.get(phase);
    phases.put(phase, new PhaseProgress(phase, p.state(), p.startedAt(), p.endedAt(), line));
    detail = phase.title() + ": " + line;
  }

  void done(Phase phase, String line, long now) {
    finish(phase, PhaseState.DONE, line, now);
  }

  void fail(Phase phase, String line, long now) {
    finish(phase, PhaseState.FAILED, line, now);
    outcome = RunOutcome.FAILED;
  }

  void skip(Phase phase, String why) {
    phases.put(phase, new PhaseProgress(phase, PhaseState.SKIPPED, 0, 0, why));
  }

  void skipRemaining(String why) {
    for (PhaseProgress p : phases.values()) {
      if (p.state() == PhaseState.WAITING) {
        skip(p.phase(), why);
      }
    }
  }

  void finishRun(RunOutcome outcome, String sampleDir, String line) {
    this.outcome = outcome;
    this.sampleDir = sampleDir;
    this.detail = line;
  }

  /**
   * Leaves a rejected candidate: its report is kept, and every phase after the analysis waits
   * again.
   */
  void leaveCandidate(CandidateAttempt attempt) {
    candidatesLeft.add(attempt);
    outcome = null;
    for (Phase phase : Phase.values()) {
      if (phase != Phase.ANALYSIS) {
        phases.put(phase, new PhaseProgress(phase, PhaseState.WAITING, 0, 0, ""));
      }
    }
  }

  List<CandidateAttempt> candidatesLeft() {
    return List.copyOf(candidatesLeft);
  }

  long millis(Phase phase) {
    PhaseProgress p = phases.get(phase);
    return p.endedAt() == 0 ? 0 : p.endedAt() - p.startedAt();
  }

  Progress snapshot() {
    List<PhaseProgress> list = new ArrayList<>(phases.values());
    return new Progress(list, detail, outcome, sampleDir, candidatesLeft);
  }

  private void finish(Phase phase, PhaseState state, String line, long now) {
    PhaseProgress p = phases.get(phase);
    long started = p.startedAt() == 0 ? now : p.startedAt();
    phases.put(phase, new PhaseProgress(phase, state, started, now, line));
    detail = phase.title() + ": " + line;
  }
}
