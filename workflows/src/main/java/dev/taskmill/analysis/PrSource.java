package dev.taskmill.analysis;

/** Where a pull request was found in the repository. */
public enum PrSource {
  MERGE_COMMIT,
  SQUASH_COMMIT,
  PULL_REF,
  GITHUB_API
}
