package dev.taskmill.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
public final class CommonOptions {
  @Option(names = "--stacktrace", description = "Print the full stack trace of an error.")
  boolean stacktrace;
}
