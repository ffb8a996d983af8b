package dev.taskmill.assembly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.failure.FailureType;
import java.util.Objects;

/**
 * A sample that did not make it: what is kept of it goes under samples/.rejected/&lt;sampleKey&gt;/.
 *
 * @param phase the phase that failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RejectionInput(
    String samplesDir, String workDir, String sampleKey, FailureType failure, String reason, String phase) {
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
}
