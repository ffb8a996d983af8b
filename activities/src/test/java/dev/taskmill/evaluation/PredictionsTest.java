package dev.taskmill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.evaluation.Predictions.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three shapes of SWE-bench predictions, and what a bad file says. */
class PredictionsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JSON list | [{\"instance_id\": \"a__b-1\", \"model_name_or_path\": \"m\", \"model_patch\": \"p\"}, {\"instance_id\": \"a__b-2\", \"model_patch\": null}]",
        "JSON lines | {\"instance_id\": \"a__b-1\", \"model_name_or_path\": \"m\", \"model_patch\": \"p\"}\\n\\n{\"instance_id\": \"a__b-2\"}",
        "object by id | {\"a__b-1\": {\"instance_id\": \"a__b-1\", \"model_name_or_path\": \"m\", \"model_patch\": \"p\"}, \"a__b-2\": {\"instance_id\": \"a__b-2\"}}"
      })
  void readsEveryShape(String name, String text) throws IOException {
    Path file = Files.writeString(tmp.resolve("p.json"), text.replace("\\n", "\n"));

    assertThat(Predictions.read(file))
        .containsExactly(new Prediction("a__b-1", "m", "p"), new Prediction("a__b-2", "", null));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | is empty",
        "{\"instance_id\": \"a__b-1\"}\\n{broken | line 2 is not valid JSON",
        "[1] | entry 1 is not a JSON object",
        "{\"instance_id\": \"a__b-1\", \"model_patch\": []} | model_patch is not a string"
      })
  void aBadFileNamesWhere(String text, String message) throws IOException {
    Path file = Files.writeString(tmp.resolve("p.jsonl"), text.replace("\\n", "\n"));

    assertThatThrownBy(() -> Predictions.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
