package dev.taskmill.cli;

import dev.taskmill.git.RepoLocation;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The repository and PR a command works on. */
public final class RepoOptions {
  @Parameters(
      index = "0",
      paramLabel = "REPO_URL",
      description = "A git URL (https, ssh, file://) or a local path to a git repository.")
  String repoUrl;

  @Option(
      names = "--pr",
      paramLabel = "N",
      description = "The PR to use (default: pick the best bug-fix PR).")
  Integer pr;

  @Option(
      names = "--github-api",
      paramLabel = "URL",
      description =
          "GitHub REST API base for GitHub Enterprise (default: $TASKMILL_GITHUB_API or api.github.com).")
  String githubApi;

  /**
   * The repository as the workers should see it: local paths made absolute. Fails with one line if
   * invalid.
   */
  String resolvedRepo() {
    if (pr != null && pr <= 0) {
      throw new UserError(
          3, "--pr " + pr + " is not a PR number; use a positive number such as --pr 42");
    }

    try {
      return RepoLocation.of(repoUrl).url();
    } catch (IllegalArgumentException e) {
      throw new UserError(3, e.getMessage());
    }
  }
}
