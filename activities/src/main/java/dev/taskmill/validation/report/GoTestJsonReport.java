package dev.taskmill.validation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code go test -json} event stream: ids are "import/path/of/pkg/TestName" (subtests
 * keep their "/sub" suffix). Package-level events (build failures) name no test and add none.
 */
public final class GoTestJsonReport {
  private final ObjectMapper json;

  public GoTestJsonReport(ObjectMapper json) {
    this.json = json;
  }

  /** True when a line is a test2json event. */
  public static boolean looksLikeGoEvent(JsonNode node) {
    return node.isObject() && node.has("Action") && node.has("Package");
  }

  public TestResults parse(Reader in) throws IOException {
    Map<String, TestOutcome> outcomes = new TreeMap<>();
    BufferedReader lines = new BufferedReader(in);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      JsonNode event = readEvent(line);
      if (event == null || !event.hasNonNull("Test")) {
        continue;
      }
      TestOutcome outcome =
          switch (event.path("Action").asText()) {
            case "pass" -> TestOutcome.PASSED;
            case "fail" -> TestOutcome.FAILED;
            case "skip" -> TestOutcome.SKIPPED;
            default -> null;
          };
      if (outcome != null) {
        String id = event.path("Package").asText() + "/" + event.path("Test").asText();
        outcomes.merge(id, outcome, TestOutcome::worst);
      }
    }
    return TestResults.of(outcomes);
  }

  private JsonNode readEvent(String line) {
    String trimmed = line.trim();
    if (!trimmed.startsWith("{")) {
      return null; // go test may interleave plain build output
    }
    try {
      JsonNode node = json.readTree(trimmed);
      return looksLikeGoEvent(node) ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
