package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.validation.ValidationSettings;
import java.util.List;

/**
 * A batch: the entries still to do, how to run each, and, after a continue-as-new, what was done
 * before.
 *
 * @param entries the lines of the batch file not yet started (in order)
 * @param mine for entries without a PR: take this many of phase 1's best candidates (one child per
 *     PR); null runs one child that picks its own PR, as `taskmill run REPO` does
 * @param concurrency the most child runs at once
 * @param maxCandidates for children that pick their own PR: how many candidates they may try
 * @param childrenPerRun children started before the batch continues as new (bounds its history)
 * @param done entries finished before this run of the workflow (continue-as-new), for the progress
 *     count
 * @param total every entry of the batch, for the progress count
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchRequest(
    List<BatchEntry> entries,
    String samplesDir,
    Integer mine,
    int concurrency,
    Integer maxCandidates,
    String githubApiUrl,
    ValidationSettings validation,
    boolean searchAttributes,
    Integer childrenPerRun,
    int done,
    int total,
    BatchSummary summary) {
  /** More entries than this would not fit a workflow input (2 MB); split the file. */
  public static final int MAX_ENTRIES = 5_000;

  /** Enough to keep a history well under Temporal's limits: a child costs about ten events. */
  public static final int DEFAULT_CHILDREN_PER_RUN = 500;

  public BatchRequest {
    entries = entries == null ? List.of() : List.copyOf(entries);
    if (entries.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "a batch holds at most " + MAX_ENTRIES + " entries, got " + entries.size());
    }
    if (samplesDir == null || !samplesDir.startsWith("/")) {
      throw new IllegalArgumentException("samplesDir must be an absolute path: " + samplesDir);
    }
    if (mine != null && (mine < 1 || mine > 50)) {
      throw new IllegalArgumentException("mine must be between 1 and 50: " + mine);
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be between 1 and 64: " + concurrency);
    }
    if (childrenPerRun != null && childrenPerRun < 1) {
      throw new IllegalArgumentException("childrenPerRun must be positive: " + childrenPerRun);
    }
    childrenPerRun = childrenPerRun == null ? DEFAULT_CHILDREN_PER_RUN : childrenPerRun;
    validation = validation == null ? ValidationSettings.DEFAULTS : validation;
    summary = summary == null ? BatchSummary.EMPTY : summary;
    total = Math.max(total, done + entries.size());
  }

  /** A new batch of {@code entries}. */
  public static BatchRequest of(
      List<BatchEntry> entries, String samplesDir, Integer mine, int concurrency) {
    return new BatchRequest(
        entries, samplesDir, mine, concurrency, null, null, null, false, null, 0, 0, null);
  }

  /** The same batch with other options for its children. */
  public BatchRequest withChildOptions(
      Integer maxCandidates,
      String githubApiUrl,
      ValidationSettings validation,
      boolean searchAttributes) {
    return new BatchRequest(
        entries,
        samplesDir,
        mine,
        concurrency,
        maxCandidates,
        githubApiUrl,
        validation,
        searchAttributes,
        childrenPerRun,
        done,
        total,
        summary);
  }

  /**
   * The same batch continuing as new after {@code doneNow} more entries, with the summary so far.
   */
  public BatchRequest continued(int doneNow, BatchSummary summarySoFar) {
    return new BatchRequest(
        entries.subList(doneNow, entries.size()),
        samplesDir,
        mine,
        concurrency,
        maxCandidates,
        githubApiUrl,
        validation,
        searchAttributes,
        childrenPerRun,
        done + doneNow,
        total,
        summarySoFar);
  }

  /**
   * The same batch starting at most {@code n} children per workflow run (tests use a small number).
   */
  public BatchRequest withChildrenPerRun(int n) {
    return new BatchRequest(
        entries,
        samplesDir,
        mine,
        concurrency,
        maxCandidates,
        githubApiUrl,
        validation,
        searchAttributes,
        n,
        done,
        total,
        summary);
  }
}
