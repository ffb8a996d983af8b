package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.testing.SampleDocuments;
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
 * taskmill evaluate through the real command line: input errors, and the verdicts that need no
 * container (empty patch, unknown instance) on an embedded Temporal server. Docker runs are in the
 * worker's EndToEndTest.
 */
class EvaluateCommandTest {
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
            "0123456789abcdef0123456789abcdef01234567",
            "f123456789abcdef0123456789abcdef01234567",
            List.of("tests/test_calc.py::test_clamp_upper"));
    SampleDocuments.JSON.writeValue(dir.resolve("metadata.json").toFile(), metadata);
  }

  @Nested
  class InputErrors {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "not JSON | {oops | line 1 is not valid JSON",
          "no instance_id | {\"model_patch\": \"x\"} | line 1 has no instance_id",
          "a patch that is not text | [{\"instance_id\": \"a__b-1\", \"model_patch\": 3}] | model_patch is not a string",
          "twice the same instance | {\"instance_id\": \"a__b-1\"}\\n{\"instance_id\": \"a__b-1\"} | predicted twice"
        })
    void aBadPredictionsFileIsOneLineWithTheInvalidInputCode(
        String name, String text, String message) throws IOException {
      Path file = Files.writeString(tmp.resolve("preds.jsonl"), text.replace("\\n", "\n"));
      CliHelpTest.Outcome outcome =
          CliHelpTest.taskmill(
              "evaluate", "--predictions", file.toString(), "--samples-dir", samples.toString());
      assertThat(outcome.exit()).isEqualTo(3);
      assertThat(outcome.err().lines().toList())
          .singleElement()
          .asString()
          .startsWith("taskmill: ")
          .contains(message);
    }

    @Test
    void aMissingSamplesDirectoryIsNamed() throws IOException {
      Path file = Files.writeString(tmp.resolve("preds.json"), "[]");
      CliHelpTest.Outcome outcome =
          CliHelpTest.taskmill(
              "evaluate",
              "--predictions",
              file.toString(),
              "--samples-dir",
              tmp.resolve("nowhere").toString());
      assertThat(outcome.exit()).isEqualTo(3);
      assertThat(outcome.err()).contains("no samples directory at").contains("nowhere");
    }
  }

  @Test
  void anEmptyPatchAndAnUnknownInstanceAreVerdictsInTheReport() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("preds.json"),
            """
        [{"instance_id": "acme__calc-1", "model_name_or_path": "m", "model_patch": ""},
         {"instance_id": "acme__other-9", "model_name_or_path": "m", "model_patch": "diff --git a/x b/x\\n"}]
        """);
    Path report = tmp.resolve("out/report.json");
    CliHelpTest.Outcome outcome;
    // Its own in-memory server: never a server of the machine, whose queues other workers serve.
    try (EmbeddedTemporal server = EmbeddedTemporal.start(0)) {
      outcome =
          CliHelpTest.taskmill(
              "evaluate",
              "--predictions",
              file.toString(),
              "--samples-dir",
              samples.toString(),
              "--report",
              report.toString(),
              "--address",
              server.address());
    }

    assertThat(outcome.exit())
        .as(outcome.err() + outcome.out())
        .isEqualTo(EvaluateCommand.INCOMPLETE);
    assertThat(outcome.out())
        .contains(
            "acme__calc-1 (EMPTY_PATCH)", "acme__other-9 (UNKNOWN_INSTANCE)", "resolved 0 of 2");
    JsonNode doc = SampleDocuments.JSON.readTree(report.toFile());
    assertThat(doc.path("acme__calc-1").path("resolved").asBoolean()).isFalse();
    assertThat(doc.path("acme__calc-1").path("patch_exists").asBoolean()).isFalse();
    assertThat(
            doc.path("acme__calc-1")
                .path("tests_status")
                .path("FAIL_TO_PASS")
                .path("failure")
                .get(0)
                .asText())
        .isEqualTo("tests/test_calc.py::test_clamp_upper");
    assertThat(doc.path("acme__other-9").path("status").asText()).isEqualTo("UNKNOWN_INSTANCE");
  }

  @Test
  void theDefaultReportSitsNextToThePredictions() {
    assertThat(EvaluateCommand.defaultReport(Path.of("/data/preds.jsonl")))
        .isEqualTo(Path.of("/data/preds.report.json"));
  }
}
