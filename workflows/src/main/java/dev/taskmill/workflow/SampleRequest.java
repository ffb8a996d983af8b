package dev.taskmill.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.phase.Phase;
import dev.taskmill.validation.ValidationSettings;

/**
 * One unit of work: make a sample from this repository (and PR). Build one with {@link #builder};
 * the canonical constructor stays for Jackson (workflow inputs in histories) and existing callers.
 *
 * @param prNumber the PR to use, or null to pick the best one
 * @param samplesDir absolute directory that samples/task-N are created in
 * @param workDir absolute work area, or null for samplesDir/.work/&lt;workflow id&gt;
 * @param stopAfter the last phase to run: PATCHES for analyze, ENRICHMENT (or null) for the whole
 *     job
 * @param githubApiUrl GitHub REST API base, or null for the public API
 * @param searchAttributes whether the server has taskmill's search attributes registered
 * @param maxCandidates without a PR number: how many candidates to try, moving on after a rejection
 *     (default 3)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SampleRequest(
    String repoUrl,
    Integer prNumber,
    String samplesDir,
    String workDir,
    Phase stopAfter,
    String githubApiUrl,
    ValidationSettings validation,
    boolean searchAttributes,
    Integer maxCandidates) {
  /** Without a PR number, how many candidates a run tries before it gives up. */
  public static final int DEFAULT_MAX_CANDIDATES = 3;

  public SampleRequest {
    if (repoUrl == null || repoUrl.isBlank()) {
      throw new IllegalArgumentException("repoUrl is required");
    }
    if (prNumber != null && prNumber <= 0) {
      throw new IllegalArgumentException("PR number must be positive: " + prNumber);
    }
    if (samplesDir == null || !samplesDir.startsWith("/")) {
      throw new IllegalArgumentException("samplesDir must be an absolute path: " + samplesDir);
    }
    if (workDir != null && !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    stopAfter = stopAfter == null ? Phase.ENRICHMENT : stopAfter;
    validation = validation == null ? ValidationSettings.DEFAULTS : validation;
    if (maxCandidates != null && (maxCandidates < 1 || maxCandidates > 50)) {
      throw new IllegalArgumentException(
          "maxCandidates must be between 1 and 50: " + maxCandidates);
    }
    maxCandidates = maxCandidates == null ? DEFAULT_MAX_CANDIDATES : maxCandidates;
  }

  /** A request with the default number of candidates. */
  public SampleRequest(
      String repoUrl,
      Integer prNumber,
      String samplesDir,
      String workDir,
      Phase stopAfter,
      String githubApiUrl,
      ValidationSettings validation,
      boolean searchAttributes) {
    this(
        repoUrl,
        prNumber,
        samplesDir,
        workDir,
        stopAfter,
        githubApiUrl,
        validation,
        searchAttributes,
        null);
  }

  /** Phases 1-2 only, with the patches written to {@code outDir}. */
  public static SampleRequest analyzeOnly(
      String repoUrl, Integer prNumber, String outDir, String githubApiUrl) {
    return builder(repoUrl, outDir)
        .pr(prNumber)
        .workDir(outDir)
        .stopAfter(Phase.PATCHES)
        .githubApiUrl(githubApiUrl)
        .build();
  }

  /**
   * A request for {@code repoUrl} with its samples in {@code samplesDir}; everything else has its
   * default.
   */
  public static Builder builder(String repoUrl, String samplesDir) {
    return new Builder(repoUrl, samplesDir);
  }

  /** A builder holding this request's values, to change one or two of them. */
  public Builder toBuilder() {
    return new Builder(repoUrl, samplesDir)
        .pr(prNumber)
        .workDir(workDir)
        .stopAfter(stopAfter)
        .githubApiUrl(githubApiUrl)
        .validation(validation)
        .searchAttributes(searchAttributes)
        .maxCandidates(maxCandidates);
  }

  /**
   * Names the optional values that the canonical constructor takes as positional nulls; checks stay
   * there.
   */
  public static final class Builder {
    private final String repoUrl;
    private final String samplesDir;
    private Integer prNumber;
    private String workDir;
    private Phase stopAfter;
    private String githubApiUrl;
    private ValidationSettings validation;
    private boolean searchAttributes;
    private Integer maxCandidates;

    private Builder(String repoUrl, String samplesDir) {
      this.repoUrl = repoUrl;
      this.samplesDir = samplesDir;
    }

    /** The PR to use; null (the default) picks the best one. */
    public Builder pr(Integer prNumber) {
      this.prNumber = prNumber;
      return this;
    }

    public Builder workDir(String workDir) {
      this.workDir = workDir;
      return this;
    }

    public Builder stopAfter(Phase stopAfter) {
      this.stopAfter = stopAfter;
      return this;
    }

    public Builder githubApiUrl(String githubApiUrl) {
      this.githubApiUrl = githubApiUrl;
      return this;
    }

    public Builder validation(ValidationSettings validation) {
      this.validation = validation;
      return this;
    }

    public Builder searchAttributes(boolean searchAttributes) {
      this.searchAttributes = searchAttributes;
      return this;
    }

    public Builder maxCandidates(Integer maxCandidates) {
      this.maxCandidates = maxCandidates;
      return this;
    }

    public SampleRequest build() {
      return new SampleRequest(
          repoUrl,
          prNumber,
          samplesDir,
          workDir,
          stopAfter,
          githubApiUrl,
          validation,
          searchAttributes,
          maxCandidates);
    }
  }
}
