package dev.taskmill.validation.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** istanbul/c8/nyc {@code json-summary} (coverage-summary.json): total.lines covered / total. */
final class IstanbulSummary {
  private IstanbulSummary() {}

  static Optional<LineCoverage> read(JsonNode root) {
    JsonNode lines = root.path("total").path("lines");
    if (!lines.isObject()) {
      return Optional.empty();
    }
    if (lines.has("covered") && lines.has("total")) {
      return Optional.of(
          new LineCoverage(lines.get("covered").asLong(), lines.get("total").asLong()));
    }
    return lines.path("pct").isNumber()
        ? Optional.of(LineCoverage.ofPercent(lines.get("pct").asDouble()))
        : Optional.empty();
  }
}
