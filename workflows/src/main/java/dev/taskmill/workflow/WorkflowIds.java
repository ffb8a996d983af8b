package dev.taskmill.workflow;

/**
 * Workflow ids and sample keys derived from the repository and the PR, so the same work submitted twice runs once.
 */
public final class WorkflowIds {
  private WorkflowIds() {}

  /** For example "taskmill/github.com/psf/requests/pr-6767" or ".../auto" when the PR is to be picked. */
  public static String forRequest(String repoUrl, Integer prNumber, Phase stopAfter) {
    String pr = prNumber == null ? "auto" : "pr-" + prNumber;
    String mode = stopAfter == Phase.PATCHES ? "/analyze" : "";
    return "taskmill/" + RepoSlug.of(repoUrl).value() + "/" + pr + mode;
  }

  /** The key of one sample (repo + picked PR), one path segment; the same however the PR was chosen. */
  public static String sampleKey(String repoUrl, int prNumber) {
    return RepoSlug.of(repoUrl).fileSafe() + "__pr-" + prNumber;
  }

  /** A workflow id turned into one safe path segment. */
  public static String fileSafe(String workflowId) {
    return workflowId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
