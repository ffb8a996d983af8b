package dev.taskmill.validation.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * coverage.py's {@code coverage json}: totals.covered_lines / num_statements, else
 * totals.percent_covered.
 */
final class CoveragePyJson {
  private CoveragePyJson() {}

  static Optional<LineCoverage> read(JsonNode root) {
    JsonNode totals = root.path("totals");
    if (!totals.isObject() || !root.has("files")) {
      return Optional.empty();
    }
    if (totals.has("covered_lines") && totals.has("num_statements")) {
      return Optional.of(
          new LineCoverage(
              totals.get("covered_lines").asLong(), totals.get("num_statements").asLong()));
    }
    return totals.has("percent_covered")
        ? Optional.of(LineCoverage.ofPercent(totals.get("percent_covered").asDouble()))
        : Optional.empty();
  }
}
