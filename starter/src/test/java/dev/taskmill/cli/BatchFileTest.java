package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.batch.BatchEntry;
import dev.taskmill.testing.FixtureRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch file format: REPO [PR] per line, comments, relative paths, and one line per mistake.
 */
class BatchFileTest {
  @TempDir Path tmp;

  Path file(String text) throws Exception {
    Path file = tmp.resolve("repos.txt");
    Files.writeString(file, text);
    return file;
  }

  @Nested
  class Reads {
    @Test
    void urlsPathsPrsAndComments() throws Exception {
      try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("clones/calc"))) {
        repo.write("a.txt", "a\n").commit("initial");
      }
      Path file =
          file(
              """
          # mined on Mondays
          https://github.com/pallets/click            # the best PR
          https://github.com/pallets/click 3764
          https://github.com/pallets/click #3764      # a '#' before the number is fine

          clones/calc 12
          https://github.com/pallets/click 3764
          """);

      List<BatchEntry> entries = BatchFile.read(file);

      assertThat(entries)
          .containsExactly(
              new BatchEntry("https://github.com/pallets/click", null),
              new BatchEntry("https://github.com/pallets/click", 3764),
              new BatchEntry(tmp.resolve("clones/calc").toString(), 12));
    }

    @Test
    void theSameEntriesGiveTheSameHashAndMineChangesIt() {
      List<BatchEntry> entries = List.of(new BatchEntry("https://github.com/a/b", null));
      assertThat(BatchFile.hash(entries, null))
          .isEqualTo(BatchFile.hash(List.copyOf(entries), null))
          .isNotEqualTo(BatchFile.hash(entries, 2));
    }
  }

  @Nested
  class Refuses {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "https://github.com/a/b twelve",
          "https://github.com/a/b 0",
          "https://github.com/a/b 1 2",
          "ftp://example.com/x",
          "no/such/clone 3",
          "# only a comment"
        })
    void aBadLineWithExitCode30AndItsLineNumber(String line) throws Exception {
      Path file = file("https://github.com/pallets/click\n" + line + "\n");
      if (line.startsWith("#")) {
        file = file(line + "\n");
      }
      Path batch = file;
      assertThatThrownBy(() -> BatchFile.read(batch))
          .isInstanceOfSatisfying(
              UserError.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(BatchFile.INVALID);
                assertThat(e.getMessage())
                    .contains(line.startsWith("#") ? "lists no repository" : "repos.txt:2");
              });
    }

    @Test
    void aMissingFileThroughTheCliInOneLine() {
      StringWriter err = new StringWriter();
      int code =
          TaskmillCli.execute(
              new String[] {"batch", tmp.resolve("nope.txt").toString()},
              new PrintWriter(err, true));
      assertThat(code).isEqualTo(BatchFile.INVALID);
      assertThat(err.toString().strip())
          .startsWith("taskmill: cannot read the batch file")
          .doesNotContain("\n");
    }
  }
}
