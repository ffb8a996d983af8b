package dev.taskmill.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.Candidate;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.enrichment.EnrichmentOutput;
import dev.taskmill.environment.EnvironmentOutput;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.validation.StageResult;
import dev.taskmill.validation.ValidationOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a sample's metadata.json from what the phases returned. Paths into the work area are written as file
 * names only: the work area is gone once the sample exists.
 */
final class MetadataWriter {
  static final String FILE = "metadata.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetadataWriter() {}

  /** The seven enrichment sections (docs/enrichment.md), merged at the top level when phase 6 ran. */
  static final List<String> ENRICHMENT_KEYS = List.of("taskGoal", "failureModeAnalysis", "stepLevelMetrics",
      "diffSemantics", "testExecution", "navigationMetrics", "planAndMemorySignals");

  static void write(AssemblyInput input, Instant createdAt, Path target) throws IOException {
    ObjectNode root = build(input, createdAt);
    mergeEnrichment(root, input.enrichment());
    JSON.writeValue(target.toFile(), root);
  }

  /** Copies the seven keys of enrichment.json into {@code root}; every one of them must be there. */
  static void mergeEnrichment(ObjectNode root, EnrichmentOutput enrichment) throws IOException {
    if (enrichment == null) {
      return;
    }
    Path file = Path.of(enrichment.sections());
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw Failures.of(FailureType.INTERNAL, file + " is missing: the enrichment phase must run on a worker that"
          + " shares this disk");
    }
    JsonNode sections = JSON.readTree(file.toFile());
    for (String key : ENRICHMENT_KEYS) {
      JsonNode section = sections.get(key);
      if (section == null || section.isNull()) {
        throw Failures.of(FailureType.INTERNAL, file + " has no " + key + " section");
      }
      root.set(key, section);
    }
  }

  static ObjectNode build(AssemblyInput input, Instant createdAt) {
    AnalysisOutput analysis = input.analysis();
    PullRequest pr = analysis.pullRequest();
    ObjectNode root = JSON.createObjectNode();
    root.put("sampleKey", input.sampleKey());
    root.putObject("repo").put("url", analysis.repoUrl()).put("name", analysis.repoName())
        .put("defaultBranch", analysis.defaultBranch());
    ObjectNode prNode = root.putObject("pullRequest");
    prNode.put("number", pr.number()).put("title", pr.title()).put("body", pr.body()).put("url", pr.url())
        .put("merged", pr.merged()).put("source", pr.source().name()).put("mergedAt", pr.mergedAt());
    ArrayNode issues = prNode.putArray("linkedIssues");
    pr.linkedIssues().forEach(issues::add);
    root.put("baseCommit", pr.baseCommit());
    root.put("mergeCommit", pr.mergeCommit());
    root.put("language", analysis.stack().language().name().toLowerCase());
    root.put("buildSystem", analysis.stack().buildSystem().name().toLowerCase());
    root.put("testFramework", analysis.stack().testFramework().name().toLowerCase());
    // One truth each: the version the sample runs with (the image's), and the lowest the build files accept.
    String used = input.environment() == null ? null : input.environment().toolchainVersion();
    root.put("toolchainVersion", used != null ? used : analysis.stack().toolchainVersion());
    root.put("toolchainRequired", analysis.stack().toolchainVersion());
    root.put("projectDir", analysis.stack().projectDir());
    root.set("patches", patches(input.patches()));
    ValidationOutput validation = input.validation();
    strings(root.putArray("FAIL_TO_PASS"), validation.failToPass());
    strings(root.putArray("PASS_TO_PASS"), validation.passToPass());
    strings(root.putArray("flaky"), validation.flaky());
    ArrayNode stages = root.putArray("stages");
    validation.stages().forEach(stage -> stages.add(stage(stage)));
    root.set("environment", environment(input.environment()));
    ArrayNode candidates = root.putArray("candidates");
    for (Candidate c : analysis.candidates()) {
      candidates.add(JSON.valueToTree(c));
    }
    root.put("pickReason", analysis.pickReason());
    ObjectNode timings = root.putObject("timings");
    ObjectNode phases = timings.putObject("phaseMillis");
    input.phaseMillis().forEach(phases::put);
    timings.put("totalMillis", input.phaseMillis().values().stream().mapToLong(Long::longValue).sum());
    root.put("toolVersion", input.toolVersion());
    root.put("createdAt", createdAt.toString());
    return root;
  }

  private static ObjectNode patches(ExtractionOutput patches) {
    ObjectNode node = JSON.createObjectNode();
    strings(node.putObject("fix").put("file", SampleFolders.FIX_PATCH).putArray("files"), patches.fixFiles());
    strings(node.putObject("tests").put("file", SampleFolders.TESTS_PATCH).putArray("files"), patches.testFiles());
    strings(node.putObject("other").putArray("files"), patches.otherFiles());
    strings(node.putArray("binaryFiles"), patches.binaryFiles());
    node.put("linesAdded", patches.linesAdded());
    node.put("linesRemoved", patches.linesRemoved());
    strings(node.putArray("notes"), patches.notes());
    return node;
  }

  private static ObjectNode stage(StageResult stage) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", stage.name());
    node.put("log", stage.log() == null ? null : Path.of(stage.log()).getFileName().toString());
    node.put("exitCode", stage.exitCode());
    node.put("timedOut", stage.timedOut());
    node.put("testsRun", stage.testsRun());
    node.put("passed", stage.passed());
    node.put("failed", stage.failed());
    node.put("skipped", stage.skipped());
    node.put("lineCoverage", stage.lineCoverage());
    node.put("millis", stage.millis());
    return node;
  }

  private static ObjectNode environment(EnvironmentOutput env) {
    ObjectNode node = JSON.createObjectNode();
    node.put("baseImage", env.baseImage());
    node.put("environmentImage", env.environmentImage());
    node.put("sampleImage", env.sampleImage());
    node.put("user", env.user());
    strings(node.putArray("dependencyNotes"), env.dependencyNotes());
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
