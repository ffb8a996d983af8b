package dev.taskmill.validation.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the output of {@code jest --json}: ids are "path/file.test.js > suite > title". A test file
 * that failed to run (syntax error, missing import) has no assertion results: its tests are absent.
 */
public final class JestJsonReport {
  private final ContainerPaths paths;

  public JestJsonReport(ContainerPaths paths) {
    this.paths = paths;
  }

  /** True when the JSON has jest's shape (a testResults array with assertionResults). */
  public static boolean looksLikeJest(JsonNode root) {
    return root.isObject()
        && root.path("testResults").isArray()
        && (root.has("numTotalTests") || root.path("testResults").path(0).has("assertionResults"));
  }

  public TestResults parse(JsonNode root) {
    Map<String, TestOutcome> outcomes = new TreeMap<>();
    for (JsonNode file : root.path("testResults")) {
      String path = paths.relative(file.path("name").asText(""));
      for (JsonNode assertion : file.path("assertionResults")) {
        List<String> parts = new ArrayList<>();
        parts.add(path);
        assertion.path("ancestorTitles").forEach(t -> parts.add(t.asText()));
        parts.add(assertion.path("title").asText());
        parts.removeIf(String::isBlank);
        outcomes.merge(
            String.join(" > ", parts),
            outcomeOf(assertion.path("status").asText()),
            TestOutcome::worst);
      }
    }
    return TestResults.of(outcomes);
  }

  private static TestOutcome outcomeOf(String status) {
    return switch (status) {
      case "passed" -> TestOutcome.PASSED;
      case "failed" -> TestOutcome.FAILED;
      default -> TestOutcome.SKIPPED; // pending, skipped, todo, disabled, focused-away
    };
  }
}
