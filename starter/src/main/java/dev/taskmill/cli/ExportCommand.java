package dev.taskmill.cli;

import dev.taskmill.evaluation.SampleIndex;
import dev.taskmill.export.ExportFormat;
import dev.taskmill.export.ExportSchemas;
import dev.taskmill.export.SampleExporter;
import dev.taskmill.failure.FailureType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes the samples in a format other tools read; each line is checked by the format's schema
 * first.
 */
@Command(
    name = "export",
    description =
        "Write the samples as JSON lines for other tools: swe-bench (the SWE-bench datasets' fields), "
            + "multi-swe-bench (its instance format), trajectories (one line per trajectory, OpenAI-style chat with "
            + "tool calls). Every line is checked against docs/schemas/export-FORMAT.schema.json before it is "
            + "written; exits "
            + ExportCommand.INVALID
            + " when one does not match. Needs no Temporal server.",
    footer = {
      "",
      "Example:",
      "  taskmill export --samples-dir samples --format swe-bench --out samples.jsonl",
      "  taskmill export --samples-dir samples --format trajectories > chats.jsonl",
      ""
    })
final class ExportCommand implements Callable<Integer> {
  /**
   * Exit code when an exported line does not match its format's schema (README's exit-code table).
   */
  static final int INVALID = 25;

  @Mixin CommonOptions common;

  @Option(
      names = "--samples-dir",
      required = true,
      paramLabel = "DIR",
      description = "The samples directory holding task-N folders.")
  Path samplesDir;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "swe-bench, multi-swe-bench or trajectories.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The JSON lines file (default: standard output).")
  Path outFile;

  private final PrintStream out;

  ExportCommand() {
    this(System.out);
  }

  ExportCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    ExportFormat chosen;
    try {
      chosen = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UserError(FailureType.INVALID_INPUT.exitCode(), "--format " + e.getMessage());
    }
    if (!Files.isDirectory(samplesDir)) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(),
          "no samples directory at " + samplesDir.toAbsolutePath().normalize());
    }
    SampleIndex index = SampleIndex.scan(samplesDir.toAbsolutePath().normalize());
    StringWriter text = new StringWriter();
    int lines = SampleExporter.export(index, chosen, text);
    List<String> errors = ExportSchemas.get().validateLines(chosen, text.toString());
    PrintStream notes = outFile == null ? System.err : out;
    index.skipped().forEach(s -> notes.println("skipped " + s));
    if (!errors.isEmpty()) {
      errors.stream().limit(5).forEach(e -> notes.println("[FAIL] " + e));
      throw new UserError(
          INVALID,
          errors.size()
              + " problem(s) against "
              + chosen.schema()
              + "; nothing written (first: "
              + errors.get(0)
              + ")");
    }
    if (outFile == null) {
      out.print(text);
      out.flush();
    } else {
      Path target = outFile.toAbsolutePath().normalize();
      Directories.writable(target.getParent(), "--out's folder");
      Files.writeString(target, text.toString(), StandardCharsets.UTF_8);
    }
    notes.println(
        "exported "
            + lines
            + " "
            + chosen.cliName()
            + " line(s) from "
            + index.samples().size()
            + " sample(s)"
            + (outFile == null ? "" : " to " + outFile.toAbsolutePath().normalize())
            + ", each valid against "
            + chosen.schema());
    return 0;
  }
}
