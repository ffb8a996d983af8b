package dev.taskmill.export;

import java.util.Locale;

/**
 * The formats of {@code taskmill export}; each is JSON lines, one JSON Schema per format in
 * docs/schemas/.
 */
public enum ExportFormat {
  /** One line per sample with the field names of the SWE-bench datasets. */
  SWE_BENCH("export-swe-bench.schema.json"),
  /** One line per sample in Multi-SWE-bench's instance format. */
  MULTI_SWE_BENCH("export-multi-swe-bench.schema.json"),
  /**
   * One line per trajectory: OpenAI-style chat with tool calls (SWE-smith "tool" style, SWE-rebench
   * sets).
   */
  TRAJECTORIES("export-trajectories.schema.json");

  private final String schema;

  ExportFormat(String schema) {
    this.schema = schema;
  }

  /**
   * The file name of the format's JSON Schema (docs/schemas/, on the classpath under
   * dev/taskmill/schemas/).
   */
  public String schema() {
    return schema;
  }

  /** The name on the command line: swe-bench, multi-swe-bench, trajectories. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads a command-line name (case-insensitive, '-' or '_'). */
  public static ExportFormat parse(String name) {
    for (ExportFormat f : values()) {
      if (f.cliName().equalsIgnoreCase(name.replace('_', '-'))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "': use swe-bench, multi-swe-bench or " + "trajectories");
  }
}
