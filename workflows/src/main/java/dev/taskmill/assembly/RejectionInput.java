package dev.taskmill.assembly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.failure.FailureType;
import dev.taskmill.phase.Phase;
import java.util.Objects;

/**
 * A sample that did not make it: what is kept of it goes under
 * samples/.rejected/&lt;sampleKey&gt;/.
 *
 * @param phase the phase that failed, or null (JSON: its name, as when it was a string)
 * @param language the analysed stack's language in lower case, or null when analysis did not get
 *     that far (for the worker's metrics only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RejectionInput(
    String samplesDir,
    String workDir,
    String sampleKey,
    FailureType failure,
    String reason,
    Phase phase,
    String language) {
  public RejectionInput {
    if (samplesDir == null || !samplesDir.startsWith("/")) {
      throw new IllegalArgumentException("samplesDir must be an absolute path: " + samplesDir);
    }
    if (sampleKey == null || sampleKey.isBlank()) {
      throw new IllegalArgumentException("sampleKey is required");
    }
    Objects.requireNonNull(failure, "failure");
    reason = reason == null ? failure.meaning() : reason;
  }

  /** Without the language (the original six fields). */
  public RejectionInput(
      String samplesDir,
      String workDir,
      String sampleKey,
      FailureType failure,
      String reason,
      Phase phase) {
    this(samplesDir, workDir, sampleKey, failure, reason, phase, null);
  }
}
