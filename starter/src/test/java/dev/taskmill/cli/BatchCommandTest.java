package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.testing.FixtureRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `taskmill batch` through the real CLI, workflow and activities on the in-memory server, with
 * repositories that are rejected in phase 1 (so no Docker is needed): the summary counts them by
 * reason, the exit code says no sample was made, and `watch`/`status` find the batch again by its
 * id.
 */
class BatchCommandTest {
  @TempDir static Path tmp;
  static EmbeddedTemporal server;

  record Outcome(int exitCode, String out, String err) {}

  @BeforeAll
  static void startServer() {
    System.setProperty("taskmill.cache.dir", tmp.resolve("cache").toString());
    server = EmbeddedTemporal.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static synchronized Outcome taskmill(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code = TaskmillCli.execute(args, new PrintWriter(err, true));
      return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  static void repoWithoutPrs(Path dir) {
    try (FixtureRepo repo = FixtureRepo.init(dir)) {
      repo.write("main.go", "package main\n\nfunc main() {}\n").commit("initial");
      repo.write("main.go", "package main\n\n// x\nfunc main() {}\n").commit("tweak");
    }
  }

  @Test
  void aBatchWhoseRepositoriesAreAllRejectedPrintsItsSummaryAndExits31ThenWatchFindsIt()
      throws Exception {
    repoWithoutPrs(tmp.resolve("repos/one"));
    repoWithoutPrs(tmp.resolve("repos/two"));
    Path file = tmp.resolve("repos/batch.txt");
    Files.writeString(
        file, "# two repositories without a bug-fix PR\none\ntwo   # ranked with --mine\n");

    Outcome batch =
        taskmill(
            "batch",
            file.toString(),
            "--mine",
            "2",
            "--samples-dir",
            tmp.resolve("samples").toString(),
            "--address",
            server.address());

    assertThat(batch.exitCode()).as(batch.out() + batch.err()).isEqualTo(BatchBoard.NO_SAMPLE);
    assertThat(batch.out())
        .contains("Batch done: 0 sample(s) made, 2 rejected")
        .contains("rejections by reason:   no_suitable_pr 2")
        .contains("rejections by language: unknown 2")
        .contains("  - " + tmp.resolve("repos/one") + ": no_suitable_pr (ranking failed: ");
    Matcher id = Pattern.compile("Batch (taskmill/batch/\\S+)").matcher(batch.out());
    assertThat(id.find()).isTrue();

    Outcome watch = taskmill("watch", id.group(1), "--address", server.address());
    assertThat(watch.exitCode()).isEqualTo(BatchBoard.NO_SAMPLE);
    assertThat(watch.out()).contains("Batch done: 0 sample(s) made, 2 rejected");

    Outcome status = taskmill("status", id.group(1), "--address", server.address());
    assertThat(status.exitCode()).isZero();
    // The counts are a query a worker answers; the batch command's in-process worker is gone with
    // it.
    assertThat(status.out())
        .contains(id.group(1) + ": completed")
        .contains("(no counts: no worker answered");
  }
}
