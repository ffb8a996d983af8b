package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.trajectory.TrajectoryOutput;
import dev.taskmill.validation.ValidationOutput;
import java.util.Objects;

/**
 * What phase 6 reads: every earlier phase's output; files (patches, logs, trajectories) by path.
 *
 * @param workDir absolute work area; the sections are written to workDir/enrichment.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichmentInput(
    String repoUrl,
    String workDir,
    AnalysisOutput analysis,
    ExtractionOutput patches,
    ValidationOutput validation,
    TrajectoryOutput trajectories) {
  public EnrichmentInput {
    Objects.requireNonNull(repoUrl, "repoUrl");
    if (workDir == null || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(patches, "patches");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(trajectories, "trajectories");
  }
}
