package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.phase.Phase;
import java.util.Objects;

/** One phase's state, its start and end (epoch millis, 0 when not yet), and a detail line. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseProgress(
    Phase phase, PhaseState state, long startedAt, long endedAt, String detail) {
  public PhaseProgress {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
  }

  /** Milliseconds spent, up to {@code now} while still running. */
  public long elapsedMillis(long now) {
    if (startedAt == 0) {
      return 0;
    }
    return (endedAt == 0 ? now : endedAt) - startedAt;
  }
}
