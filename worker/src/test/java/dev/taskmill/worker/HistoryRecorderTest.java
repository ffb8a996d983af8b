package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A recorded history names no temporary folder of the run that recorded it, in plain text or in
 * payloads.
 */
class HistoryRecorderTest {
  @Test
  void temporaryFoldersBecomeTheNeutralOneInTextAndPayloads() {
    String payload = "{\"repoUrl\":\"/tmp/junit-14467798299/repo-python\"}";
    String encoded =
        Base64.getEncoder()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            .replace("=", "\\u003d");
    String history =
        "{\"message\": \"cannot read /tmp/junit-99/calc\", \"data\": \"" + encoded + "\"}";

    String neutral = HistoryRecorder.neutral(history);

    assertThat(neutral).doesNotContain("junit").contains("cannot read /tmp/taskmill-replay/calc");
    String data = neutral.replaceAll(".*\"data\": \"([^\"]+)\".*", "$1").replace("\\u003d", "=");
    assertThat(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8))
        .isEqualTo("{\"repoUrl\":\"/tmp/taskmill-replay/repo-python\"}");
  }
}
