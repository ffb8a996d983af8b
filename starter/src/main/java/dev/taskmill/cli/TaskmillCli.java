package dev.taskmill.cli;

import dev.taskmill.client.TaskmillException;
import dev.taskmill.version.TaskmillVersion;
import dev.taskmill.worker.WorkerApp;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The taskmill command line: run, analyze, batch, submit, status, watch, cancel, list, server,
 * verify, evaluate, export, worker.
 */
@Command(
    name = "taskmill",
    mixinStandardHelpOptions = true,
    versionProvider = TaskmillCli.Version.class,
    description = "Turns git repositories into validated bug-fix samples.",
    subcommands = {
      RunCommand.class,
      AnalyzeCommand.class,
      BatchCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      WatchCommand.class,
      CancelCommand.class,
      ListCommand.class,
      ServerCommand.class,
      VerifyCommand.class,
      EvaluateCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TaskmillCli {
  /** Exit code when something unexpected broke (a bug, or an engine in a bad state). */
  static final int INTERNAL = 1;

  /** The version from the pom, which an annotation cannot hold since it is read at run time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"taskmill " + TaskmillVersion.VALUE};
    }
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the exit code; errors go to {@code err} as one line. */
  public static int execute(String[] args, PrintWriter err) {
    CommandLine cli = new CommandLine(new TaskmillCli());
    CommandLine worker = new CommandLine(new WorkerApp());
    worker.getCommandSpec().name("worker");
    cli.addSubcommand("worker", worker);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setErr(err);
    cli.setExecutionStrategy(
        parseResult -> {
          if (!stacktraceAsked(parseResult)
              && !(parseResult.hasSubcommand()
                  && "worker".equals(parseResult.subcommand().commandSpec().name()))) {
            CliLogging.quietLibraries();
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean stacktrace = stacktraceAsked(parseResult);
          if (stacktrace) {
            e.printStackTrace(err);
          }
          if (e instanceof UserError user) {
            err.println("taskmill: " + user.getMessage());
            return user.exitCode();
          }
          if (e instanceof TaskmillException failure) {
            err.println("taskmill: " + failure.getMessage());
            return failure.type().exitCode();
          }
          err.println(
              "taskmill: internal error: "
                  + e
                  + (stacktrace ? "" : " (rerun with --stacktrace for details)"));
          return INTERNAL;
        });
    return cli.execute(args);
  }

  /**
   * Whether the command that ran was given --stacktrace, as its CommonOptions parsed it (not by
   * scanning argv).
   */
  static boolean stacktraceAsked(CommandLine.ParseResult parseResult) {
    for (CommandLine command : parseResult.asCommandLineList()) {
      for (CommandLine.Model.CommandSpec mixin : command.getCommandSpec().mixins().values()) {
        if (mixin.userObject() instanceof CommonOptions common && common.stacktrace()) {
          return true;
        }
      }
    }
    return false;
  }
}
