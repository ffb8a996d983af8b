package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.export.ExportFormat;
import dev.taskmill.export.ExportSchemas;
import dev.taskmill.testing.SampleDocuments;
import dev.taskmill.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * taskmill export through the real command line, on a hand-made sample (no Docker, no Temporal).
 */
class ExportCommandTest {
  static final String BASE = "0123456789abcdef0123456789abcdef01234567";
  @TempDir Path tmp;
  Path samples;

  @BeforeEach
  void sample() throws IOException {
    samples = tmp.resolve("samples");
    Path dir = Files.createDirectories(samples.resolve("task-1"));
    ObjectNode metadata =
        SampleDocuments.metadata(
            "github.com__acme__calc__pr-1",
            "https://github.com/acme/calc",
            BASE,
            BASE.replace('0', 'f'),
            List.of("tests/test_calc.py::test_clamp_upper"));
    SampleDocuments.JSON.writeValue(dir.resolve("metadata.json").toFile(), metadata);
    for (String kind : List.of(Trajectory.IDEAL, Trajectory.FAILED)) {
      SampleDocuments.JSON.writeValue(
          dir.resolve(kind + "_trajectory.json").toFile(),
          SampleDocuments.trajectory(kind, "github.com__acme__calc__pr-1", BASE));
    }
    Files.writeString(dir.resolve("fix.patch"), "diff --git a/calc.py b/calc.py\n");
    Files.writeString(
        dir.resolve("tests.patch"), "diff --git a/tests/test_calc.py b/tests/test_calc.py\n");
    Files.createDirectories(samples.resolve("task-2")); // a half-made folder: skipped with a note
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"swe-bench, 1", "multi-swe-bench, 1", "trajectories, 2"})
  void eachFormatReadsBackValidAgainstItsSchema(String format, int lines) throws IOException {
    Path out = tmp.resolve(format + ".jsonl");
    CliHelpTest.Outcome outcome =
        CliHelpTest.taskmill(
            "export",
            "--samples-dir",
            samples.toString(),
            "--format",
            format,
            "--out",
            out.toString());

    assertThat(outcome.exit()).as(outcome.err() + outcome.out()).isZero();
    assertThat(outcome.out())
        .contains("exported " + lines + " " + format, "skipped task-2: no metadata.json");
    String text = Files.readString(out);
    assertThat(text.lines()).hasSize(lines);
    assertThat(ExportSchemas.get().validateLines(ExportFormat.parse(format), text)).isEmpty();
    JsonNode first = SampleDocuments.JSON.readTree(text.lines().findFirst().orElseThrow());
    assertThat(first.path("instance_id").asText()).isEqualTo("acme__calc-1");
  }

  @Nested
  class TheFields {
    JsonNode line(String format) throws IOException {
      CliHelpTest.Outcome outcome =
          CliHelpTest.taskmill("export", "--samples-dir", samples.toString(), "--format", format);
      assertThat(outcome.exit()).as(outcome.err()).isZero();
      return SampleDocuments.JSON.readTree(outcome.out().lines().findFirst().orElseThrow());
    }

    @Test
    void sweBenchEncodesTheTestListsAsJsonStrings() throws IOException {
      JsonNode line = line("swe-bench");
      assertThat(line.path("repo").asText()).isEqualTo("acme/calc");
      assertThat(line.path("FAIL_TO_PASS").isTextual()).isTrue();
      assertThat(SampleDocuments.JSON.readTree(line.path("FAIL_TO_PASS").asText()).get(0).asText())
          .isEqualTo("tests/test_calc.py::test_clamp_upper");
      assertThat(line.path("problem_statement").asText())
          .isEqualTo("clamp ignores its upper bound");
    }

    @Test
    void multiSweBenchSplitsTheTestsByTheirStatuses() throws IOException {
      JsonNode line = line("multi-swe-bench");
      assertThat(line.path("org").asText()).isEqualTo("acme");
      assertThat(line.path("number").asInt()).isEqualTo(1);
      assertThat(
              line.path("f2p_tests")
                  .path("tests/test_calc.py::test_clamp_upper")
                  .path("test")
                  .asText())
          .isEqualTo("FAIL");
      assertThat(line.path("p2p_tests").path("tests/test_calc.py::test_add").path("fix").asText())
          .isEqualTo("PASS");
    }

    @Test
    void aTrajectoryWithAnUnansweredToolCallFailsTheCheck() throws IOException {
      ObjectNode line = (ObjectNode) line("trajectories");
      var messages = (com.fasterxml.jackson.databind.node.ArrayNode) line.get("messages");
      messages.remove(messages.size() - 1); // the last tool answer
      assertThat(ExportSchemas.get().validate(ExportFormat.TRAJECTORIES, line))
          .singleElement()
          .asString()
          .contains("has no tool answer");
    }
  }

  @Test
  void anUnknownFormatIsOneLineWithTheInvalidInputCode() {
    CliHelpTest.Outcome outcome =
        CliHelpTest.taskmill("export", "--samples-dir", samples.toString(), "--format", "csv");
    assertThat(outcome.exit()).isEqualTo(3);
    assertThat(outcome.err().lines().toList())
        .singleElement()
        .asString()
        .contains("unknown format 'csv'");
  }
}
