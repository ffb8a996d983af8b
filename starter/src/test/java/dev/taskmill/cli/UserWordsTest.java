package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.client.TaskmillException;
import dev.taskmill.failure.FailureType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages speak in the user's words (options, paths), never in Java's (field and exception class
 * names).
 */
class UserWordsTest {
  static String onlyErrorLine(int expectedCode, String... args) {
    StringWriter err = new StringWriter();
    int code = TaskmillCli.execute(args, new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    assertThat(err.toString().lines().toList()).as(err.toString()).hasSize(1);
    return err.toString().strip();
  }

  @Nested
  class Options {
    @TempDir Path tmp;

    @Test
    void aShortStageTimeoutNamesTheOption() {
      String line =
          onlyErrorLine(
              3,
              "run",
              tmp.toString(),
              "--stage-timeout",
              "2",
              "--address",
              "localhost:1",
              "--samples-dir",
              tmp.resolve("s").toString());
      assertThat(line).contains("--stage-timeout 2").doesNotContain("stageTimeoutSeconds");
    }

    @Test
    void tooManyRerunsNamesTheOption() {
      String line =
          onlyErrorLine(
              3,
              "run",
              tmp.toString(),
              "--reruns",
              "11",
              "--address",
              "localhost:1",
              "--samples-dir",
              tmp.resolve("s").toString());
      assertThat(line).contains("--reruns 11").doesNotContain("reruns must");
    }

    @Test
    void aFileWhereADirectoryIsExpectedIsCalledAFile() throws Exception {
      Path file = Files.writeString(tmp.resolve("a-file"), "x");
      assertThat(onlyErrorLine(3, "run", file.toString(), "--address", "localhost:1"))
          .contains("is a file, not a git repository");
      assertThat(onlyErrorLine(3, "verify", file.toString()))
          .contains("is a file, not a sample folder");
      String repo;
      try (dev.taskmill.testing.FixtureRepo fixture =
          dev.taskmill.testing.FixtureRepo.init(tmp.resolve("repo"))) {
        repo = fixture.write("a.py", "x = 1\n").url();
        fixture.commit("initial");
      }
      assertThat(
              onlyErrorLine(
                  3,
                  "run",
                  repo,
                  "--samples-dir",
                  file.resolve("sub").toString(),
                  "--address",
                  "localhost:1"))
          .contains(file + " is a file")
          .doesNotContain("Not a directory");
    }

    @Test
    void aTakenPortIsSaidInWords() throws Exception {
      try (ServerSocket taken = new ServerSocket(0)) {
        String line =
            onlyErrorLine(
                3, "server", "--in-memory", "--port", String.valueOf(taken.getLocalPort()));
        assertThat(line)
            .contains("already in use")
            .contains("--port")
            .doesNotContain("IOException")
            .doesNotContain("Failed to bind");
      }
    }
  }

  @Nested
  class LogsByFullPath {
    @TempDir Path report;

    @Test
    void aLogInTheRejectionReportIsNamedByItsFullPath() throws Exception {
      Files.writeString(report.resolve("PASS_pre_tests.log"), "build output");
      TaskmillException failure =
          new TaskmillException(
              FailureType.BASE_BUILD_FAILED,
              "the environment image built, but the project does not build in it at the base commit (stage"
                  + " PASS_pre_tests exited 4, see PASS_pre_tests.log): ...",
              null);

      TaskmillException resolved =
          LogPaths.resolve(failure, "the project does not build (report in " + report + ")");

      assertThat(resolved.getMessage())
          .contains("see " + report.resolve("PASS_pre_tests.log") + ")");
      assertThat(resolved.type()).isEqualTo(FailureType.BASE_BUILD_FAILED);
      assertThat(resolved.type().exitCode()).isEqualTo(27);
    }

    @Test
    void withoutAReportTheMessageStaysAsItWas() {
      TaskmillException failure =
          new TaskmillException(FailureType.STAGE_TIMEOUT, "see FAIL_pre_patch.log", null);
      assertThat(LogPaths.resolve(failure, "running")).isSameAs(failure);
      assertThat(LogPaths.resolve(failure, "failed (report in " + report + ")").getMessage())
          .as("a log that is not in the report keeps its name")
          .isEqualTo("see FAIL_pre_patch.log");
    }
  }
}
