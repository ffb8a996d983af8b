package dev.taskmill.workflow;

import dev.taskmill.phase.Phase;

/**
 * Workflow ids and sample keys derived from the repository and the PR, so the same work submitted
 * twice runs once.
 */
public final class WorkflowIds {
  private WorkflowIds() {}

  /**
   * For example "taskmill/github.com/psf/requests/pr-6767" or ".../auto" when the PR is to be
   * picked.
   */
  public static String forRequest(String repoUrl, Integer prNumber, Phase stopAfter) {
    String pr = prNumber == null ? "auto" : "pr-" + prNumber;
    String mode = stopAfter == Phase.PATCHES ? "/analyze" : "";
    return "taskmill/" + RepoSlug.of(repoUrl).value() + "/" + pr + mode;
  }

  /**
   * The id of a request: repository, PR and where its samples go. The same work for the same
   * samples directory attaches to the first run; the same repository and PR for another directory
   * is another run (so that its directory gets its sample), e.g.
   * "taskmill/github.com/psf/requests/pr-6767/in-1a2b3c4d".
   */
  public static String forRequest(SampleRequest request) {
    return forRequest(request.repoUrl(), request.prNumber(), request.stopAfter())
        + "/in-"
        + shortHash(request.samplesDir());
  }

  /**
   * Eight hex digits of the string's FNV-1a hash: stable across processes and machines, no I/O
   * classes needed.
   */
  static String shortHash(String value) {
    int hash = 0x811c9dc5;
    for (int i = 0; i < value.length(); i++) {
      hash ^= value.charAt(i);
      hash *= 0x01000193;
    }
    return String.format(java.util.Locale.ROOT, "%08x", hash);
  }

  /**
   * The id of an evaluation: the same predictions (by content hash, computed by the caller) against
   * the same samples directory attach to the first evaluation, e.g.
   * "taskmill/evaluate/1a2b3c4d/in-5e6f7a8b".
   */
  public static String forEvaluation(String predictionsHash, String samplesDir) {
    return "taskmill/evaluate/" + predictionsHash + "/in-" + shortHash(samplesDir);
  }

  /** Every batch id starts with this; `taskmill watch` tells a batch from a run by it. */
  public static final String BATCH_PREFIX = "taskmill/batch/";

  /**
   * The id of a batch: the same entries and options (hashed by the caller) for the same samples
   * directory attach to the batch already running, e.g. "taskmill/batch/1a2b3c4d/in-5e6f7a8b".
   */
  public static String forBatch(String contentHash, String samplesDir) {
    return BATCH_PREFIX + contentHash + "/in-" + shortHash(samplesDir);
  }

  /** Whether the id is a batch's. */
  public static boolean isBatch(String workflowId) {
    return workflowId.startsWith(BATCH_PREFIX);
  }

  /** Eight hex digits of the string's hash, for callers that name work by its content. */
  public static String contentHash(String value) {
    return shortHash(value);
  }

  /**
   * The key of one sample (repo + picked PR), one path segment; the same however the PR was chosen.
   */
  public static String sampleKey(String repoUrl, int prNumber) {
    return RepoSlug.of(repoUrl).fileSafe() + "__pr-" + prNumber;
  }

  /** A workflow id turned into one safe path segment. */
  public static String fileSafe(String workflowId) {
    return workflowId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
