package dev.taskmill.cli;

import picocli.CommandLine.Option;

/** Options every command has: its help and, on error, the stack trace. */
public final class CommonOptions {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(names = "--stacktrace", description = "Print the full stack trace of an error.")
  boolean stacktrace;

  /** Whether the stack trace was asked for. */
  public boolean stacktrace() {
    return stacktrace;
  }
}
