package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The payload as Temporal's Jackson converter sees it: older workers' JSON (no prNumber) must still
 * read.
 */
class ExtractionInputJsonTest {
  final ObjectMapper json = new ObjectMapper();
  final String sha = "c".repeat(40);

  @Test
  void roundTripsWithThePrNumber() throws Exception {
    ExtractionInput input =
        new ExtractionInput("https://example.com/r.git", sha, sha, "/tmp/w", 12);
    String text = json.writeValueAsString(input);
    assertThat(text).doesNotContain("describe");
    assertThat(json.readValue(text, ExtractionInput.class)).isEqualTo(input);
  }

  @Test
  void readsJsonWithoutThePrNumberAndWithUnknownFields() throws Exception {
    String text =
        "{\"repoUrl\":\"r\",\"baseCommit\":\""
            + sha
            + "\",\"mergeCommit\":\""
            + sha
            + "\",\"workDir\":\"/tmp/w\",\"future\":1}";
    ExtractionInput input = json.readValue(text, ExtractionInput.class);
    assertThat(input.prNumber()).isNull();
    assertThat(input.describe()).isEqualTo("commit " + sha.substring(0, 12));
  }
}
