package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** enrichment.json: exactly the seven sections of docs/enrichment.md, in its order. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "taskGoal",
  "failureModeAnalysis",
  "stepLevelMetrics",
  "diffSemantics",
  "testExecution",
  "navigationMetrics",
  "planAndMemorySignals"
})
public record EnrichmentSections(
    TaskGoal taskGoal,
    FailureModeAnalysis failureModeAnalysis,
    StepLevelMetrics stepLevelMetrics,
    JsonNode diffSemantics,
    TestExecution testExecution,
    NavigationMetrics navigationMetrics,
    PlanAndMemorySignals planAndMemorySignals) {
  /** The seven top-level keys, as the assembly merges them into metadata.json. */
  public static final List<String> KEYS =
      List.of(
          "taskGoal",
          "failureModeAnalysis",
          "stepLevelMetrics",
          "diffSemantics",
          "testExecution",
          "navigationMetrics",
          "planAndMemorySignals");

  public EnrichmentSections {
    Objects.requireNonNull(taskGoal, "taskGoal");
    Objects.requireNonNull(failureModeAnalysis, "failureModeAnalysis");
    Objects.requireNonNull(stepLevelMetrics, "stepLevelMetrics");
    if (diffSemantics == null || !diffSemantics.isObject()) {
      throw new IllegalArgumentException("diffSemantics must be an object");
    }
    Objects.requireNonNull(testExecution, "testExecution");
    Objects.requireNonNull(navigationMetrics, "navigationMetrics");
    Objects.requireNonNull(planAndMemorySignals, "planAndMemorySignals");
  }
}
