package dev.taskmill.assembly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.taskmill.analysis.Candidate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * metadata.json without the seven enrichment sections (docs/schemas/metadata.schema.json), as
 * records that Jackson writes in declaration order. {@link MetadataWriter} fills them; {@code
 * MetadataSchemaTest} holds them against the schema.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "sampleKey",
  "repo",
  "pullRequest",
  "baseCommit",
  "mergeCommit",
  "language",
  "buildSystem",
  "testFramework",
  "toolchainVersion",
  "toolchainRequired",
  "projectDir",
  "patches",
  "FAIL_TO_PASS",
  "PASS_TO_PASS",
  "flaky",
  "stages",
  "environment",
  "candidates",
  "pickReason",
  "timings",
  "toolVersion",
  "createdAt"
})
record Metadata(
    String sampleKey,
    Repo repo,
    Pr pullRequest,
    String baseCommit,
    String mergeCommit,
    String language,
    String buildSystem,
    String testFramework,
    String toolchainVersion,
    String toolchainRequired,
    String projectDir,
    Patches patches,
    @JsonProperty("FAIL_TO_PASS") List<String> failToPass,
    @JsonProperty("PASS_TO_PASS") List<String> passToPass,
    List<String> flaky,
    List<Stage> stages,
    Environment environment,
    List<Candidate> candidates,
    String pickReason,
    Timings timings,
    String toolVersion,
    String createdAt) {
  Metadata {
    Objects.requireNonNull(sampleKey, "sampleKey");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(pullRequest, "pullRequest");
    failToPass = List.copyOf(failToPass);
    passToPass = List.copyOf(passToPass);
    flaky = List.copyOf(flaky);
    stages = List.copyOf(stages);
    candidates = List.copyOf(candidates);
  }

  /** The repository. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Repo(String url, String name, String defaultBranch) {}

  /** The pull request the sample is made from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({
    "number",
    "title",
    "body",
    "url",
    "merged",
    "source",
    "mergedAt",
    "linkedIssues"
  })
  record Pr(
      int number,
      String title,
      String body,
      String url,
      boolean merged,
      String source,
      String mergedAt,
      List<Integer> linkedIssues) {}

  /** The two patch files, the files each touches, and what was left out of both. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({
    "fix",
    "tests",
    "other",
    "binaryFiles",
    "linesAdded",
    "linesRemoved",
    "notes"
  })
  record Patches(
      PatchFile fix,
      PatchFile tests,
      Files other,
      List<String> binaryFiles,
      int linesAdded,
      int linesRemoved,
      List<String> notes) {}

  /** A patch file of the sample and the repository files it changes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"file", "files"})
  record PatchFile(String file, List<String> files) {}

  /** Repository files. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Files(List<String> files) {}

  /** One validation stage as the sample keeps it; its log by file name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({
    "name",
    "log",
    "exitCode",
    "timedOut",
    "testsRun",
    "passed",
    "failed",
    "skipped",
    "lineCoverage",
    "millis"
  })
  record Stage(
      String name,
      String log,
      int exitCode,
      boolean timedOut,
      int testsRun,
      int passed,
      int failed,
      int skipped,
      Double lineCoverage,
      long millis) {}

  /** The images the sample runs in. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"baseImage", "environmentImage", "sampleImage", "user", "dependencyNotes"})
  record Environment(
      String baseImage,
      String environmentImage,
      String sampleImage,
      String user,
      List<String> dependencyNotes) {}

  /** Wall time of each phase, by phase name, and their sum. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"phaseMillis", "totalMillis"})
  record Timings(Map<String, Long> phaseMillis, long totalMillis) {}
}
