package dev.taskmill.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.validation.ValidationOutput;
import dev.taskmill.validation.ValidationSettings;
import java.util.Objects;

/**
 * What phase 3 needs: the picked PR, the patches and the image (by reference), and the validated
 * test lists.
 *
 * @param sampleKey the stable key of the sample (repo + PR)
 * @param workDir absolute work area; the trajectories are written to workDir/ideal_trajectory.json
 *     and workDir/failed_trajectory.json, their scratch files under workDir/trajectories/
 * @param toolVersion taskmill's version, recorded as the generator's
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrajectoryInput(
    String sampleKey,
    AnalysisOutput analysis,
    ExtractionOutput patches,
    EnvironmentOutput environment,
    ValidationOutput validation,
    String workDir,
    ValidationSettings settings,
    String toolVersion) {
  public TrajectoryInput {
    if (sampleKey == null || sampleKey.isBlank()) {
      throw new IllegalArgumentException("sampleKey is required");
    }
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(patches, "patches");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(validation, "validation");
    if (workDir == null || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    settings = settings == null ? ValidationSettings.DEFAULTS : settings;
    toolVersion = toolVersion == null ? "unknown" : toolVersion;
  }
}
