package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every stage run (reruns included), the verdict lists, coverage per run and the fix's line
 * coverage.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "framework",
  "command",
  "runs",
  "FAIL_TO_PASS",
  "PASS_TO_PASS",
  "flaky",
  "coverage",
  "fixLineCoverage"
})
public record TestExecution(
    String framework,
    String command,
    List<Run> runs,
    @JsonProperty("FAIL_TO_PASS") List<String> failToPass,
    @JsonProperty("PASS_TO_PASS") List<String> passToPass,
    List<String> flaky,
    Map<String, Double> coverage,
    FixLineCoverage fixLineCoverage) {
  public TestExecution {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(command, "command");
    runs = List.copyOf(runs);
    failToPass = List.copyOf(failToPass);
    passToPass = List.copyOf(passToPass);
    flaky = List.copyOf(flaky);
    coverage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coverage));
    Objects.requireNonNull(fixLineCoverage, "fixLineCoverage");
  }

  /** One stage run; {@code patches} are the patch file names it applied, in order. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Run(
      String stage,
      List<String> patches,
      int exitCode,
      boolean timedOut,
      int testsRun,
      int passed,
      int failed,
      int skipped,
      long durationMillis,
      Double lineCoverage) {
    public Run {
      Objects.requireNonNull(stage, "stage");
      patches = List.copyOf(patches);
      if (testsRun < 0 || passed < 0 || failed < 0 || skipped < 0 || durationMillis < 0) {
        throw new IllegalArgumentException("negative figures for stage " + stage);
      }
    }
  }

  /**
   * The fix's added lines (new side) that the post-patch run covered.
   *
   * @param coveredLines changed lines the run executed, or null when not measured
   * @param changedLines the fix's added lines that the coverage report counts as executable (all
   *     added lines when not measured)
   * @param ratio covered / changed, or null when not measured
   * @param reason why ratio is null; absent when it is measured
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FixLineCoverage(
      @JsonInclude(JsonInclude.Include.ALWAYS) Integer coveredLines,
      int changedLines,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double ratio,
      @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    public FixLineCoverage {
      if (ratio == null && (reason == null || reason.isBlank())) {
        throw new IllegalArgumentException("an unmeasured fix line coverage needs a reason");
      }
      if (ratio != null
          && (coveredLines == null
              || coveredLines < 0
              || coveredLines > changedLines
              || ratio < 0
              || ratio > 1)) {
        throw new IllegalArgumentException(
            "bad fix line coverage: " + coveredLines + "/" + changedLines);
      }
    }

    public static FixLineCoverage notMeasured(int changedLines, String reason) {
      return new FixLineCoverage(null, changedLines, null, reason);
    }
  }
}
