package dev.taskmill.cli;

import picocli.CommandLine.Option;

/** How many PRs a run that picks its own PR may try before it gives up (run and submit). */
public final class CandidateOptions {
  @Option(
      names = "--max-candidates",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Without --pr: how many candidate PRs to try, moving on to the next after a rejection"
              + " (default: ${DEFAULT-VALUE}).")
  int maxCandidates;

  /** The validated count; one line when out of range. */
  int value() {
    if (maxCandidates < 1 || maxCandidates > 50) {
      throw new UserError(3, "--max-candidates " + maxCandidates + " is out of range; use 1 to 50");
    }
    return maxCandidates;
  }
}
