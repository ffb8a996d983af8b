package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help and `taskmill help COMMAND` with its usage, exit 0. */
class CliHelpTest {
  record Outcome(int exit, String out, String err) {}

  static Outcome taskmill(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit = TaskmillCli.execute(args, new PrintWriter(err, true));
      return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(
      strings = {
        "run",
        "analyze",
        "batch",
        "submit",
        "status",
        "watch",
        "cancel",
        "list",
        "server",
        "verify",
        "evaluate",
        "export"
      })
  void helpShowsUsageAndAnExample(String command) {
    Outcome outcome = taskmill(command, "--help");

    assertThat(outcome.exit()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .startsWith("Usage: taskmill " + command)
        .contains("Example:")
        .contains("taskmill " + command + " ");
    assertThat(outcome.err()).isEmpty();
  }

  @ParameterizedTest(name = "help {0}")
  @ValueSource(strings = {"run", "verify", "worker"})
  void helpCommandNamesTheCommand(String command) {
    Outcome outcome = taskmill("help", command);

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.out()).startsWith("Usage: taskmill " + command);
  }

  @org.junit.jupiter.api.Test
  void versionIsThePomsWithoutSnapshot() {
    Outcome outcome = taskmill("--version");

    assertThat(outcome.exit()).isZero();
    // The pom's <version> is 0.1.0-SNAPSHOT; the version is written nowhere else.
    assertThat(outcome.out().strip())
        .matches("taskmill \\d+\\.\\d+\\.\\d+")
        .isEqualTo("taskmill " + dev.taskmill.version.TaskmillVersion.VALUE);
  }

  @org.junit.jupiter.api.Test
  void stacktraceIsReadFromTheCommandsOptions() {
    Outcome with =
        taskmill("run", "/no/such/taskmill-repo", "--address", "localhost:1", "--stacktrace");
    Outcome without = taskmill("run", "/no/such/taskmill-repo", "--address", "localhost:1");

    assertThat(with.exit()).isEqualTo(3);
    assertThat(with.err()).contains("UserError", "\tat ");
    assertThat(without.exit()).isEqualTo(3);
    assertThat(without.err()).doesNotContain("\tat ").startsWith("taskmill: ");
  }
}
