package dev.taskmill.assembly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.enrichment.EnrichmentOutput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.phase.Phase;
import dev.taskmill.trajectory.TrajectoryOutput;
import dev.taskmill.validation.ValidationOutput;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the sample directory is assembled from; files are read from the work area.
 *
 * @param sampleKey identifies repo + PR, so a retried or resubmitted run reuses its task-N
 * @param phaseMillis wall time of each phase (JSON keys: the phase names, as when they were
 *     strings)
 * @param trajectories phase 3's output: its two files are copied into the sample; null when not run
 * @param enrichment phase 6's output: its seven sections are merged into metadata.json; null when
 *     not run
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssemblyInput(
    String samplesDir,
    String workDir,
    String sampleKey,
    AnalysisOutput analysis,
    ExtractionOutput patches,
    EnvironmentOutput environment,
    ValidationOutput validation,
    Map<Phase, Long> phaseMillis,
    String toolVersion,
    TrajectoryOutput trajectories,
    EnrichmentOutput enrichment) {
  public AssemblyInput {
    if (samplesDir == null || !samplesDir.startsWith("/")) {
      throw new IllegalArgumentException("samplesDir must be an absolute path: " + samplesDir);
    }
    if (workDir == null || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    if (sampleKey == null || sampleKey.isBlank()) {
      throw new IllegalArgumentException("sampleKey is required");
    }
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(patches, "patches");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(validation, "validation");
    // In the phases' order, so that metadata.json lists them as they ran.
    phaseMillis =
        phaseMillis == null || phaseMillis.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(phaseMillis));
  }

  /** Without trajectories and enrichment (the original nine fields). */
  public AssemblyInput(
      String samplesDir,
      String workDir,
      String sampleKey,
      AnalysisOutput analysis,
      ExtractionOutput patches,
      EnvironmentOutput environment,
      ValidationOutput validation,
      Map<Phase, Long> phaseMillis,
      String toolVersion) {
    this(
        samplesDir,
        workDir,
        sampleKey,
        analysis,
        patches,
        environment,
        validation,
        phaseMillis,
        toolVersion,
        null,
        null);
  }
}
