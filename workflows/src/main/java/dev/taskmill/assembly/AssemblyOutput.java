package dev.taskmill.assembly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The sample as it landed.
 *
 * @param alreadyExisted true when an earlier attempt for the same repo and PR had already assembled
 *     it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssemblyOutput(
    String sampleDir, int taskNumber, List<String> files, boolean alreadyExisted) {
  public AssemblyOutput {
    if (sampleDir == null || sampleDir.isBlank()) {
      throw new IllegalArgumentException("sampleDir is required");
    }
    if (taskNumber <= 0) {
      throw new IllegalArgumentException("taskNumber must be positive: " + taskNumber);
    }
    files = files == null ? List.of() : List.copyOf(files);
  }
}
