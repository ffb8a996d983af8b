package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.testing.FixtureRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one line naming the problem and a distinct exit code, through the real CLI and
 * workflow.
 */
class CliErrorsTest {
  @TempDir static Path tmp;
  static EmbeddedTemporal server;
  static String address;
  static String noTests;
  static String noPrs;

  @BeforeAll
  static void startServer() {
    System.setProperty("taskmill.cache.dir", tmp.resolve("cache").toString());
    server = EmbeddedTemporal.start(0);
    address = server.address();
    noTests = repoWithPrWithoutTests();
    noPrs = repoWithoutPrs();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  record Outcome(int exitCode, String err) {
    String onlyLine() {
      assertThat(err.lines().toList()).as("stderr: " + err).hasSize(1);
      return err.strip();
    }
  }

  static Outcome taskmill(String... args) {
    StringWriter err = new StringWriter();
    int code = TaskmillCli.execute(args, new PrintWriter(err, true));
    return new Outcome(code, err.toString());
  }

  static String repoWithPrWithoutTests() {
    try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("no-tests"))) {
      repo.write("app/calc.py", "def add(a, b):\n    return a - b\n")
          .write(
              "tests/test_calc.py",
              "from app.calc import add\n\ndef test_add():\n    assert add(1, 1) == 2\n")
          .commit("initial");
      repo.squashPullRequest(
          3,
          "Fix add returning the difference",
          r -> r.write("app/calc.py", "def add(a, b):\n    return a + b\n"));
      return repo.url();
    }
  }

  static String repoWithoutPrs() {
    try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("no-prs"))) {
      repo.write("main.go", "package main\n\nfunc main() {}\n").commit("initial");
      repo.write("main.go", "package main\n\n// x\nfunc main() {}\n").commit("tweak");
      return repo.url();
    }
  }

  @Nested
  class InvalidInput {
    @Test
    void unsupportedSchemeIsRejectedBeforeAnyWork() {
      Outcome outcome =
          taskmill(
              "analyze",
              "ftp://example.com/repo.git",
              "--out",
              tmp.resolve("o1").toString(),
              "--address",
              address);
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
      assertThat(outcome.onlyLine()).startsWith("taskmill: ").contains("ftp");
    }

    @Test
    void aMissingLocalPathIsNamed() {
      Outcome outcome = taskmill("run", tmp.resolve("nowhere").toString(), "--address", address);
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
      assertThat(outcome.onlyLine()).contains("nowhere");
    }

    @Test
    void aNegativePrIsNamed() {
      Outcome outcome =
          taskmill(
              "analyze",
              noPrs,
              "--pr",
              "-4",
              "--address",
              address,
              "--out",
              tmp.resolve("o2").toString());
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
      assertThat(outcome.onlyLine()).contains("-4");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--samples-dir ''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", " "})
    void anEmptySamplesDirIsRefusedAndNothingIsWritten(String dir) throws Exception {
      Path cwd = Path.of("").toAbsolutePath();
      Outcome outcome = taskmill("run", noPrs, "--samples-dir", dir, "--address", address);
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
      assertThat(outcome.onlyLine()).contains("--samples-dir is empty");
      assertThat(cwd.resolve("task-1")).doesNotExist();
      assertThat(cwd.resolve(".lock")).doesNotExist();
    }

    @Test
    void aSamplesDirThatIsAFileIsNamedAsAFile() throws Exception {
      Path file = java.nio.file.Files.writeString(tmp.resolve("a-file"), "x");
      Outcome outcome =
          taskmill("run", noPrs, "--samples-dir", file.toString(), "--address", address);
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
      assertThat(outcome.onlyLine()).contains("is a file, not a directory");
    }

    @Test
    void anUnreachableTemporalServerIsNamed() {
      Outcome outcome = taskmill("status", "some-id", "--address", "localhost:1");
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(UserError.SERVER_UNREACHABLE);
      assertThat(outcome.onlyLine()).contains("localhost:1");
    }
  }

  @Nested
  class FailedRuns {
    @Test
    void unreachableRepository() {
      Outcome outcome =
          taskmill(
              "analyze",
              "https://127.0.0.1:9/acme/nothing.git",
              "--address",
              address,
              "--out",
              tmp.resolve("o3").toString());
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(4);
      assertThat(outcome.onlyLine()).contains("127.0.0.1:9");
    }

    @Test
    void noSuchPr() {
      Outcome outcome =
          taskmill(
              "analyze",
              noTests,
              "--pr",
              "999",
              "--address",
              address,
              "--out",
              tmp.resolve("o4").toString());
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(5);
      assertThat(outcome.onlyLine()).contains("#999");
    }

    @Test
    void prWithoutTests() {
      Outcome outcome =
          taskmill(
              "analyze",
              noTests,
              "--pr",
              "3",
              "--address",
              address,
              "--out",
              tmp.resolve("o5").toString());
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(7);
      assertThat(outcome.onlyLine()).contains("#3").containsIgnoringCase("test");
    }

    @Test
    void anEarlyFailureLeavesNoEmptySamplesDirectoryNorLock() {
      Path samples = tmp.resolve("never-filled/samples");
      Outcome outcome =
          taskmill("run", noPrs, "--samples-dir", samples.toString(), "--address", address);
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(6);
      assertThat(samples).doesNotExist();
    }

    @Test
    void anEarlyFailureKeepsADirectoryThatWasThereAndItsFiles() throws Exception {
      Path samples = java.nio.file.Files.createDirectories(tmp.resolve("kept-samples"));
      java.nio.file.Files.writeString(samples.resolve("notes.txt"), "mine");
      Outcome outcome =
          taskmill("run", noPrs, "--samples-dir", samples.toString(), "--address", address);
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(6);
      assertThat(samples.resolve("notes.txt")).exists();
      assertThat(samples.resolve(".lock")).doesNotExist();
      assertThat(samples.resolve(".work")).doesNotExist();
    }

    @Test
    void repositoryWithoutCandidatePr() {
      Outcome outcome =
          taskmill("analyze", noPrs, "--address", address, "--out", tmp.resolve("o6").toString());
      assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(6);
      assertThat(outcome.onlyLine()).startsWith("taskmill: ");
    }
  }
}
