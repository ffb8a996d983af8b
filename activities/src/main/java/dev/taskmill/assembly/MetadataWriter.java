package dev.taskmill.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.analysis.AnalysisOutput;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a sample's metadata.json from what the phases returned. Paths into the work area are
 * written as file names only: the work area is gone once the sample exists.
 */
final class MetadataWriter {
  static final String FILE = "metadata.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetadataWriter() {}

  /**
   * The seven enrichment sections (docs/enrichment.md), merged at the top level when phase 6 ran.
   */
  static final List<String> ENRICHMENT_KEYS =
      List.of(
          "taskGoal",
          "failureModeAnalysis",
          "stepLevelMetrics",
          "diffSemantics",
          "testExecution",
          "navigationMetrics",
          "planAndMemorySignals");

  static void write(AssemblyInput input, Instant createdAt, Path target) throws IOException {
    ObjectNode root = build(input, createdAt);
    mergeEnrichment(root, input.enrichment());
    JSON.writeValue(target.toFile(), root);
  }

  /**
   * Copies the seven keys of enrichment.json into {@code root}; every one of them must be there.
   */
  static void mergeEnrichment(ObjectNode root, EnrichmentOutput enrichment) throws IOException {
    if (enrichment == null) {
      return;
    }
    Path file = Path.of(enrichment.sections());
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw Failures.of(
          FailureType.INTERNAL,
          file
              + " is missing: the enrichment phase must run on a worker that"
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
    return JSON.valueToTree(metadata(input, createdAt));
  }

  static Metadata metadata(AssemblyInput input, Instant createdAt) {
    AnalysisOutput analysis = input.analysis();
    PullRequest pr = analysis.pullRequest();
    ValidationOutput validation = input.validation();
    ExtractionOutput patches = input.patches();
    EnvironmentOutput env = input.environment();
    // One truth each: the version the sample runs with (the image's), and the lowest the build
    // files accept.
    String used = env == null ? null : env.toolchainVersion();
    Map<String, Long> phaseMillis = new LinkedHashMap<>();
    input.phaseMillis().forEach((phase, millis) -> phaseMillis.put(phase.name(), millis));
    return new Metadata(
        input.sampleKey(),
        new Metadata.Repo(analysis.repoUrl(), analysis.repoName(), analysis.defaultBranch()),
        new Metadata.Pr(
            pr.number(),
            pr.title(),
            pr.body(),
            pr.url(),
            pr.merged(),
            pr.source().name(),
            pr.mergedAt(),
            pr.linkedIssues()),
        pr.baseCommit(),
        pr.mergeCommit(),
        analysis.stack().language().name().toLowerCase(Locale.ROOT),
        analysis.stack().buildSystem().name().toLowerCase(Locale.ROOT),
        analysis.stack().testFramework().name().toLowerCase(Locale.ROOT),
        used != null ? used : analysis.stack().toolchainVersion(),
        analysis.stack().toolchainVersion(),
        analysis.stack().projectDir(),
        new Metadata.Patches(
            new Metadata.PatchFile(SampleFolders.FIX_PATCH, patches.fixFiles()),
            new Metadata.PatchFile(SampleFolders.TESTS_PATCH, patches.testFiles()),
            new Metadata.Files(patches.otherFiles()),
            patches.binaryFiles(),
            patches.linesAdded(),
            patches.linesRemoved(),
            patches.notes()),
        validation.failToPass(),
        validation.passToPass(),
        validation.flaky(),
        validation.stages().stream().map(MetadataWriter::stage).toList(),
        new Metadata.Environment(
            env.baseImage(),
            env.environmentImage(),
            env.sampleImage(),
            env.user(),
            env.dependencyNotes()),
        analysis.candidates(),
        analysis.pickReason(),
        new Metadata.Timings(
            phaseMillis, phaseMillis.values().stream().mapToLong(Long::longValue).sum()),
        input.toolVersion(),
        createdAt.toString());
  }

  private static Metadata.Stage stage(StageResult stage) {
    return new Metadata.Stage(
        stage.name(),
        stage.log() == null ? null : Path.of(stage.log()).getFileName().toString(),
        stage.exitCode(),
        stage.timedOut(),
        stage.testsRun(),
        stage.passed(),
        stage.failed(),
        stage.skipped(),
        stage.lineCoverage(),
        stage.millis());
  }
}
