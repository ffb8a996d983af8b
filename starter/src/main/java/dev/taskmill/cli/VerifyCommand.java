package dev.taskmill.cli;

import dev.taskmill.failure.FailureType;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.verify.Check;
import dev.taskmill.verify.DockerRerun;
import dev.taskmill.verify.SampleVerifier;
import dev.taskmill.verify.VerificationReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a sample folder against the contract; one line per check. Needs no Temporal server. */
@Command(
    name = "verify",
    description =
        "Check a sample folder (samples/task-N): the ten files, metadata.json and both trajectories "
            + "against docs/schemas, both patches on the base commit, a non-empty FAIL_TO_PASS; with --rerun, the "
            + "Docker cycle again. Prints one line per check, [ok] or [FAIL] reason; exits 0 when all hold, "
            + VerifyCommand.FAILED
            + " otherwise.",
    footer = {
      "",
      "Example:",
      "  taskmill verify samples/task-3",
      "  taskmill verify samples/task-3 --rerun",
      ""
    })
final class VerifyCommand implements Callable<Integer> {
  /** Exit code when a sample fails verification (README's exit-code table). */
  static final int FAILED = 23;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The sample folder, for example samples/task-3.")
  Path dir;

  @Option(
      names = "--rerun",
      description =
          "Run the validation cycle again in Docker (the sample's image, "
              + "rebuilt by its run.sh when missing) and require the same FAIL_TO_PASS.")
  boolean rerun;

  private final PrintStream out;

  VerifyCommand() {
    this(System.out);
  }

  VerifyCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (Files.isRegularFile(dir)) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(),
          dir.toAbsolutePath().normalize()
              + " is a file, not a sample folder (give a samples/task-N folder)");
    }
    if (!Files.isDirectory(dir)) {
      throw new UserError(
          FailureType.INVALID_INPUT.exitCode(),
          "no sample folder at "
              + dir.toAbsolutePath().normalize()
              + " (give a samples/task-N folder)");
    }
    VerificationReport report =
        new SampleVerifier(
                RepositoryCache.fromEnvironment(), new DockerRerun(ValidationSettings.DEFAULTS))
            .verify(dir, rerun);
    for (Check check : report.checks()) {
      out.println(check.line());
    }
    return report.passed() ? 0 : FAILED;
  }
}
