package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * How a run ended, as the progress board and the TaskmillOutcome search attribute say it. Not
 * {@link Outcome}: that one is a successful run's result (SAMPLE_CREATED, ANALYZED in recorded
 * histories) and has no failure.
 */
public enum RunOutcome {
  // The JSON names are the strings the board carried before it was typed: CLIs and workers of
  // either version
  // read each other's progress queries.
  @JsonProperty("created")
  CREATED,
  @JsonProperty("analyzed")
  ANALYZED,
  @JsonProperty("failed")
  FAILED;

  /** The lower-case word, the value of the TaskmillOutcome search attribute. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
