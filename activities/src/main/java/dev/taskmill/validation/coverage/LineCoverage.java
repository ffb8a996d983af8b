package dev.taskmill.validation.coverage;

/**
 * Covered and coverable lines (or statements, for tools that only count those); percent derived.
 */
public record LineCoverage(long covered, long total) {
  public LineCoverage {
    if (covered < 0 || total < 0 || covered > total) {
      throw new IllegalArgumentException(
          "coverage must satisfy 0 <= covered <= total: " + covered + "/" + total);
    }
  }

  /**
   * From a percentage only, when the tool gives nothing else (kept to two decimals as a ratio of
   * 10000).
   */
  public static LineCoverage ofPercent(double percent) {
    if (Double.isNaN(percent) || percent < 0 || percent > 100) {
      throw new IllegalArgumentException("coverage percent must be within 0..100: " + percent);
    }
    return new LineCoverage(Math.round(percent * 100), 10_000);
  }

  /** Both reports together, as if they were one (modules or packages measured separately). */
  public LineCoverage plus(LineCoverage other) {
    return new LineCoverage(covered + other.covered, total + other.total);
  }

  /** Percent with two decimals; 0 when nothing is coverable. */
  public double percent() {
    return total == 0 ? 0.0 : Math.round(covered * 10_000.0 / total) / 100.0;
  }
}
