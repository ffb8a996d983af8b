package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.assembly.AssemblyOutput;
import dev.taskmill.enrichment.EnrichmentOutput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.trajectory.TrajectoryOutput;
import dev.taskmill.validation.ValidationOutput;
import java.util.Objects;

/**
 * What a successful run returns: each phase's output (null for phases that did not run) and the
 * final board.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SampleResult(
    Outcome outcome,
    AnalysisOutput analysis,
    ExtractionOutput patches,
    EnvironmentOutput environment,
    ValidationOutput validation,
    AssemblyOutput sample,
    Progress progress,
    TrajectoryOutput trajectories,
    EnrichmentOutput enrichment) {
  public SampleResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(patches, "patches");
  }

  /** A result without phases 3 and 6 (analysis only, or a run recorded before they existed). */
  public SampleResult(
      Outcome outcome,
      AnalysisOutput analysis,
      ExtractionOutput patches,
      EnvironmentOutput environment,
      ValidationOutput validation,
      AssemblyOutput sample,
      Progress progress) {
    this(outcome, analysis, patches, environment, validation, sample, progress, null, null);
  }
}
