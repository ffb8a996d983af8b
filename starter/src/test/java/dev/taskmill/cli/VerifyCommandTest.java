package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** taskmill verify through the real command line (no Temporal server needed). */
class VerifyCommandTest {
  @TempDir Path tmp;

  record Outcome(int exitCode, String out, String err) {}

  static Outcome taskmill(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = TaskmillCli.execute(args, new PrintWriter(err, true));
      return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(saved);
    }
  }

  @Test
  void helpShowsTheOptionsAndAnExample() {
    Outcome outcome = taskmill("verify", "--help");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out())
        .contains(
            "Usage: taskmill verify",
            "--rerun",
            "--stacktrace",
            "taskmill verify samples/task-3",
            String.valueOf(VerifyCommand.FAILED));
  }

  @Test
  void aMissingDirectoryIsOneLineWithTheInvalidInputCode() {
    Outcome outcome = taskmill("verify", tmp.resolve("task-9").toString());
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("taskmill: ")
        .contains("task-9");
  }

  @Test
  void anIncompleteSampleGivesOneLinePerCheckAndTheVerificationCode() throws Exception {
    Path sample = Files.createDirectories(tmp.resolve("samples/task-1"));
    Files.writeString(sample.resolve("metadata.json"), "{}");
    Outcome outcome = taskmill("verify", sample.toString());
    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(VerifyCommand.FAILED);
    assertThat(outcome.out().lines().toList())
        .hasSize(6)
        .allSatisfy(l -> assertThat(l).startsWith("[FAIL] "));
    assertThat(outcome.out()).contains("missing fix.patch, tests.patch, ideal_trajectory.json");
  }
}
